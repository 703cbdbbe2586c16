package org.rnicsim.experiments.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnicsim.experiments.cli.RnicsimCommand;

class LessonCommandTest {

  record Run(int exitCode, String out, String err) {}

  static Run rnicsim(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = RnicsimCommand.execute(args, o, e);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void lessonList_showsTheTwelveLessonsInOrder() {
    Run run = rnicsim("lesson", "list");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith(" 1  A create completes inline"), run.out());
    assertTrue(
        run.out().contains("12  A broken provider caught by the lifetime verifier"), run.out());
  }

  @Test
  void lessonRun_narratesOneLinePerEvent_andWritesChartAndPage(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("lesson3");
    Run run = rnicsim("lesson", "run", "3", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("consumer   CloseQp qp -> STATUS_PENDING"), run.out());
    assertTrue(run.out().contains("CQE cq -> qp Receive 1 STATUS_CANCELLED"), run.out());
    for (String file :
        new String[] {"narration.txt", "timeline.png", "timeline.svg", "lesson.html"}) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    String page = Files.readString(out.resolve("lesson.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("data:image/png;base64,"));
    assertTrue(page.contains("CloseQp qp -&gt; STATUS_PENDING"));
    // Every rule quoted is its name, then its text, in every JVM: an order that depends on the
    // JVM's hash seed made pages of the same lesson differ between runs.
    assertTrue(page.contains("\"10\":{\"name\":\"Antecedents close"), page);
    assertFalse(page.contains("{\"text\":"), page);
  }

  @Test
  void lessonRun_writesByteIdenticalFilesEveryTime(@TempDir Path dir) throws IOException {
    Path first = dir.resolve("a");
    Path second = dir.resolve("b");
    assertEquals(0, rnicsim("lesson", "run", "7", "--out", first.toString()).exitCode());
    assertEquals(0, rnicsim("lesson", "run", "7", "--out", second.toString()).exitCode());
    for (String file :
        new String[] {"narration.txt", "timeline.png", "timeline.svg", "lesson.html"}) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
    }
  }

  @Test
  void brokenConsumerLesson_reportsTheConsumerRulesItBreaks() {
    Run run = rnicsim("lesson", "run", "11", "--no-files");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Consumer rule C2 broken by the consumer on MR#1"), run.out());
    assertTrue(run.out().contains("Consumer rule C1 broken by the consumer on QP#1"), run.out());
    assertTrue(run.out().contains("Consumer rule C6 broken by the consumer"), run.out());
    assertTrue(run.out().contains("As the lesson expects, the verifier names invariant(s) 11, 13"));
  }

  @Test
  void aLessonWhoseExpectationTheVerifierDoesNotMeet_exitsThree(@TempDir Path dir)
      throws IOException {
    Path lesson =
        Files.writeString(
            dir.resolve("clean.yaml"),
            String.join(
                "\n",
                "lesson: 98",
                "title: expects a violation that never happens",
                "spec: [\"3\"]",
                "invariants: [6]",
                "story: nothing goes wrong",
                "expect:",
                "  violations: [6]",
                "steps:",
                "  - openAdapter: adapter",
                "  - createPd: pd",
                "  - close: pd",
                "  - closeAdapter: adapter",
                ""));
    Run run = rnicsim("lesson", "run", lesson.toString(), "--no-files");
    assertEquals(3, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("the lesson expects invariant(s) 6 but the verifier named none"),
        run.err());
  }

  @Test
  void brokenProviderLesson_reportsInvariant6AgainstTheProvider() {
    Run run = rnicsim("lesson", "run", "12", "--no-files");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Invariant 6 broken by the provider on CQ#1"), run.out());
    assertFalse(run.out().contains("broken by the consumer"), run.out());
    assertTrue(run.out().contains("As the lesson expects, the verifier names invariant(s) 6."));
  }

  @Test
  void aLessonKeyThatIsNotPlain_isRefusedAtTheKey_andALessonAliasIsItsAnchorsValue(
      @TempDir Path dir) throws IOException {
    Path file = dir.resolve("keys.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "lesson: 1",
            "title: Keys and aliases",
            "provider:",
            "  post cost: 5us",
            "steps:",
            "  - openAdapter: adapter",
            "  - runFor: &wait 5 parsecs",
            "  - runFor: *wait",
            ""),
        StandardCharsets.UTF_8);

    Run run = rnicsim("lesson", "run", file.toString(), "--out", dir.resolve("out").toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(file + ":4:3: 'provider.post cost' is not a plain key"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());

    Files.writeString(file, Files.readString(file).replace("  post cost: 5us", "  postCost: 5us"));
    run = rnicsim("lesson", "run", file.toString(), "--out", dir.resolve("out").toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(file + ":7:13: bad duration at 'steps[1].runFor'"), run.err());
    assertTrue(
        run.err().contains(file + ":8:13: bad duration at 'steps[2].runFor'"),
        "the alias's value is the anchor's, reported at the alias: " + run.err());
  }

  @Test
  void aBadLessonFile_isRefusedWithFileLineAndKey_andNothingRuns(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "lesson: 1",
            "title: A lesson with mistakes",
            "provider:",
            "  callbackCosts: {CqNotifcation: 5us}",
            "steps:",
            "  - openAdapter: adapter",
            "  - createCQ: cq",
            "  - runFor: 5 parsecs",
            "  - close: nothing",
            ""),
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    Run run = rnicsim("lesson", "run", file.toString(), "--out", out.toString());
    assertEquals(2, run.exitCode(), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertTrue(run.err().contains(file + ":4:19: unknown callback 'CqNotifcation'"), run.err());
    assertTrue(run.err().contains(file + ":7:5: unknown step 'createCQ'"), run.err());
    assertTrue(run.err().contains(file + ":8:13: bad duration at 'steps[2].runFor'"), run.err());
    assertTrue(
        run.err().contains(file + ":9:12: no earlier step created an object named 'nothing'"),
        run.err());
    assertTrue(run.err().contains("4 problems in the lesson file; nothing was run"), run.err());
    assertFalse(Files.exists(out));
    assertEquals("", run.out());
  }

  @Test
  void aLessonThatCannotGoOn_saysWhichStep_andExits2(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("stuck.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "lesson: 1",
            "title: Waits for a notification that never comes",
            "steps:",
            "  - openAdapter: adapter",
            "  - createCq: cq",
            "  - waitFor: {notification: cq}",
            ""),
        StandardCharsets.UTF_8);
    Run run = rnicsim("lesson", "run", file.toString(), "--no-files");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(file + ":6: waits for a notification on cq"), run.err());
  }

  @Test
  void anUnknownLessonNumber_exits2() {
    Run run = rnicsim("lesson", "run", "99", "--no-files");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("there is no lesson 99"), run.err());
  }
}
