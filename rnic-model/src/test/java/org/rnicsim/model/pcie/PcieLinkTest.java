package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;

class PcieLinkTest {
  private static final long FLIGHT_PS = 125_000;
  private static final PostedWriteCredits CREDITS =
      new PostedWriteCredits(63, 315, 512_000_000_000L, FLIGHT_PS);
  private final RnicSimulator sim = new RnicSimulator("pcie");
  private final StatisticsRegistry stats = new StatisticsRegistry(sim);
  private final PcieLink link =
      new PcieLink(sim, "pcie", PcieLinkConfig.calibrationP3(), FLIGHT_PS, CREDITS, stats);

  private long readLatencyThroughEvents(long bytes) {
    long[] arrived = {-1};
    sim.schedule(
        0, () -> link.read(sim.nowPs(), bytes, DmaRead.of(() -> arrived[0] = sim.nowPs())));
    long start = sim.nowPs();
    sim.runToEnd();
    return arrived[0] - start;
  }

  @ParameterizedTest(name = "{0} B")
  @ValueSource(longs = {64, 512, 1024, 2048})
  void anUncontendedDmaReadThroughTheEventModelTakesTheP4MedianWithinTenPercent(long bytes) {
    double publishedPs = 546_000 + 290.0 * (bytes - 64);
    long simulatedPs = readLatencyThroughEvents(bytes);
    assertEquals(publishedPs, simulatedPs, publishedPs * 0.10);
    assertEquals(link.idleReadLatencyPs(bytes), simulatedPs, "event model = analytic P4 model");
  }

  @Test
  void aPostedWriteLandsAfterItsSerialisationPlusTheFlight() {
    long[] landed = {-1};
    sim.schedule(0, () -> link.postWrite(64, () -> landed[0] = sim.nowPs()));
    sim.runToEnd();
    // 64 B + 24 B of TLP overhead at the Gen3 x8 MPS 256 TLP bandwidth of 57.885 Gb/s (P1).
    assertEquals(88 * 8 / 57.885e9 * 1e12 + FLIGHT_PS, landed[0], 2);
  }

  @Test
  void writesQueuedTogetherLeaveBackToBackAtTheP3WriteRate() {
    int count = 10_000;
    long[] lastLanded = {0};
    sim.schedule(
        0,
        () -> {
          for (int i = 0; i < count; i++) {
            link.postWrite(512, () -> lastLanded[0] = sim.nowPs());
          }
        });
    sim.runToEnd();
    double gbps = count * 512 * 8.0 / ((lastLanded[0] - FLIGHT_PS) / 1e12) / 1e9;
    assertEquals(52.92, gbps, 52.92 * 0.005);
  }

  @Test
  void completionsQueueBehindOtherCompletionsButReadsOverlapAtTheCompleter() {
    List<Long> arrivals = new ArrayList<>();
    sim.schedule(
        0,
        () -> {
          for (int i = 0; i < 2; i++) {
            link.read(0, 2048, DmaRead.of(() -> arrivals.add(sim.nowPs())));
          }
        });
    sim.runToEnd();
    long single = link.idleReadLatencyPs(2048);
    assertEquals(single, arrivals.get(0), 1);
    long secondExtraPs = arrivals.get(1) - single;
    long completionsPs =
        link.hostToDevice().serialisationPs(link.tlpCosts().dmaRead(2048).hostToDeviceWireBytes());
    // The second waits for one request slot upstream and for the first's completions downstream,
    // not for a second completer latency.
    assertTrue(secondExtraPs <= completionsPs + 1_000, "extra " + secondExtraPs);
    assertTrue(secondExtraPs >= completionsPs - 1_000, "extra " + secondExtraPs);
  }

  @Test
  void mmioWritesAreCutIntoWriteCombiningLines() {
    sim.schedule(0, () -> link.mmioWrite(128));
    sim.runToEnd();
    assertEquals(2, stats.summarize().counter("pcie.hostToDevice.tlps").count());
    assertEquals(128 + 2 * 24, stats.summarize().counter("pcie.hostToDevice.wireBytes").count());
  }

  @Test
  void aFlightLongerThanHalfTheFittedCompleterLatencyIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PcieLink(sim, "bad", PcieLinkConfig.calibrationP3(), 300_000, CREDITS, stats));
  }
}
