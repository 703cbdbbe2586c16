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
 * Bad input is refused with exit code 2, a message that names file and line, and no trace on disk.
 */
class BadStudyFileTest {
  @TempDir Path dir;

  /** The tiny study with one line replaced; its lines are 1-based as an editor shows them. */
  private static String tinyWith(int line, String replacement) {
    List<String> lines = new java.util.ArrayList<>(RunCommandTest.TINY_STUDY.lines().toList());
    lines.set(line - 1, replacement);
    return String.join("\n", lines) + "\n";
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "unknown key",
            "bad.yaml",
            tinyWith(4, "  replicashuns: 3"),
            "bad.yaml:4:3: unknown key 'run.replicashuns' (known: duration, replications, seed, warmUp)"),
        Arguments.of(
            "unknown key in the workload",
            "bad.yaml",
            tinyWith(9, "  meanServiceTim: 1us"),
            "bad.yaml:9:3: unknown key 'workload.meanServiceTim'"),
        Arguments.of(
            "wrong type",
            "bad.yaml",
            tinyWith(4, "  replications: three"),
            "bad.yaml:4:17: wrong type at 'run.replications': expected a whole number"),
        Arguments.of(
            "fraction where a count belongs",
            "bad.yaml",
            tinyWith(4, "  replications: 2.5"),
            "bad.yaml:4:17: wrong type at 'run.replications'"),
        Arguments.of(
            "duration without a unit",
            "bad.yaml",
            tinyWith(6, "  duration: 2000"),
            "bad.yaml:6:13: wrong type at 'run.duration': expected a text value, got a bare number"),
        Arguments.of(
            "bad unit",
            "bad.yaml",
            tinyWith(6, "  duration: 2 fortnights"),
            "bad.yaml:6:13: bad duration at 'run.duration': "),
        Arguments.of(
            "load out of range",
            "bad.yaml",
            tinyWith(10, "  loads: [0.3, 1.0]"),
            "bad.yaml:10:16: 'workload.loads[1]' must be in (0, 1) (got 1.0)"),
        Arguments.of(
            "unknown workload kind",
            "bad.yaml",
            tinyWith(8, "  kind: mm9"),
            "bad.yaml:8:9: unknown kind 'mm9' at 'workload.kind' (known: mm1, latency, bandwidth, open-loop, ndk-script, dma, connection-storm, flows)"),
        Arguments.of(
            "missing key without a default",
            "bad.yaml",
            tinyWith(8, "  # kind forgotten"),
            "bad.yaml:7:1: missing key 'workload.kind' (one of: mm1, latency, bandwidth, open-loop, ndk-script, dma, connection-storm, flows)"),
        Arguments.of(
            "name that would escape the results folder",
            "bad.yaml",
            tinyWith(1, "name: ../../etc"),
            "bad.yaml:1:7: 'name' must be a plain folder name"),
        Arguments.of(
            "YAML syntax error",
            "bad.yaml",
            tinyWith(10, "  loads: [0.3, 0.6"),
            "bad.yaml:11:1: syntax error: "),
        Arguments.of("duplicate key", "bad.yaml", tinyWith(5, "  seed: 8"), "bad.yaml:5:"),
        Arguments.of(
            "JSON syntax error",
            "bad.json",
            "{\n  \"name\": \"tiny\",\n  \"run\": {\"seed\": 1,}\n}\n",
            "bad.json:3:21: syntax error: "),
        Arguments.of(
            "top level is a list",
            "bad.yaml",
            "- name: tiny\n",
            "bad.yaml:1:1: the top level must be a mapping"),
        Arguments.of(
            "second document",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "---\nname: other\n",
            "bad.yaml:12:1: more than one document in the file"),
        Arguments.of(
            "number too large",
            "bad.yaml",
            tinyWith(3, "  seed: 99999999999999999999"),
            "bad.yaml:3:9: number out of range at 'run.seed'"),
        Arguments.of(
            "unknown DMA direction",
            "bad.yaml",
            "name: tiny\nworkload:\n  kind: dma\n  direction: sideways\n",
            "bad.yaml:4:14: 'workload.direction' must be one of read, write, read-write (got"
                + " sideways)"),
        Arguments.of(
            "DMA window of zero",
            "bad.yaml",
            "name: tiny\nworkload:\n  kind: dma\n  window: 0\n",
            "bad.yaml:4:11: 'workload.window' must be between 1 and 4096 (got 0)"),
        Arguments.of("empty file", "empty.yaml", "", "empty.yaml:1:1: the file is empty"),
        Arguments.of(
            "only comments", "empty.yaml", "# nothing here\n", "empty.yaml:1:1: the file is empty"),
        Arguments.of(
            "binary garbage",
            "garbage.yaml",
            "\u0000\u0001\u0002ELF\u0000",
            "garbage.yaml:1:1: not a text file"),
        Arguments.of(
            "unknown key in a sweep axis",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "sweep:\n  - path: run.seed\n    valuez: [1, 2]\n",
            "bad.yaml:13:5: unknown key 'sweep[0].valuez'"),
        Arguments.of(
            "bad unit in a sweep range",
            "bad.yaml",
            RunCommandTest.TINY_STUDY
                + "sweep:\n  - path: run.duration\n    from: 1ms\n    to: 4 furlongs\n"
                + "    step: 1ms\n",
            "bad.yaml:14:9: bad duration at 'sweep[0].to'"),
        Arguments.of(
            "absurd sweep size",
            "bad.yaml",
            RunCommandTest.TINY_STUDY
                + "sweep:\n  - path: run.duration\n    from: 1ns\n    to: 1s\n    step: 1ns\n",
            "bad.yaml:12:5: 'sweep[0]' has 1000000000 values; the limit is 10000"),
        Arguments.of(
            "absurd replications",
            "bad.yaml",
            tinyWith(4, "  replications: 1000000000"),
            "bad.yaml:4:17: 'run.replications' must be between 1 and 10000"),
        Arguments.of(
            "absurd duration",
            "bad.yaml",
            tinyWith(6, "  duration: 200000000s"),
            "bad.yaml:6:13: bad duration at 'run.duration': "),
        Arguments.of(
            "negative duration",
            "bad.yaml",
            tinyWith(5, "  warmUp: -1ms"),
            "bad.yaml:5:11: bad duration at 'run.warmUp': negative duration"),
        Arguments.of(
            "wrong type: a number where a mapping belongs",
            "bad.yaml",
            String.join("\n", "name: tiny", "run: 5", "workload:", "  kind: mm1", ""),
            "bad.yaml:2:6: wrong type at 'run': expected a mapping of keys"),
        Arguments.of(
            "wrong type: text where a list belongs",
            "bad.yaml",
            tinyWith(10, "  loads: lots"),
            "bad.yaml:10:10: wrong type at 'workload.loads': expected a list"),
        Arguments.of(
            "absolute path as the name",
            "bad.yaml",
            tinyWith(1, "name: /etc/cron.d"),
            "bad.yaml:1:7: 'name' must be a plain folder name"),
        Arguments.of(
            "backslashes in the name",
            "bad.yaml",
            tinyWith(1, "name: '..\\..\\windows'"),
            "bad.yaml:1:7: 'name' must be a plain folder name"),
        Arguments.of(
            "hidden folder as the name",
            "bad.yaml",
            tinyWith(1, "name: .ssh"),
            "bad.yaml:1:7: 'name' must be a plain folder name"),
        Arguments.of(
            "an output folder in the study file",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "out: /tmp/elsewhere\n",
            "bad.yaml:11:1: unknown key 'out'"),
        Arguments.of(
            "a sweep that would rename the results folder",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "sweep:\n  - path: name\n    values: [../../x]\n",
            "bad.yaml:12:11: 'sweep[0].path': a sweep cannot vary 'name'"),
        Arguments.of(
            "a sweep over the workload kind",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "sweep:\n  - path: workload.kind\n    values: [mm1]\n",
            "bad.yaml:12:11: 'sweep[0].path': a sweep cannot vary the workload kind"),
        Arguments.of(
            "a chart no workload kind draws",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "charts: [mean-wait-ns, wait-histogram]\n",
            "bad.yaml:11:24: 'charts[1]': mm1 studies draw no chart 'wait-histogram'; this study's"
                + " charts are: mean-wait-ns"),
        Arguments.of(
            "a chart of another workload kind",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "charts: [latency-cdf]\n",
            "bad.yaml:11:10: 'charts[0]': mm1 studies draw no chart 'latency-cdf'; this study's"
                + " charts are: mean-wait-ns"),
        Arguments.of(
            "charts as a word other than all or none",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "charts: some\n",
            "bad.yaml:11:9: 'charts' must be all, none or a list of chart names (got \"some\")"),
        Arguments.of(
            "a chart named twice",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "charts: [mean-wait-ns, mean-wait-ns]\n",
            "bad.yaml:11:24: 'charts[1]' must not repeat 'mean-wait-ns'"),
        Arguments.of(
            "a sweep over the charts",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "sweep:\n  - path: charts\n    values: [none]\n",
            "bad.yaml:12:11: 'sweep[0].path': a sweep cannot vary 'charts'"),
        Arguments.of(
            "a key with a space",
            "bad.yaml",
            tinyWith(5, "  warm up: 100us"),
            "bad.yaml:5:3: 'run.warm up' is not a plain key: a key is a letter or '_' followed by"
                + " letters, digits, '-' or '_'"),
        Arguments.of(
            "a number as a key",
            "bad.yaml",
            RunCommandTest.TINY_STUDY + "7: x\n",
            "bad.yaml:11:1: '7' is not a plain key"),
        Arguments.of(
            "a key with a space in a JSON study",
            "bad.json",
            "{\n  \"name\": \"tiny\",\n  \"run\": {\"warm up\": \"1ms\"}\n}\n",
            "bad.json:3:11: 'run.warm up' is not a plain key"),
        Arguments.of(
            "a YAML merge key, located",
            "bad.yaml",
            "common: &c\n  seed: 7\n" + tinyWith(3, "  <<: *c"),
            "bad.yaml:5:3: 'run.<<': YAML merge keys ('<<') are not supported; write the keys out"),
        Arguments.of(
            "an alias bomb",
            "bad.yaml",
            RunCommandTest.TINY_STUDY
                + "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
            "bad.yaml:14:36: aliases expand to more than 10000 values; the file is refused"),
        Arguments.of(
            "an alias before its anchor",
            "bad.yaml",
            tinyWith(6, "  duration: *later") + "other: &later 2ms\n",
            "bad.yaml:6:13: 'run.duration': no anchor &later before this alias"),
        Arguments.of(
            "an aliased value that is wrong is reported where the anchor wrote it",
            "bad.yaml",
            tinyWith(5, "  warmUp: &w 100 parsecs").replace("duration: 2ms", "duration: *w"),
            "bad.yaml:6:13: bad duration at 'run.duration'"),
        Arguments.of(
            "a count too large for any whole number the key holds",
            "bad.yaml",
            tinyWith(4, "  replications: 1000000000000"),
            "bad.yaml:4:17: 'run.replications' must be between 1 and 10000 (got 1000000000000)"),
        Arguments.of(
            "a seed beyond 64 bits",
            "bad.yaml",
            tinyWith(3, "  seed: -99999999999999999999"),
            "bad.yaml:3:9: number out of range at 'run.seed': it must be a whole number between"
                + " -9223372036854775808 and 9223372036854775807 (got -99999999999999999999)"),
        Arguments.of(
            "unsupported extension",
            "study.toml",
            "name = 'x'\n",
            "study.toml: unsupported file type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void whenStudyFileIsBad_thenExitTwoWithLocatedMessageAndNoOutputFolder(
      String description, String fileName, String content, String expectedMessage)
      throws Exception {
    Path study = Files.writeString(dir.resolve(fileName), content);
    Path out = dir.resolve("results").resolve("tiny");

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(dir + "/" + expectedMessage),
        "expected <" + expectedMessage + "> in:\n" + run.err());
    assertFalse(run.showsStackTrace(), run.err());
    assertFalse(Files.exists(dir.resolve("results")), "bad input must leave no output folder");
    assertEquals("", run.out());
  }

  @Test
  void whenFileIsHuge_thenRefusedBySizeBeforeReading() throws Exception {
    Path study = dir.resolve("huge.yaml");
    byte[] block = "# padding to make a study file far too large\n".repeat(1000).getBytes();
    try (var out = Files.newOutputStream(study)) {
      for (long written = 0; written < 50L << 20; written += block.length) {
        out.write(block);
      }
    }

    CommandLineRun run =
        CommandLineRun.of("run", study.toString(), "--out", dir.resolve("o").toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains(study + ":1:1: too large for a study file (52"), run.err());
    assertTrue(run.err().contains("the limit is 1048576 bytes"), run.err());
    assertFalse(run.showsStackTrace(), run.err());
    assertFalse(Files.exists(dir.resolve("o")));
  }

  @Test
  void whenSweepTimesReplicationsOutgrowsTheJobBound_thenValidateRefusesItAtTheSweep()
      throws Exception {
    String content =
        tinyWith(4, "  replications: 10000")
            + "sweep:\n  - path: run.seed\n    from: 1\n    to: 9999\n    step: 1\n";
    Path study = Files.writeString(dir.resolve("huge-grid.yaml"), content);

    CommandLineRun run = CommandLineRun.of("validate", study.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                study
                    + ":12:3: the study has 199980000 jobs (points x cases x replications); the"
                    + " limit is 1000000"),
        run.err());
  }

  @Test
  void whenStudyIsALinkToAnEndlessDevice_thenRefusedAfterReadingOneMebibyte() throws Exception {
    Path study = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));

    CommandLineRun run =
        CommandLineRun.of("run", study.toString(), "--out", dir.resolve("o").toString());

    assertEquals(2, run.exitCode(), run.err());
    assertFalse(Files.exists(dir.resolve("o")));
    assertTrue(
        run.err()
            .contains(
                study
                    + ":1:1: too large for a study file (more than 1048576 bytes; the limit is"
                    + " 1048576 bytes)"),
        run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }

  @Test
  void whenSetEscapesTheResultsFolder_thenRefusedAndNothingWritten() throws Exception {
    Path study = Files.writeString(dir.resolve("tiny.yaml"), RunCommandTest.TINY_STUDY);

    CommandLineRun run = CommandLineRun.of("run", study.toString(), "--set", "name=../../escaped");

    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().contains("--set name=../../escaped: 'name' must be a plain folder name"),
        run.err());
    assertFalse(Files.exists(Path.of("results", "..", "..", "escaped")));
  }

  @Test
  void whenBinaryGarbageIsNotUtf8_thenRefusedAsNotText() throws Exception {
    byte[] garbage = new byte[256];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37 + 11);
    }
    Path study = Files.write(dir.resolve("garbage.yaml"), garbage);

    CommandLineRun run = CommandLineRun.of("run", study.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains(study + ":"), run.err());
    assertTrue(run.err().contains("not a"), run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }

  @Test
  void whenFileHasSeveralProblems_thenAllAreReportedAtOnceInFileOrder() throws Exception {
    String content =
        RunCommandTest.TINY_STUDY
            .replace("replications: 3", "replications: 0")
            .replace("warmUp: 100us", "warmUp: 100 parsecs")
            .replace("[0.3, 0.6]", "[0.3, 0.3, 1.5]");
    Path study = Files.writeString(dir.resolve("many.yaml"), content);

    CommandLineRun run =
        CommandLineRun.of("run", study.toString(), "--out", dir.resolve("o").toString());

    assertEquals(2, run.exitCode());
    List<String> lines = run.err().lines().toList();
    assertEquals(5, lines.size(), run.err());
    assertTrue(
        lines.get(0).startsWith(study + ":4:17: 'run.replications' must be between 1"),
        lines.get(0));
    assertTrue(
        lines.get(1).startsWith(study + ":5:11: bad duration at 'run.warmUp'"), lines.get(1));
    assertTrue(lines.get(2).contains("'workload.loads[1]' must not repeat"), lines.get(2));
    assertTrue(lines.get(3).contains("'workload.loads[2]' must be in (0, 1)"), lines.get(3));
    assertTrue(lines.get(4).contains("4 problems"), lines.get(4));
  }

  @Test
  void whenFileDoesNotExist_thenExitTwoNamingIt() {
    CommandLineRun run = CommandLineRun.of("run", dir.resolve("nope.yaml").toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("nope.yaml: no such file"), run.err());
    assertFalse(run.showsStackTrace(), run.err());
  }
}
