package org.rnicsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What R's {@code read.csv(file)} makes of a CSV with its defaults, as R's documentation of {@code
 * read.table}, {@code make.names} and {@code type.convert} describes them (R itself is not run): a
 * header row, fields split at commas with double quotes around fields that hold commas, quotes or
 * line breaks (a quote inside doubled), names made syntactic, and each column's class guessed from
 * all its fields, where an empty field in a logical or numeric column is NA and only {@code NA}
 * counts as missing otherwise.
 *
 * @param classes each column's class as {@code type.convert} would guess it: {@code logical},
 *     {@code integer}, {@code numeric} or {@code character}
 */
record RReadCsv(Map<String, String> classes, int rows) {
  /** R's reserved words, which {@code make.names} changes (by appending a dot). */
  private static final Set<String> RESERVED =
      Set.of(
          "if",
          "else",
          "repeat",
          "while",
          "function",
          "for",
          "next",
          "break",
          "TRUE",
          "FALSE",
          "NULL",
          "Inf",
          "NaN",
          "NA",
          "NA_integer_",
          "NA_real_",
          "NA_character_",
          "in");

  /** A name {@code make.names} leaves alone: a letter, or a dot not before a digit, then these. */
  private static final Pattern SYNTACTIC = Pattern.compile("([A-Za-z]|\\.(?![0-9]))[A-Za-z0-9._]*");

  /** What {@code type.convert} reads as a number (decimal or scientific, Inf, NaN). */
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|Inf|NaN)");

  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]{1,9}");
  private static final Set<String> LOGICAL =
      Set.of("T", "F", "TRUE", "FALSE", "true", "false", "True", "False");

  /**
   * Reads {@code file} as {@code read.csv} would, failing where R would read it otherwise than a
   * planner expects: a byte-order mark glued to the first name, a name R changes, a row with
   * another field count than the header (R fills it or takes its first field as row names
   * silently).
   */
  static RReadCsv read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertFalse(
        bytes.length >= 3 && (bytes[0] & 0xff) == 0xef, file + " starts with a byte-order mark");
    List<List<String>> records = records(new String(bytes, StandardCharsets.UTF_8));
    List<String> header = records.get(0);
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      assertTrue(
          SYNTACTIC.matcher(name).matches() && !RESERVED.contains(name),
          "R's make.names would rename column '" + name + "'");
      assertTrue(seen.add(name), "R would rename the second column '" + name + "'");
    }
    for (int r = 1; r < records.size(); r++) {
      assertEquals(
          header.size(),
          records.get(r).size(),
          "fields on data row " + r + " (R fills short rows silently)");
    }
    Map<String, String> classes = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      List<String> column = new ArrayList<>();
      for (List<String> record : records.subList(1, records.size())) {
        column.add(record.get(c));
      }
      classes.put(header.get(c), classOf(column));
    }
    return new RReadCsv(classes, records.size() - 1);
  }

  /** {@code type.convert}'s guess: the narrowest class every non-missing field fits. */
  private static String classOf(List<String> fields) {
    List<String> present = fields.stream().filter(f -> !f.isEmpty() && !f.equals("NA")).toList();
    if (present.stream().allMatch(LOGICAL::contains)) {
      return "logical";
    }
    if (present.stream().allMatch(f -> INTEGER.matcher(f).matches())) {
      return "integer";
    }
    if (present.stream().allMatch(f -> NUMBER.matcher(f).matches())) {
      return "numeric";
    }
    return "character";
  }

  /** The records of a CSV text, quoted fields unquoted; a line break inside quotes is kept. */
  private static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    assertFalse(quoted, "a quoted field is never closed");
    assertTrue(record.isEmpty() && field.length() == 0, "the last line ends with a line break");
    return records;
  }
}
