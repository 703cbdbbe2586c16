package org.rnicsim.experiments.study;

/**
 * Where a value of the merged configuration was written: a position in a file, or a command-line
 * option (line 0). Problems are reported here, so a bad {@code --set} names the option and a bad
 * default names the defaults file.
 *
 * @param source the file as the user named it, or the option as typed ({@code --set a.b=c})
 * @param line 1-based line, or 0 when the source has no lines
 * @param column 1-based column, or 0 when the source has no lines
 */
public record Origin(String source, int line, int column) {

  /** The start of {@code source}, for whole-file problems (empty, too large, binary). */
  public static Origin startOf(String source) {
    return new Origin(source, 1, 1);
  }

  /** A command-line option: it has no lines. */
  public static Origin option(String text) {
    return new Origin(text, 0, 0);
  }

  /** A problem at this origin. */
  public ConfigProblem problem(String path, String message) {
    return new ConfigProblem(source, line, column, path, message);
  }
}
