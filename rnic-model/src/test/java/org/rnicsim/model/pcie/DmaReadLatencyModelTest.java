package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Calibration P4: NFP6000, Gen3 x8, Xeon E5-2620 v3, host-warm buffers, median, 10 %. */
class DmaReadLatencyModelTest {

  private final DmaReadLatencyModel model = new DmaReadLatencyModel(PcieLinkConfig.calibrationP3());

  @ParameterizedTest(name = "{0} B")
  @ValueSource(longs = {64, 512, 1024, 2048})
  void medianReadLatencyMatchesP4WithinTenPercent(long bytes) {
    double publishedPs = 546_000 + 290.0 * (bytes - 64);
    assertEquals(publishedPs, model.medianReadLatencyPs(bytes), publishedPs * 0.10);
  }

  @Test
  void remoteSocketMemoryAddsAbout100Nanoseconds() {
    for (long bytes : new long[] {8, 64, 2048}) {
      assertEquals(
          model.medianReadLatencyPs(bytes) + 100_000,
          model.medianReadLatencyPs(bytes, HostMemoryLocality.REMOTE_SOCKET));
    }
  }

  @Test
  void linkRoundTripOfA64ByteReadIsOneRequestAndOneCompletionAt57_885Gbps() {
    double expectedPs = (24 + 64 + 20) * 8 / 57.885e9 * 1e12;
    assertEquals(expectedPs, model.linkRoundTripPs(64), 2);
  }

  @Test
  void aFasterLinkShortensOnlyTheLinkPartOfReadLatency() {
    PcieLinkConfig p3 = PcieLinkConfig.calibrationP3();
    PcieLinkConfig gen5x16 =
        new PcieLinkConfig(
            PcieGeneration.GEN5,
            16,
            p3.maxPayloadBytes(),
            p3.maxReadRequestBytes(),
            p3.readCompletionBoundaryBytes(),
            false,
            p3.readCompleterLatencyAt64BytesPs(),
            p3.readCompleterLatencyPsPerByte());
    DmaReadLatencyModel faster = new DmaReadLatencyModel(gen5x16);
    assertEquals(model.completerLatencyPs(2048), faster.completerLatencyPs(2048));
    // Gen5 x16 is 8x the raw rate of Gen3 x8 but its AckLim is smaller, so a bit under 8x
    double speedUp = (double) model.linkRoundTripPs(2048) / faster.linkRoundTripPs(2048);
    assertEquals(7.7, speedUp, 0.3);
  }

  @Test
  void readsBelowACacheLineCostAsMuchHostTimeAsACacheLine() {
    assertEquals(model.completerLatencyPs(64), model.completerLatencyPs(8));
  }
}
