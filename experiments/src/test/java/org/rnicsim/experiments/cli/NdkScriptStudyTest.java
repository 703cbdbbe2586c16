package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ndk-script} studies from the command line: the example reruns byte for byte, a script that
 * breaks the consumer's rules reports the invariants it broke instead of failing, and a malformed
 * provider section or script is refused at the value with exit code 2.
 */
class NdkScriptStudyTest {
  /** A consumer that closes an MR twice and posts on a QP whose close it has issued. */
  static final String BROKEN =
      String.join(
          "\n",
          "name: broken-consumer",
          "run: {replications: 3}",
          "hardware:",
          "  firmware: {createQp: 60us}",
          "workload:",
          "  kind: ndk-script",
          "  steps:",
          "    - openAdapter: adapter",
          "    - createCq: cq",
          "    - createPd: pd",
          "    - waitFor: {created: cq}",
          "    - createQp: {as: qp, pd: pd, cq: cq}",
          "    - createMr: {as: mr, pd: pd}",
          "    - waitFor: {created: qp}",
          "    - close: mr",
          "    - close: mr",
          "    - close: qp",
          "    - receive: qp",
          "    - waitFor: {closed: qp}",
          "    - close: cq",
          "    - close: pd",
          "    - closeAdapter: adapter",
          "");

  @TempDir Path dir;

  @Test
  void whenTheExampleStudyRunsTwice_thenEveryResultFileIsByteIdentical() throws Exception {
    Path study = Path.of("..", "configs", "qp-teardown.yaml");
    SweptTwice swept = SweptTwice.of(study, dir);
    for (String written : List.of("object-closes.png", "lifetimes.svg", "lifetimes.csv")) {
      assertTrue(swept.files().contains(swept.first().resolve(written)), swept.files().toString());
    }
  }

  @Test
  void whenAScriptBreaksTheConsumersRules_thenViolationsAreReportedWithTheirInvariants()
      throws Exception {
    Path study = Files.writeString(dir.resolve("broken.yaml"), BROKEN);
    Path out = dir.resolve("out");

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertFalse(run.showsStackTrace(), run.err());
    // ndkpi-spec 7: the double close and the receive after close are both invariant 13.
    assertTrue(
        run.out().contains("lifetime verifier, violations per replication: invariant 13 x2"),
        run.out());
    List<String> rows = Files.readAllLines(out.resolve("violations.csv"));
    assertEquals("invariant,mean_per_replication,ci95_half_width", rows.get(0));
    assertEquals(List.of("13,2.000,0.000"), rows.subList(1, rows.size()));
    String summary = Files.readString(out.resolve("summary.json"));
    assertTrue(summary.contains("\"violations_invariant_13\""), summary);
  }

  /** Steps that wait for a notification on a CQ nobody armed: it never comes. */
  static final String WAITS_FOREVER =
      String.join(
          "\n",
          "  steps:",
          "    - openAdapter: adapter",
          "    - createCq: cq",
          "    - waitFor: {created: cq}",
          "    - waitFor: {notification: cq}",
          "");

  @Test
  void whenAScriptWaitsForACallbackThatNeverComes_thenBothCommandsExitTwoWithTheStep()
      throws Exception {
    Path study =
        Files.writeString(
            dir.resolve("waits.yaml"),
            "name: waits\nworkload:\n  kind: ndk-script\n" + WAITS_FOREVER);
    Path lesson =
        Files.writeString(
            dir.resolve("waits-lesson.yaml"),
            "lesson: 99\ntitle: waits\nspec: [\"4\"]\ninvariants: [14]\nstory: waits\n"
                + WAITS_FOREVER.replace("  steps:", "steps:").replace("\n    ", "\n  "));

    CommandLineRun run =
        CommandLineRun.of("run", study.toString(), "--out", dir.resolve("out").toString());
    CommandLineRun taught = CommandLineRun.of("lesson", "run", lesson.toString(), "--no-files");

    for (CommandLineRun r : List.of(run, taught)) {
      assertEquals(2, r.exitCode(), r.err());
      assertTrue(r.err().contains("waits for a notification on cq"), r.err());
      assertFalse(r.err().contains("internal error"), r.err());
      assertFalse(r.showsStackTrace(), r.err());
    }
    assertFalse(
        Files.exists(dir.resolve("out").resolve("summary.json")),
        "a script that cannot go on leaves no results that look complete");
  }

