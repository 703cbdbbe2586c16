package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.rnicsim.engine.Units;

/**
 * Collects what is wrong with a bound study instead of stopping at the first problem, each located
 * through the file's {@link SourceMap}. Readers of unit-carrying values live here so that every
 * workload checks them the same way.
 */
public final class Problems {
  private final String file;
  private final SourceMap source;
  private final List<ConfigProblem> found = new ArrayList<>();

  public Problems(String file, SourceMap source) {
    this.file = file;
    this.source = source;
  }

  /** Records a problem at {@code path}; the message should name the path. */
  public void report(String path, String message) {
    SourceMap.Position position = source.positionOf(path);
    found.add(new ConfigProblem(file, position.line(), position.column(), path, message));
  }

  /** {@code value}, or null after reporting it as missing. */
  public <T> T require(T value, String path) {
    if (value == null) {
      // Point at the key of the mapping the missing key belongs in, which is where it would be
      // added.
      SourceMap.Position position = source.keyPositionOf(SourceMap.parentOf(path));
      found.add(
          new ConfigProblem(
              file, position.line(), position.column(), path, "missing key '" + path + "'"));
    }
    return value;
  }

  /**
   * Checks {@code condition}; when false reports {@code path} with "must ..." text and the value
   * seen.
   */
  public void check(boolean condition, String path, String mustText, Object value) {
    if (!condition) {
      report(path, "'" + path + "' must " + mustText + " (got " + value + ")");
    }
  }

  /**
   * A duration such as {@code "1.5us"} in picoseconds, or null when missing or unreadable (already
   * reported).
   */
  public Long durationPs(String text, String path) {
    return parse(text, path, "duration", Units::parseDurationPs);
  }

  /**
   * A size such as {@code "4KiB"} in bytes, or null when missing or unreadable (already reported).
   */
  public Long bytes(String text, String path) {
    return parse(text, path, "size", Units::parseBytes);
  }

  /** A rate such as {@code "100Gbps"} in bits per second, or null when missing or unreadable. */
  public Long bitsPerSecond(String text, String path) {
    return parse(text, path, "rate", Units::parseBitsPerSecond);
  }

  private Long parse(String text, String path, String what, ToLongFunction<String> parser) {
    if (require(text, path) == null) {
      return null;
    }
    try {
      return parser.applyAsLong(text);
    } catch (IllegalArgumentException e) {
      // UnitsException extends IllegalArgumentException and quotes the text in its message.
      report(path, "bad " + what + " at '" + path + "': " + e.getMessage());
      return null;
    }
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** All problems so far, in file order. */
  public List<ConfigProblem> problems() {
    List<ConfigProblem> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
    return sorted;
  }

  /**
   * Throws when anything was reported, so that callers can validate everything first and stop once.
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new StudyRejectedException(problems());
    }
  }
}
