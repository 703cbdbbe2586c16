package org.rnicsim.experiments.study;

/**
 * One thing wrong with a study file, located so that an editor can jump to it.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path the key path inside the document, for example {@code workload.loads[2]}; empty for
 *     the whole file
 * @param message what is wrong, naming the path where that helps
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {

  /**
   * The compiler-style form {@code file:line:column: message} that editors and terminals turn into
   * links.
   */
  public String render() {
    if (line <= 0) {
      return file + ": " + message;
    }
    return file + ":" + line + ":" + Math.max(column, 1) + ": " + message;
  }

  @Override
  public String toString() {
    return render();
  }
}
