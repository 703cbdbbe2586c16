package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnicsim.experiments.lesson.Lesson;
import org.rnicsim.experiments.lesson.LessonLoader;
import org.rnicsim.ndk.consumer.ScriptedConsumer;
import org.rnicsim.ndk.consumer.Timeline;

/**
 * One hardware model for every study kind: an ndk-script study and a lesson run on the study's
 * hardware profile (its firmware command times included) and topology, and a key the workload
 * cannot use is refused where it was written instead of being ignored.
 */
@Timeout(300)
class ScriptTestbedTest {
  private static final Path TEARDOWN = Path.of("..", "configs", "qp-teardown.yaml");
  private static final Path LESSON_10 =
      Path.of("..", "configs", "lessons", "10-connection-life.yaml");

  @TempDir Path dir;

  /** The mean of {@code column} in the first row of {@code results.csv} under {@code out}. */
  private static double mean(Path out, String column) throws Exception {
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    List<String> header = Arrays.asList(rows.get(0).split(","));
    int index = header.indexOf(column);
    assertTrue(index >= 0, column + " in " + header);
    return Double.parseDouble(rows.get(1).split(",")[index]);
  }

  private Path runTeardown(String name, String... settings) {
    Path out = dir.resolve(name);
    String[] args =
        Stream.concat(
                Stream.of("run", TEARDOWN.toString(), "--out", out.toString()),
                Stream.concat(
                    Stream.of("--set", "run.replications=2"),
                    Arrays.stream(settings).flatMap(s -> Stream.of("--set", s))))
            .toArray(String[]::new);
    CommandLineRun run = CommandLineRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    return out;
  }

  @Test
  void anNdkScriptStudyRunsOnTheProfileItNames() throws Exception {
    Path connectX4 = runTeardown("cx4");
    Path connectX6 = runTeardown("cx6", "hardware.profile=connectx6-gen4x16");

    // Same firmware command times (both profiles' assumption), but another host, PCIe link and
    // port: every close that waits on an interrupt or a message moves.
    assertNotEquals(
        Files.readString(connectX4.resolve("results.csv")),
        Files.readString(connectX6.resolve("results.csv")),
        "a ConnectX-6 run must differ from a ConnectX-4 run");
    assertNotEquals(mean(connectX4, "close_cq_ns"), mean(connectX6, "close_cq_ns"));
  }

  @Test
  void theFirmwareCommandTimesAreTheHardwaresAndOverridableByPath() throws Exception {
    Path asProfiled = runTeardown("profiled", "provider.firmwareJitter=0%");
    Path slowDestroy =
        runTeardown("slow", "provider.firmwareJitter=0%", "hardware.firmware.destroyQp=140us");

    // 100 us more per DESTROY_QP. qp1, qp2 and peerQp1 wait for their own; peerQp2, closed right
    // after peerQp1, also for peerQp1's, as the firmware runs one command at a time: the mean of
    // the four grows by (100 + 100 + 100 + 200) / 4 = 125 us.
    double addedNs = mean(slowDestroy, "close_qp_ns") - mean(asProfiled, "close_qp_ns");
    assertTrue(addedNs >= 124_900 && addedNs <= 125_100, "close_qp_ns grew by " + addedNs);
  }

  static Stream<Arguments> unusableKeys() {
    return Stream.of(
        Arguments.of(
            "hardware on an mm1 study",
            "mm1-queue.yaml",
            "hardware:\n  pcie: {lanes: 8}\n",
            "'hardware' is not used by this study's workload kind"),
        Arguments.of(
            "provider on an RDMA study",
            "quickstart.yaml",
            "provider:\n  cmMadCost: 4us\n",
            "'provider' is not used by this study's workload kind"),
        Arguments.of(
            "completion mode on an ndk-script study",
            "qp-teardown.yaml",
            "completion:\n  mode: interrupts\n",
            "'completion.mode' is not used by this study's workload kind"),
        Arguments.of(
            "firmware times under the provider",
            "qp-teardown.yaml",
            "provider:\n  firmware: {DESTROY_QP: 40us}\n",
            "unknown key 'provider.firmware'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableKeys")
  void aKeyTheWorkloadCannotUseIsRefusedWhereItWasWritten(
      String description, String config, String appended, String expected) throws Exception {
    String text = Files.readString(Path.of("..", "configs", config));
    int line = (int) text.lines().count() + 1;
    Path study = Files.writeString(dir.resolve(config), text + appended);

    CommandLineRun run = CommandLineRun.of("validate", study.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(study + ":" + line + ":1: " + expected)
            || run.err().contains(study + ":" + (line + 1) + ":3: " + expected),
        "expected <" + expected + "> at line " + line + " in:\n" + run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }

  @Test
  void aScriptNamingMoreHostsThanTheTopologyHasIsRefusedAtItsHosts() throws Exception {
    String text =
        Files.readString(TEARDOWN)
            .replace("  kind: ndk-script\n", "  kind: ndk-script\n  hosts: [host, b, c]\n");
    Path study = Files.writeString(dir.resolve("three.yaml"), text);
    int line = text.lines().toList().indexOf("  hosts: [host, b, c]") + 1;

    CommandLineRun backToBack = CommandLineRun.of("validate", study.toString());
    CommandLineRun onSwitch =
        CommandLineRun.of(
            "validate",
            study.toString(),
            "--set",
            "topology.shape=switch",
            "--set",
            "topology.clients=2");

    assertEquals(2, backToBack.exitCode(), backToBack.err());
    assertTrue(
        backToBack.err().contains(study + ":" + line + ":10: 'workload.hosts' names 3 hosts, but"),
        backToBack.err());
    assertEquals(0, onSwitch.exitCode(), "three hosts fit on a switch of three: " + onSwitch.err());
  }

  @Test
  void aLessonRunsOnASwitchTopology_oneSwitchHopLaterPerConnectionMessage() throws Exception {
    String text = Files.readString(LESSON_10, StandardCharsets.UTF_8);
    String switched =
        text.replace(
            "hosts: [a, b]\n",
            "hosts: [a, b]\ntopology: {shape: switch, clients: 2, switchLatency: 500ns}\n");
    assertNotEquals(text, switched);

    Lesson direct = LessonLoader.parse(text, "10-connection-life.yaml", "10-connection-life");
    Lesson onSwitch = LessonLoader.parse(switched, "switched.yaml", "10-connection-life");
    Timeline directRun = ScriptedConsumer.run(direct.script());
    Timeline switchedRun = ScriptedConsumer.run(onSwitch.script());

    assertEquals(List.of(), switchedRun.violatedInvariants(), switchedRun.verifierReport());
    assertEquals(3, onSwitch.script().settings().machines(), "two hosts and an idle third");
    long connectEventDirectPs = firstTime(directRun, "ConnectEvent");
    long connectEventSwitchedPs = firstTime(switchedRun, "ConnectEvent");
    assertTrue(
        connectEventSwitchedPs >= connectEventDirectPs + 500_000,
        "the REQ crosses the switch: " + connectEventDirectPs + " vs " + connectEventSwitchedPs);
  }

  private static long firstTime(Timeline timeline, String what) {
    return timeline.entries().stream()
        .filter(entry -> entry.what().startsWith(what))
        .findFirst()
        .orElseThrow()
        .timePs();
  }
}
