package org.rnicsim.experiments.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The results of a finished study, which know how to present themselves. */
public interface StudyOutcome {

  /**
   * Writes every result file into {@code folder} ({@code summary.json} among them). Must not write
   * anywhere else, and must write the same bytes for the same study.
   *
   * @param rnicsimVersion recorded in the summary, so a result says what produced it
   */
  void writeFiles(Path folder, String rnicsimVersion) throws IOException;

  /** A few lines for the terminal: the numbers a user looks at first. */
  void printSummary(PrintWriter out);
}
