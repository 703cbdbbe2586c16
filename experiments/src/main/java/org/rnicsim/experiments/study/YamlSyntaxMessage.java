package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML syntax error, rewritten from the parser's multi-line report into one line. The parser
 * writes a context ("while parsing a flow sequence") and the problem ("expected ',' or ']'"), each
 * followed by a position and a source excerpt; the problem's position is where the file went wrong,
 * the context says what was open there.
 *
 * @param text one line: the problem, then the context with its position
 * @param line 1-based line of the problem
 * @param column 1-based column of the problem
 */
record YamlSyntaxMessage(String text, int line, int column) {
  private static final Pattern MARK =
      Pattern.compile("^\\s*in reader, line (\\d+), column (\\d+):?\\s*$");

  /** The one-line form of {@code message}, or null when it does not have the expected shape. */
  static YamlSyntaxMessage parse(String message) {
    if (message == null) {
      return null;
    }
    List<String> statements = new ArrayList<>();
    List<int[]> marks = new ArrayList<>();
    for (String line : message.lines().toList()) {
      Matcher mark = MARK.matcher(line);
      if (mark.matches()) {
        if (marks.size() < statements.size()) {
          marks.add(new int[] {Integer.parseInt(mark.group(1)), Integer.parseInt(mark.group(2))});
        }
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        // Unindented lines are statements; indented ones are source excerpts and carets.
        if (marks.size() < statements.size()) {
          marks.add(null);
        }
        statements.add(line.strip());
      }
    }
    if (statements.isEmpty() || marks.isEmpty()) {
      return null;
    }
    int last = Math.min(statements.size(), marks.size()) - 1;
    int[] problemMark = marks.get(last);
    if (problemMark == null) {
      return null;
    }
    String text = statements.get(last);
    if (last > 0 && marks.get(0) != null) {
      int[] contextMark = marks.get(0);
      text +=
          " ("
              + statements.get(0)
              + " at line "
              + contextMark[0]
              + ", column "
              + contextMark[1]
              + ")";
    }
    return new YamlSyntaxMessage(text, problemMark[0], problemMark[1]);
  }
}
