package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.GaugeSummary;
import org.rnicsim.engine.stats.StatisticsRegistry;

/** The statistics registry given to the provider's builder is where its host's figures go. */
class ProviderStatisticsTest {

  @Test
  void theHostsCoresReportTheirBusyTimeToTheRegistryTheStudyGave() {
    RnicSimulator sim = new RnicSimulator("provider-stats");
    StatisticsRegistry stats = new StatisticsRegistry(sim);
    ProviderRig rig = new ProviderRig(sim, b -> b.stats(stats));
    rig.cq(64); // a pending create: its DPC and create completion run on a host core
    List<GaugeSummary> busy =
        stats.summarize().gauges().stream().filter(g -> g.name().endsWith(".busy")).toList();
    assertTrue(!busy.isEmpty(), "no core reported to the given registry: " + stats.summarize());
    assertTrue(
        busy.stream().anyMatch(g -> g.max() == 1.0), "a core was busy for the create: " + busy);
  }
}