  @Test
  void whenAScriptClosesTheAdapterOverOpenObjects_thenExitTwoNamingThemAndTheRule()
      throws Exception {
    Path study =
        Files.writeString(
            dir.resolve("open.yaml"),
            String.join(
                "\n",
                "name: open",
                "workload:",
                "  kind: ndk-script",
                "  steps:",
                "    - openAdapter: adapter",
                "    - createPd: pd",
                "    - createCq: cq",
                "    - waitFor: {created: cq}",
                "    - closeAdapter: adapter",
                ""));

    CommandLineRun run =
        CommandLineRun.of("run", study.toString(), "--out", dir.resolve("out").toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("C7: CloseAdapter of ADAPTER#"), run.err());
    assertTrue(run.err().contains("can never return (nothing is left to simulate"), run.err());
    assertTrue(run.err().contains("never closed: "), run.err());
    assertFalse(run.err().contains("after 10"), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }

  static Stream<Arguments> badScripts() {
    return Stream.of(
        Arguments.of(
            "unknown provider key",
            BROKEN.replace(
                "hardware:\n  firmware: {createQp: 60us}",
                "provider:\n  firmwear: {CREATE_QP: 60us}"),
            "bad.yaml:4:3: unknown key 'provider.firmwear'"),
        Arguments.of(
            "a jitter without its percent sign",
            BROKEN.replace(
                "hardware:\n  firmware: {createQp: 60us}", "provider:\n  firmwareJitter: 5"),
            "bad.yaml:4:19: 'provider.firmwareJitter' must be a percentage below 100, such as"
                + " \"10%\"; got the number 5"),
        Arguments.of(
            "bad unit in a firmware latency",
            BROKEN.replace("createQp: 60us", "createQp: 60 parsecs"),
            "bad.yaml:4:24: bad value at 'hardware.firmware.createQp'"),
        Arguments.of(
            "unknown firmware command",
            BROKEN.replace("createQp: 60us", "createQq: 60us"),
            "bad.yaml:4:14: unknown key 'hardware.firmware.createQq'"),
        Arguments.of(
            "a step naming an unknown object",
            BROKEN.replace("    - close: cq\n", "    - close: cqq\n"),
            "bad.yaml:20:14: no earlier step created an object named 'cqq'"),
        Arguments.of(
            "an unknown step",
            BROKEN.replace("    - close: cq\n", "    - destroy: cq\n"),
            "bad.yaml:20:7: unknown step 'destroy'"),
        Arguments.of(
            "a step missing an argument",
            BROKEN.replace("    - createMr: {as: mr, pd: pd}\n", "    - createMr: {as: mr}\n"),
            "bad.yaml:13:17: 'workload.steps[5].createMr.pd' is missing"),
        Arguments.of(
            "a step without its one value",
            BROKEN.replace("    - close: qp\n", "    - close:\n"),
            "bad.yaml:17:13: 'workload.steps[9].close' is missing"),
        Arguments.of(
            "a step key the step does not take",
            BROKEN.replace("cq: cq}", "cq: cq, deepth: 4}"),
            "bad.yaml:12:42: unknown key 'workload.steps[4].createQp.deepth' (known: as, cq,"
                + " depth, initiatorCq, inlineData, pd, receiveCq)"),
        Arguments.of(
            "a wrong unit in a step",
            BROKEN.replace("    - receive: qp\n", "    - receive: {qp: qp, bytes: 4 furlongs}\n"),
            "bad.yaml:18:32: bad size at 'workload.steps[10].receive.bytes': unknown unit"
                + " \"furlongs\""),
        Arguments.of(
            "a bare number for a step's duration",
            BROKEN.replace("    - close: pd\n", "    - runFor: 5\n"),
            "bad.yaml:21:15: 'workload.steps[13].runFor' must be a duration with a unit, such as"
                + " \"5us\"; got the number 5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badScripts")
  void whenTheScriptOrProviderIsMalformed_thenExitTwoWithLocatedMessageAndNoOutput(
      String description, String content, String expected) throws Exception {
    Path study = Files.writeString(dir.resolve("bad.yaml"), content);
    Path out = dir.resolve("results");

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(dir + "/" + expected), "expected <" + expected + "> in:\n" + run.err());
    assertFalse(run.showsStackTrace(), run.err());
    assertFalse(Files.exists(out), "bad input must leave no output folder");
  }
}
