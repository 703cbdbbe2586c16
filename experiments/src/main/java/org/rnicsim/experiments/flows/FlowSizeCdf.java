package org.rnicsim.experiments.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.experiments.study.ConfigProblem;

/**
 * A flow-size distribution: points (bytes, cumulative share of flows), drawn by inverse transform
 * with linear interpolation between points, as the HPCC simulator's traffic generator draws them
 * (configs/flow-sizes/README.md has the file format and the sources of the shipped files). A fixed
 * size is the distribution of one point.
 */
final class FlowSizeCdf {
  private final String name;
  private final long[] bytes;
  private final double[] share;

  /** The CDF file's text when the study named a file, else null (the jar carries the built-ins). */
  private final String fileText;

  private FlowSizeCdf(String name, long[] bytes, double[] share, String fileText) {
    this.name = name;
    this.bytes = bytes;
    this.share = share;
    this.fileText = fileText;
  }

  /** This distribution, read from a file the study named as {@link #name()}, whose text it was. */
  FlowSizeCdf fromFile(String text) {
    return new FlowSizeCdf(name, bytes, share, text);
  }

  /** The file this distribution was read from and its text, by the name the study wrote. */
  Map<String, String> inputFiles() {
    return fileText == null ? Map.of() : Map.of(name, fileText);
  }

  /** Every flow {@code sizeBytes} long. */
  static FlowSizeCdf fixed(String name, long sizeBytes) {
    return new FlowSizeCdf(name, new long[] {sizeBytes, sizeBytes}, new double[] {0, 1}, null);
  }

  /**
   * Reads a CDF file's text; every problem goes to {@code problems}, located in {@code file}.
   *
   * @return the distribution, or null when the text had problems
   */
  static FlowSizeCdf parse(
      String name, String text, String file, String path, List<ConfigProblem> problems) {
    int before = problems.size();
    List<long[]> points = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    int lastLine = 1;
    for (int l = 0; l < lines.length; l++) {
      String line = lines[l];
      int hash = line.indexOf('#');
      String content = hash >= 0 ? line.substring(0, hash) : line;
      if (content.isBlank()) {
        continue;
      }
      int lineNumber = l + 1;
      lastLine = lineNumber;
      List<int[]> tokens = tokens(content);
      if (tokens.size() != 2) {
        problems.add(
            problem(file, lineNumber, 1, path, "a point is two numbers, 'bytes percent'", line));
        continue;
      }
      int[] sizeToken = tokens.get(0);
      int[] shareToken = tokens.get(1);
      String sizeText = content.substring(sizeToken[0], sizeToken[1]);
      String shareText = content.substring(shareToken[0], shareToken[1]);
      Long size = wholeNumber(sizeText);
      Double percent = number(shareText);
      if (size == null || size < 0) {
        problems.add(
            problem(
                file,
                lineNumber,
                sizeToken[0] + 1,
                path,
                "a flow size is a whole number of bytes >= 0",
                sizeText));
        continue;
      }
      if (percent == null || percent < 0 || percent > 100) {
        problems.add(
            problem(
                file,
                lineNumber,
                shareToken[0] + 1,
                path,
                "a cumulative percentage is a number from 0 to 100",
                shareText));
        continue;
      }
      if (!points.isEmpty()) {
        long[] previous = points.get(points.size() - 1);
        if (size < previous[0]) {
          problems.add(
              problem(
                  file,
                  lineNumber,
                  sizeToken[0] + 1,
                  path,
                  "sizes must not decrease (line " + previous[1] + " has " + previous[0] + ")",
                  sizeText));
          continue;
        }
        if (percent < shares.get(shares.size() - 1)) {
          problems.add(
              problem(
                  file,
                  lineNumber,
                  shareToken[0] + 1,
                  path,
                  "percentages must not decrease (line "
                      + previous[1]
                      + " has "
                      + shares.get(shares.size() - 1)
                      + ")",
                  shareText));
          continue;
        }
      }
      points.add(new long[] {size, lineNumber});
      shares.add(percent);
    }
    if (problems.size() > before) {
      return null;
    }
    if (points.size() < 2) {
      problems.add(
          problem(file, lastLine, 1, path, "a CDF needs at least two points", points.size() + ""));
      return null;
    }
    if (shares.get(shares.size() - 1) != 100.0) {
      problems.add(
          problem(
              file,
              (int) points.get(points.size() - 1)[1],
              1,
              path,
              "the last point must be at 100 percent",
              shares.get(shares.size() - 1)));
      return null;
    }
    long[] sizes = new long[points.size()];
    double[] cumulative = new double[points.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = points.get(i)[0];
      cumulative[i] = shares.get(i) / 100.0;
    }
    return new FlowSizeCdf(name, sizes, cumulative, null);
  }

  private static ConfigProblem problem(
      String file, int line, int column, String path, String rule, Object value) {
    return new ConfigProblem(
        file, line, column, path, String.format(Locale.ROOT, "%s (got '%s')", rule, value));
  }

  /** Start and end offsets of the whitespace-separated tokens of {@code text}. */
  private static List<int[]> tokens(String text) {
    List<int[]> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(new int[] {start, i});
      }
    }
    return tokens;
  }

  private static Long wholeNumber(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double number(String text) {
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  String name() {
    return name;
  }

  /** The largest size the distribution draws. */
  long maxBytes() {
    return bytes[bytes.length - 1];
  }

  /** The mean flow size in bytes (the integral of the interpolated inverse CDF). */
  double meanBytes() {
    double mean = 0;
    for (int i = 1; i < bytes.length; i++) {
      mean += (share[i] - share[i - 1]) * (bytes[i] + bytes[i - 1]) / 2.0;
    }
    return Math.max(1, mean);
  }

  /** One flow size, at least 1 byte. */
  long draw(SimRandom random) {
    double u = random.nextDouble();
    if (u <= share[0]) {
      return Math.max(1, bytes[0]);
    }
    for (int i = 1; i < bytes.length; i++) {
      if (u <= share[i] && share[i] > share[i - 1]) {
        double within = (u - share[i - 1]) / (share[i] - share[i - 1]);
        long size = bytes[i - 1] + Math.round(within * (bytes[i] - bytes[i - 1]));
        return Math.max(1, size);
      }
    }
    return Math.max(1, bytes[bytes.length - 1]);
  }
}
