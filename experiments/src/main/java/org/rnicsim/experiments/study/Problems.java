package org.rnicsim.experiments.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.rnicsim.engine.Units;

/**
 * Collects what is wrong with a bound study instead of stopping at the first problem, each located
 * through the file's {@link SourceMap}. Readers of unit-carrying values live here so that every
 * workload checks them the same way.
 */
public final class Problems {
  /**
   * Files before command-line options, then by file and position: the order an editor's problem
   * list shows.
   */
  public static final Comparator<ConfigProblem> FILE_ORDER =
      Comparator.comparing((ConfigProblem problem) -> problem.line() == 0)
          .thenComparing(ConfigProblem::file)
          .thenComparingInt(ConfigProblem::line)
          .thenComparingInt(ConfigProblem::column);

  private final SourceMap source;
  private final Set<String> alreadyReported;
  private final List<ConfigProblem> found = new ArrayList<>();

  /**
   * Whole numbers too large for their Java type, by path, as written: binding put the type's limit
   * in their place, and validation's range checks name the number as written.
   */
  private Map<String, StandIn> standIns = Map.of();

  private final Set<String> reportedPaths = new HashSet<>();

  /**
   * A whole number binding could not hold, and the range of the Java type it was bound to.
   *
   * @param written the number as written
   */
  public record StandIn(String written, long min, long max) {}

  /** Values missing because binding refused them: reported already, but still problems. */
  private int silent;

  /** Where files the study names as input are read from. */
  private StudyInputs inputs = StudyInputs.fromDisk();

  /**
   * @param source where each value was written
   * @param alreadyReported paths whose value was refused while binding (and so reads as missing
   *     here); they are not reported a second time
   */
  public Problems(SourceMap source, Set<String> alreadyReported) {
    this.source = source;
    this.alreadyReported = Set.copyOf(alreadyReported);
  }

  public Problems(SourceMap source) {
    this(source, Set.of());
  }

  /**
   * The shallowest keys at or under {@code path} that a study file or a {@code --set} wrote, not
   * the defaults file or a profile beneath them; in path order.
   */
  public List<String> writtenUnder(String path) {
    return source.keysWrittenUnder(path);
  }

  /** Records a problem at {@code path}; the message should name the path. */
  public void report(String path, String message) {
    if (isAlreadyReported(path)) {
      silent++;
    } else {
      reportedPaths.add(path);
      found.add(source.positionOf(path).problem(path, message));
    }
  }

  /** Records a problem located already (by a binder that read the values). */
  public void add(ConfigProblem problem) {
    reportedPaths.add(problem.path());
    found.add(problem);
  }

  /** Records a problem located in a file the study names (a flow-size CDF), not in the study. */
  public void reportInFile(ConfigProblem problem) {
    add(problem);
  }

  /** Where each value was written. */
  SourceMap source() {
    return source;
  }

  /** Records a problem with the key at {@code path} itself (an unknown key), located at the key. */
  public void reportKey(String path, String message) {
    if (isAlreadyReported(path)) {
      silent++;
    } else {
      found.add(source.keyPositionOf(path).problem(path, message));
    }
  }

  /** {@code value}, or null after reporting it as missing. */
  public <T> T require(T value, String path) {
    if (value == null && isAlreadyReported(path)) {
      silent++;
    } else if (value == null) {
      // Point at the key of the mapping the missing key belongs in, which is where it would be
      // added.
      found.add(
          source
              .keyPositionOf(SourceMap.parentOf(path))
              .problem(path, "missing key '" + path + "'"));
    }
    return value;
  }

  /** Where the files the study names as input (a size CDF) come from: disk, or a driver's copy. */
  public StudyInputs inputs() {
    return inputs;
  }

  void inputs(StudyInputs inputs) {
    this.inputs = inputs;
  }

  /** Where the value at {@code path} was written. */
  public Origin originOf(String path) {
    return source.positionOf(path);
  }

  private boolean isAlreadyReported(String path) {
    for (String refused : alreadyReported) {
      if (path.equals(refused)
          || path.startsWith(refused + ".")
          || path.startsWith(refused + "[")
          || refused.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Tells these problems which values binding stood in for (see {@link #standIns}). */
  void standIns(Map<String, StandIn> tooLarge) {
    this.standIns = Map.copyOf(tooLarge);
  }

  /** How many problems were reported so far; workloads compare it to see if they added any. */
  public int count() {
    return found.size() + silent;
  }

  /**
   * Checks {@code condition}; when false reports {@code path} with "must ..." text and the value
   * seen.
   */
  public void check(boolean condition, String path, String mustText, Object value) {
    if (!condition) {
      Object written = standIns.containsKey(path) ? standIns.get(path).written() : value;
      report(path, "'" + path + "' must " + mustText + " (got " + written + ")");
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

  /** A rate such as {@code "250Kops/s"} in operations per second, or null when unreadable. */
  public Long operationsPerSecond(String text, String path) {
    return parse(text, path, "operation rate", OperationRates::parsePerSecond);
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
    return count() == 0 && problems().isEmpty();
  }

  /** All problems so far, in file order. */
  public List<ConfigProblem> problems() {
    List<ConfigProblem> sorted = new ArrayList<>(found);
    for (Map.Entry<String, StandIn> entry : standIns.entrySet()) {
      String path = entry.getKey();
      StandIn standIn = entry.getValue();
      if (!reportedPaths.contains(path)) {
        // No range check of the key caught the stand-in: say the range of the number's type.
        sorted.add(
            source
                .positionOf(path)
                .problem(
                    path,
                    "number out of range at '"
                        + path
                        + "': it must be a whole number between "
                        + standIn.min()
                        + " and "
                        + standIn.max()
                        + " (got "
                        + standIn.written()
                        + ")"));
      }
    }
    sorted.sort(FILE_ORDER);
    return sorted;
  }

  /**
   * Throws when anything was reported, so that callers can validate everything first and stop once.
   */
  public void throwIfAny() {
    if (!isEmpty()) {
      throw new StudyRejectedException(problems());
    }
  }
}
