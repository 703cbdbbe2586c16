package org.rnicsim.experiments.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.control.FixedLatencyControlPath;
import org.rnicsim.model.pcie.DmaEngineConfig;
import org.rnicsim.model.pcie.DmaRead;
import org.rnicsim.model.pcie.PcieThroughputModel;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * Calibration P3, P4 and P5 on the DMA test card profile, measured through the event model (the
 * adapter's DMA engines and PCIe link on simulated time), not through the formulas.
 */
class PcieCalibrationThroughEventsTest {
  private static final String PROFILE = "gen3x8-dma-test-card";

  private static Rnic card(RnicSimulator simulator) {
    HardwareProfile profile = CalibrationProfiles.named(PROFILE);
    return new Rnic(
        simulator,
        "card",
        1,
        profile,
        new FixedLatencyControlPath(simulator, 0),
        new StatisticsRegistry(simulator));
  }

  @ParameterizedTest(name = "{0} B")
  @ValueSource(longs = {64, 512, 1024, 2048})
  void p4_anUncontendedDmaReadTakesThePublishedMedianWithinTenPercent(long bytes) {
    RnicSimulator simulator = new RnicSimulator("p4");
    Rnic card = card(simulator);
    long[] arrivedPs = {-1};
    simulator.schedule(
        0, () -> card.pcie().read(0, bytes, DmaRead.of(() -> arrivedPs[0] = simulator.nowPs())));
    simulator.runToEnd();
    double publishedPs = 546_000 + 290.0 * (bytes - 64);
    assertEquals(publishedPs, arrivedPs[0], publishedPs * 0.10);
  }

  @ParameterizedTest(name = "{0} B")
  @ValueSource(longs = {64, 128, 256, 512, 1024, 2048, 4096})
  void p3p5_backToBackDmaWritesReachTheLowerOfLinkAndEngineLimit(long bytes) {
    RnicSimulator simulator = new RnicSimulator("p3");
    Rnic card = card(simulator);
    HardwareProfile profile = CalibrationProfiles.named(PROFILE);
    int count = 20_000;
    long[] lastLandedPs = {0};
    var engines =
        new org.rnicsim.model.adapter.dma.DmaEngines(
            simulator,
            "engines",
            card.pcie(),
            profile.adapter().dma(),
            new StatisticsRegistry(simulator));
    simulator.schedule(
        0,
        () -> {
          for (int i = 0; i < count; i++) {
            lastLandedPs[0] = engines.write(0, bytes);
          }
        });
    simulator.runToEnd();
    double gbps =
        count * bytes * 8.0 / ((lastLandedPs[0] - profile.pcie().flightLatencyPs()) / 1e12) / 1e9;
    DmaEngineConfig engine =
        DmaEngineConfig.fromIssueRates(
            profile.adapter().dma().writesPerSecondPerEngine(),
            profile.adapter().dma().readsPerSecondPerEngine());
    double expected =
        new PcieThroughputModel(profile.pcie().linkConfig())
                .achievableDmaWriteBitsPerSecond(bytes, engine)
            / 1e9;
    assertEquals(expected, gbps, expected * 0.005);
  }

  @ParameterizedTest(name = "{0} B")
  @ValueSource(longs = {64, 128, 256, 512, 1024, 2048, 4096})
  void p3p5_dmaReadsKeptInFlightReachTheLowerOfLinkAndEngineLimit(long bytes) {
    RnicSimulator simulator = new RnicSimulator("p3r");
    Rnic card = card(simulator);
    HardwareProfile profile = CalibrationProfiles.named(PROFILE);
    var engines =
        new org.rnicsim.model.adapter.dma.DmaEngines(
            simulator,
            "engines",
            card.pcie(),
            profile.adapter().dma(),
            new StatisticsRegistry(simulator));
    int count = 20_000;
    long[] firstAndLast = {-1, 0};
    int[] arrived = {0};
    simulator.schedule(
        0,
        () -> {
          for (int i = 0; i < count; i++) {
            engines.read(
                0,
                bytes,
                DmaRead.of(
                    () -> {
                      arrived[0]++;
                      if (firstAndLast[0] < 0) {
                        firstAndLast[0] = simulator.nowPs();
                      }
                      firstAndLast[1] = simulator.nowPs();
                    }));
          }
        });
    simulator.runToEnd();
    assertEquals(count, arrived[0]);
    // Steady state: from the first arrival to the last, count - 1 reads' worth of data.
    double gbps = (count - 1) * bytes * 8.0 / ((firstAndLast[1] - firstAndLast[0]) / 1e12) / 1e9;
    DmaEngineConfig engine =
        DmaEngineConfig.fromIssueRates(
            profile.adapter().dma().writesPerSecondPerEngine(),
            profile.adapter().dma().readsPerSecondPerEngine());
    double expected =
        new PcieThroughputModel(profile.pcie().linkConfig())
                .achievableDmaReadBitsPerSecond(bytes, engine)
            / 1e9;
    assertEquals(expected, gbps, expected * 0.01);
  }
}
