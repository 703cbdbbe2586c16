package org.rnicsim.experiments.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.experiments.study.Measurement;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.experiments.study.ProfileCatalog;
import org.rnicsim.experiments.study.RunPlan;
import org.rnicsim.model.profile.HardwareProfile;

@Timeout(60)
class DmaPlanTest {
  private static final RunPlan RUN = new RunPlan(1, 1, 0, 1);

  private static HardwareProfile testCard() {
    return ProfileCatalog.loadFile(Path.of("../configs/profiles/gen3x8-dma-test-card.yaml"));
  }

  private static List<String> ids(DmaPlan plan) {
    return plan.metrics().stream().map(Metric::id).toList();
  }

  @Test
  void whenOneReadAtATime_thenTheMedianIsTheP4LatencyAndTheP99NotBelowIt() {
    DmaPlan plan = new DmaPlan(testCard(), DmaDirection.READ, List.of(64L, 2048L), 1, 500, 50);

    List<Double> at64 = plan.measure(RUN, 0, 0).values();
    List<Double> at2048 = plan.measure(RUN, 1, 0).values();

    int p50 = ids(plan).indexOf("read_latency_p50_ns");
    int p99 = ids(plan).indexOf("read_latency_p99_ns");
    assertEquals(546.0, at64.get(p50), 546.0 * 0.10, "P4 at 64 B");
    double published2048 = 546.0 + 0.29 * (2048 - 64);
    assertEquals(published2048, at2048.get(p50), published2048 * 0.10, "P4 at 2 KiB");
    assertTrue(at64.get(p99) >= at64.get(p50));
  }

  @Test
  void whenReadsAndWritesShareTheOneEngine_thenEachDirectionIsReportedAndSlowerThanAlone() {
    HardwareProfile card = testCard();
    DmaPlan both = new DmaPlan(card, DmaDirection.READ_WRITE, List.of(64L), 64, 5000, 500);
    DmaPlan reads = new DmaPlan(card, DmaDirection.READ, List.of(64L), 64, 5000, 500);
    DmaPlan writes = new DmaPlan(card, DmaDirection.WRITE, List.of(64L), 64, 5000, 500);

    assertEquals(
        List.of(
            "read_bw_gbps",
            "read_dma_mops",
            "read_latency_p50_ns",
            "read_latency_p99_ns",
            "write_bw_gbps",
            "write_dma_mops"),
        ids(both));
    Measurement together = both.measure(RUN, 0, 0);
    double readsAloneMops = reads.measure(RUN, 0, 0).values().get(1);
    double writesAloneMops = writes.measure(RUN, 0, 0).values().get(1);
    double readsTogether = together.values().get(1);
    double writesTogether = together.values().get(5);

    assertEquals(62.5, readsAloneMops, 62.5 * 0.01, "P5 read issue rate");
    assertEquals(47.5, writesAloneMops, 47.5 * 0.01, "P5 write issue rate");
    assertTrue(readsTogether < 0.8 * readsAloneMops, "reads " + readsTogether);
    assertTrue(writesTogether < 0.8 * writesAloneMops, "writes " + writesTogether);
    // One engine's time is split between the two: fractions of each alone rate add up to one.
    assertEquals(1.0, readsTogether / readsAloneMops + writesTogether / writesAloneMops, 0.02);
  }
}
