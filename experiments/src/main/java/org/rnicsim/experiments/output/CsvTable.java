package org.rnicsim.experiments.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV table with units in its column names. Numbers are formatted here, with {@link Locale#ROOT}
 * and a fixed number of decimals, so that a rerun writes the same bytes on any machine.
 */
public final class CsvTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public CsvTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** Adds a row of already formatted cells; see {@link #decimal} and {@link #integer}. */
  public CsvTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, header has " + header.size());
    }
    rows.add(List.of(cells));
    return this;
  }

  /**
   * {@code value} with {@code decimals} digits after the point; empty for NaN (no value, e.g. no
   * interval).
   */
  public static String decimal(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  public static String integer(long value) {
    return Long.toString(value);
  }

  public List<String> header() {
    return header;
  }

  /** The rows, each as formatted cells. */
  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  public void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    appendLine(text, header);
    for (List<String> row : rows) {
      appendLine(text, row);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void appendLine(StringBuilder text, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(quoted(cells.get(i)));
    }
    text.append('\n');
  }

  private static String quoted(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
