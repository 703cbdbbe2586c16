package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV a study wrote (results.csv, lifetimes.csv), read as rows of column name to cell. The cells
 * of rnicsim's tables hold no commas (sweep values are written with spaces), so a split is enough.
 */
record ResultsCsv(List<Map<String, String>> rows) {

  static ResultsCsv read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return new ResultsCsv(rows);
  }

  /** The rows whose cells equal the given values, as pairs: column, value, column, value, .... */
  List<Map<String, String>> where(String... columnValuePairs) {
    List<Map<String, String>> matching = new ArrayList<>();
    for (Map<String, String> row : rows) {
      boolean matches = true;
      for (int i = 0; i < columnValuePairs.length; i += 2) {
        matches &= columnValuePairs[i + 1].equals(row.get(columnValuePairs[i]));
      }
      if (matches) {
        matching.add(row);
      }
    }
    return matching;
  }

  /** {@code column} of the one row that {@link #where} selects. */
  double number(String column, String... columnValuePairs) {
    List<Map<String, String>> matching = where(columnValuePairs);
    assertEquals(1, matching.size(), "rows where " + String.join(",", columnValuePairs));
    return Double.parseDouble(matching.get(0).get(column));
  }
}
