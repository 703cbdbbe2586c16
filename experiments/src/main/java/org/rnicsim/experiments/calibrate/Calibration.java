package org.rnicsim.experiments.calibrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.experiments.dma.DmaPlan;
import org.rnicsim.experiments.run.WorkloadKinds;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.Study;
import org.rnicsim.experiments.study.StudyLoader;
import org.rnicsim.experiments.study.StudyPlan;
import org.rnicsim.model.pcie.TlpCostModel;

/**
 * Runs the figures' studies, one job per case a figure needs (replication 0: the studies have no
 * random input), and reads each figure's model value out of them.
 */
public final class Calibration {
  private final StudyLoader loader = new StudyLoader(WorkloadKinds.all());
  private final Map<String, StudyPlan> plans = new HashMap<>();
  private final Map<String, List<Double>> measured = new HashMap<>();

  /**
   * The figures of {@code figuresFile} whose study runs on {@code profile} (all when null).
   *
   * @throws IllegalArgumentException when a study, case or metric a figure names does not exist
   */
  public List<FigureResult> run(Path figuresFile, List<CalibrationFigure> figures, String profile) {
    Path folder = figuresFile.toAbsolutePath().getParent();
    List<FigureResult> results = new ArrayList<>();
    for (CalibrationFigure figure : figures) {
      check(figure);
      StudyPlan plan = plan(folder.resolve(figure.study()), figure.overrides());
      String profileName = profileOf(plan);
      if (profile != null && !profile.equals(profileName)) {
        continue;
      }
      double model = model(figure, plan);
      if (figure.per() != null) {
        StudyPlan reference = plan(folder.resolve(figure.study()), figure.per());
        model /= value(figure, reference, figure.per(), figure.at());
      }
      results.add(new FigureResult(figure, profileName, model));
    }
    return results;
  }

  private static void check(CalibrationFigure figure) {
    String problem = null;
    if (figure.figure() == null || figure.study() == null || figure.metric() == null) {
      problem = "needs figure, study and metric";
    } else if (!"tuned".equals(figure.use()) && !"held-out".equals(figure.use())) {
      problem = "use must be tuned or held-out (got " + figure.use() + ")";
    } else if (figure.bound() == null ? figure.tolerance() == null : figure.tolerance() != null) {
      problem = "needs either a tolerance or a bound, not both";
    } else if (figure.bound() != null
        && !"at-least".equals(figure.bound())
        && !"at-most".equals(figure.bound())) {
      problem = "bound must be at-least or at-most (got " + figure.bound() + ")";
    } else if (figure.derive() != null && figure.per() != null) {
      problem = "a ratio (per) takes no derive";
    } else if (figure.derive() != null
        && !"tlp-rate".equals(figure.derive())
        && !"tlp-overhead".equals(figure.derive())) {
      problem = "derive must be tlp-rate or tlp-overhead (got " + figure.derive() + ")";
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          figure.figure() + " (" + figure.conditions() + "): " + problem);
    }
  }

  private StudyPlan plan(Path file, List<String> overrides) {
    return plans.computeIfAbsent(
        file + " " + overrides,
        key -> {
          Study study =
              loader.load(
                  file, file.getFileName().toString(), overrides, StudyLoader.Expansion.ONE_POINT);
          return study.points().get(0).plan();
        });
  }

  private static String profileOf(StudyPlan plan) {
    return plan.workload() instanceof DmaPlan dma
        ? dma.hardware().name()
        : plan.workload() instanceof org.rnicsim.experiments.rdma.RdmaPlan rdma
            ? rdma.testbed().hardware().name()
            : "";
  }

  private double model(CalibrationFigure figure, StudyPlan plan) {
    double value = value(figure, plan, figure.overrides(), figure.at());
    if (figure.derive() == null) {
      return value;
    }
    return switch (figure.derive()) {
      case "tlp-rate" -> {
        // P2: ceil(S / MPS) write TLPs of 24 bytes of overhead each carry S bytes of payload.
        long mps = ((DmaPlan) plan.workload()).hardware().pcie().maxPayloadBytes();
        double bytes = figure.at();
        double tlps = Math.ceil(bytes / mps);
        yield value * (bytes + TlpCostModel.MEMORY_WRITE_OVERHEAD_BYTES * tlps) / bytes;
      }
      case "tlp-overhead" -> {
        // A DMA of S bytes takes (S + h) byte times of the link, one of S + 1 bytes (1 + h) more:
        // with q = (t(S+1) - t(S)) / t(S), h = (q S - 1) / (1 - q). t is 1 / rate.
        double bytes = figure.at();
        double tS = 1.0 / value;
        double tNext = 1.0 / value(figure, plan, figure.overrides(), bytes + 1);
        double q = (tNext - tS) / tS;
        yield (q * bytes - 1) / (1 - q);
      }
      default ->
          throw new IllegalArgumentException(
              figure.figure() + ": unknown derive '" + figure.derive() + "'");
    };
  }

  /** The figure's metric at case {@code at} of {@code plan}, the study with {@code overrides}. */
  private double value(
      CalibrationFigure figure, StudyPlan plan, List<String> overrides, double at) {
    CaseAxis cases = plan.workload().cases();
    int caseIndex = -1;
    for (int i = 0; i < cases.size() && caseIndex < 0; i++) {
      boolean group =
          figure.operation() == null || figure.operation().equals(cases.groups().get(i));
      if (cases.values().get(i) == at && group) {
        caseIndex = i;
      }
    }
    List<String> ids = plan.workload().metrics().stream().map(Metric::id).toList();
    int metricIndex = ids.indexOf(figure.metric());
    if (caseIndex < 0 || metricIndex < 0) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "%s: %s has no case %s%s or no metric %s (metrics %s)",
              figure.figure(),
              figure.study(),
              FigureResult.number(at),
              figure.operation() == null ? "" : " " + figure.operation(),
              figure.metric(),
              ids));
    }
    int index = caseIndex;
    List<Double> values =
        measured.computeIfAbsent(
            figure.study() + " " + overrides + "#" + index,
            key -> plan.workload().measure(plan.run(), index, 0).values());
    return values.get(metricIndex);
  }
}
