package org.rnicsim.experiments.flows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnicsim.experiments.study.ConfigProblem;
import org.rnicsim.experiments.study.Origin;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.StudyInputs;

/**
 * What {@code workload.sizes} names: a size with a unit (every flow that long), a built-in CDF
 * ({@code websearch}, {@code fb-hadoop}: copies of configs/flow-sizes/ in the jar), or a CDF file
 * by a path relative to the study file. A file's problems are reported at their line and column in
 * that file.
 */
final class FlowSizeSource {
  /** The CDFs the jar carries: the files of configs/flow-sizes/. */
  static final List<String> BUILT_IN = List.of("websearch", "fb-hadoop");

  static final String RESOURCE_FOLDER = "/org/rnicsim/experiments/flows/sizes/";

  private FlowSizeSource() {}

  /** The distribution {@code sizes} names, or null after reporting why not. */
  static FlowSizeCdf resolve(Problems problems, String path, String sizes) {
    if (problems.require(sizes, path) == null) {
      return null;
    }
    if (!sizes.isEmpty() && Character.isDigit(sizes.charAt(0))) {
      Long bytes = problems.bytes(sizes, path);
      if (bytes == null) {
        return null;
      }
      problems.check(bytes >= 1 && bytes <= (1L << 31), path, "be 1B to 2GiB", sizes);
      return bytes >= 1 && bytes <= (1L << 31) ? FlowSizeCdf.fixed(sizes, bytes) : null;
    }
    List<ConfigProblem> found = new ArrayList<>();
    FlowSizeCdf cdf;
    if (BUILT_IN.contains(sizes)) {
      cdf = FlowSizeCdf.parse(sizes, builtIn(sizes), sizes + ".txt", path, found);
    } else {
      Origin origin = problems.originOf(path);
      Path file = origin.line() > 0 ? studyFolder(origin).resolve(sizes) : Path.of(sizes);
      StudyInputs.Text read = problems.inputs().read(sizes, file);
      if (read.text() == null) {
        problems.report(
            path,
            String.format(
                Locale.ROOT,
                "'%s' must be a size (64KiB), %s or a readable CDF file of at most 1 MiB"
                    + " (got '%s': %s)",
                path,
                String.join(", ", BUILT_IN),
                sizes,
                read.refusal()));
        return null;
      }
      cdf = FlowSizeCdf.parse(sizes, read.text(), file.toString(), path, found);
      // The text goes with the plan: into each job's fingerprint and to cluster members.
      cdf = cdf == null ? null : cdf.fromFile(read.text());
    }
    found.forEach(problems::reportInFile);
    return cdf;
  }

  private static Path studyFolder(Origin origin) {
    Path parent = Path.of(origin.source()).getParent();
    return parent == null ? Path.of("") : parent;
  }

  private static String builtIn(String name) {
    try (InputStream in =
        FlowSizeSource.class.getResourceAsStream(RESOURCE_FOLDER + name + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the built-in flow sizes " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in flow sizes " + name, e);
    }
  }
}
