package org.rnicsim.experiments.dma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnicsim.experiments.rdma.sim.SizeText;
import org.rnicsim.experiments.study.CaseAxis;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.experiments.study.WorkloadPlan;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * A validated dma workload: each size is a case, each (size, replication) a job. The metrics are
 * per direction: {@code read_bw_gbps}, {@code read_dma_mops}, {@code read_latency_p50_ns}, {@code
 * read_latency_p99_ns}; {@code write_bw_gbps}, {@code write_dma_mops}.
 */
public record DmaPlan(
    HardwareProfile hardware,
    DmaDirection direction,
    List<Long> sizesBytes,
    int window,
    int iterations,
    int warmUpIterations)
    implements WorkloadPlan {

  public static final String KIND = "dma";

  public DmaPlan {
    sizesBytes = List.copyOf(sizesBytes);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    String first = SizeText.of(sizesBytes.get(0));
    String sizes =
        sizesBytes.size() == 1
            ? first
            : sizesBytes.size()
                + " sizes "
                + first
                + ".."
                + SizeText.of(sizesBytes.get(sizesBytes.size() - 1));
    return String.format(
        Locale.ROOT,
        "DMA benchmark (pcie-bench), %s, %s, window %d; %s",
        direction.fileName(),
        sizes,
        window,
        hardware.name());
  }

  @Override
  public String measuredSpan(RunPlan run) {
    return iterations + " DMAs per direction after " + warmUpIterations + " warm-up";
  }

  @Override
  public CaseAxis cases() {
    return new CaseAxis("size", "B", sizesBytes.stream().map(Long::doubleValue).toList());
  }

  @Override
  public List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    if (direction.reads()) {
      metrics.add(new Metric("read_bw_gbps", "DMA read payload bandwidth", "Gb/s", true, null));
      metrics.add(new Metric("read_dma_mops", "DMA reads per second", "Mops/s", true, null));
      metrics.add(new Metric("read_latency_p50_ns", "DMA read latency, median", "ns", true, null));
      metrics.add(new Metric("read_latency_p99_ns", "DMA read latency, p99", "ns", false, null));
    }
    if (direction.writes()) {
      metrics.add(new Metric("write_bw_gbps", "DMA write payload bandwidth", "Gb/s", true, null));
      metrics.add(new Metric("write_dma_mops", "DMA writes per second", "Mops/s", true, null));
    }
    return metrics;
  }

  @Override
  public Measurement measure(RunPlan run, int caseIndex, int replication) {
    DmaBench.Outcome outcome =
        DmaBench.run(
            hardware, direction, sizesBytes.get(caseIndex), window, warmUpIterations, iterations);
    List<Double> values = new ArrayList<>();
    if (direction.reads()) {
      values.add(outcome.readBitsPerSecond() / 1e9);
      values.add(outcome.readsPerSecond() / 1e6);
      values.add(outcome.readLatencyP50Ps() / 1e3);
      values.add(outcome.readLatencyP99Ps() / 1e3);
    }
    if (direction.writes()) {
      values.add(outcome.writeBitsPerSecond() / 1e9);
      values.add(outcome.writesPerSecond() / 1e6);
    }
    return new Measurement(values, outcome.eventsExecuted());
  }

  /** Events grow with the DMAs simulated and, past a TLP, with their size. */
  @Override
  public double relativeCost(RunPlan run, int caseIndex) {
    double perDma = 1.0 + sizesBytes.get(caseIndex) / 256.0;
    return perDma * ((double) iterations + warmUpIterations);
  }
}
