package org.rnicsim.experiments.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

  @Test
  void whenJobsFinish_thenTheBarShowsJobsDoneAndEventsPerSecondAndTheResumeNote() {
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    StringWriter notes = new StringWriter();
    try (PrintStream barStream = new PrintStream(bar, true, StandardCharsets.UTF_8);
        TerminalProgress progress = new TerminalProgress(new PrintWriter(notes), barStream)) {
      progress.start("study", 10, 4);
      for (int i = 0; i < 6; i++) {
        progress.jobDone(2_000_000, 50_000_000);
      }
    }

    String drawn = bar.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("10/10 jobs"), drawn);
    assertTrue(drawn.contains("events/s"), drawn);
    assertTrue(drawn.contains("100%"), drawn);
    assertEquals(
        "study: 4 of 10 jobs already done; running the other 6" + System.lineSeparator(),
        notes.toString());
  }

  @Test
  void whenRatesAreLargeOrSmall_thenTheyAreShortAndInTheRootLocale() {
    assertEquals("12.3 M events/s", TerminalProgress.eventsPerSecond(12_345_678));
    assertEquals("1.5 k events/s", TerminalProgress.eventsPerSecond(1_500));
    assertEquals("7 events/s", TerminalProgress.eventsPerSecond(7));
  }

  @Test
  void whenStderrIsAFileOrPipe_thenItIsNotTakenForATerminal() {
    // Surefire forks the tests with stderr redirected, as CI and `2>log` do.
    assertFalse(TerminalProgress.stderrIsTerminal());
  }
}
