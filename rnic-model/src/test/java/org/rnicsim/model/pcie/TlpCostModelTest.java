package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calibration P2 on the P3 link: MPS 256, MRRS 512, RCB 64, no ECRC. */
class TlpCostModelTest {

  private final TlpCostModel costs = new TlpCostModel(PcieLinkConfig.calibrationP3());

  @ParameterizedTest(name = "{0} B write: {1} TLPs")
  @CsvSource({"1, 1", "64, 1", "255, 1", "256, 1", "257, 2", "512, 2", "513, 3", "4096, 16"})
  void dmaWriteSendsCeilSizeOverMpsTlpsOf24BytesOverheadUpstreamOnly(long bytes, long tlps) {
    DmaTransferCost cost = costs.dmaWrite(bytes);
    assertEquals(tlps, cost.deviceToHostTlps());
    assertEquals(bytes + 24 * tlps, cost.deviceToHostWireBytes());
    assertEquals(0, cost.hostToDeviceTlps());
    assertEquals(0, cost.hostToDeviceWireBytes());
  }

  @ParameterizedTest(name = "{0} B read: {1} requests, {2} completions")
  @CsvSource({
    "1, 1, 1",
    "64, 1, 1",
    "256, 1, 1",
    "257, 1, 2",
    "512, 1, 2",
    "513, 2, 3",
    "4096, 8, 16"
  })
  void dmaReadSendsRequestsByMrrsUpAndCompletionsByMpsDown(
      long bytes, long requests, long completions) {
    DmaTransferCost cost = costs.dmaRead(bytes);
    assertEquals(requests, cost.deviceToHostTlps());
    assertEquals(24 * requests, cost.deviceToHostWireBytes());
    assertEquals(completions, cost.hostToDeviceTlps());
    assertEquals(bytes + 20 * completions, cost.hostToDeviceWireBytes());
  }

  @Test
  void aTransferOneBytePastMpsCostsAWholeExtraTlp() {
    assertEquals(
        costs.dmaWrite(256).deviceToHostTlps() + 1, costs.dmaWrite(257).deviceToHostTlps());
    assertEquals(costs.dmaRead(256).hostToDeviceTlps() + 1, costs.dmaRead(257).hostToDeviceTlps());
  }

  @Test
  void aReadOneBytePastACacheLineBoundaryCostsAWholeExtraCompletion() {
    // 64 B from address 1 spans two 64 B lines; the completer splits at the RCB.
    assertEquals(1, costs.dmaRead(0, 64).hostToDeviceTlps());
    assertEquals(1, costs.dmaRead(64, 64).hostToDeviceTlps());
    assertEquals(2, costs.dmaRead(1, 64).hostToDeviceTlps());
    assertEquals(64 + 2 * 20, costs.dmaRead(1, 64).hostToDeviceWireBytes());
  }

  @Test
  void anUnalignedReadSplitsOnlyItsFirstRequestAtTheRcb() {
    // 1024 B from 0x20: requests [0x20,0x200) [0x200,0x400) [0x400,0x420)
    DmaTransferCost cost = costs.dmaRead(0x20, 1024);
    assertEquals(3, cost.deviceToHostTlps());
    // first request: 32 B up to the RCB, then 448 B in two; then 2; then 1
    assertEquals(3 + 2 + 1, cost.hostToDeviceTlps());
  }

  @Test
  void anUnalignedWriteNeverCrossesAnMpsBoundary() {
    assertEquals(1, costs.dmaWrite(0x20, 64).deviceToHostTlps());
    assertEquals(2, costs.dmaWrite(0x20, 256).deviceToHostTlps());
    assertEquals(17, costs.dmaWrite(0x20, 4096).deviceToHostTlps());
  }

  @Test
  void withMrrsBelowMpsEveryRequestGetsItsOwnCompletion() {
    PcieLinkConfig p3 = PcieLinkConfig.calibrationP3();
    PcieLinkConfig smallRequests =
        new PcieLinkConfig(p3.generation(), p3.lanes(), 256, 128, 64, false, 0, 0);
    DmaTransferCost cost = new TlpCostModel(smallRequests).dmaRead(512);
    assertEquals(4, cost.deviceToHostTlps());
    assertEquals(4, cost.hostToDeviceTlps());
  }

  @Test
  void ecrcAddsFourBytesToEveryTlpInBothDirections() {
    TlpCostModel withEcrc = new TlpCostModel(PcieLinkConfig.calibrationP3().withEcrc(true));
    assertEquals(1024 + 4 * 28, withEcrc.dmaWrite(1024).deviceToHostWireBytes());
    DmaTransferCost read = withEcrc.dmaRead(1024);
    assertEquals(2 * 28, read.deviceToHostWireBytes());
    assertEquals(1024 + 4 * 24, read.hostToDeviceWireBytes());
    assertEquals(4 + 28, withEcrc.msiX().deviceToHostWireBytes());
  }

  @Test
  void msiXIsOneFourByteMemoryWriteUpstream() {
    DmaTransferCost cost = costs.msiX();
    assertEquals(1, cost.tlps(LinkDirection.DEVICE_TO_HOST));
    assertEquals(4 + 24, cost.wireBytes(LinkDirection.DEVICE_TO_HOST));
    assertEquals(0, cost.tlps(LinkDirection.HOST_TO_DEVICE));
    assertEquals(0, cost.wireBytes(LinkDirection.HOST_TO_DEVICE));
  }

  @Test
  void aHugeTransferIsCountedWithoutLooping() {
    long oneTebibyte = 1L << 40;
    assertEquals(oneTebibyte / 256, costs.dmaRead(oneTebibyte).hostToDeviceTlps());
    assertEquals(oneTebibyte / 512, costs.dmaRead(oneTebibyte).deviceToHostTlps());
  }

  @Test
  void emptyOrNegativeTransfersAreRejectedWithTheValue() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> costs.dmaWrite(0));
    assertTrue(error.getMessage().contains("was 0"), error.getMessage());
    error = assertThrows(IllegalArgumentException.class, () -> costs.dmaRead(-3, 64));
    assertTrue(error.getMessage().contains("-3"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> costs.dmaRead(Long.MAX_VALUE - 10, 64));
  }

  @Test
  void aRememberedCostIsAlwaysTheCostOfTheSizeAskedFor() {
    // Sizes in any order, many sharing a slot of the remembered costs: each answer is the cost of
    // its own size, as a fresh computation at an aligned address gives it.
    long[] sizes = {64, 4096, 64, 2048, 1, 4097, 96, 64 + 32 * 1024, 257, 64, 4096, 1 << 20};
    for (int pass = 0; pass < 3; pass++) {
      for (long bytes : sizes) {
        assertEquals(costs.dmaWrite(0, bytes), costs.dmaWrite(bytes), bytes + " B write");
        assertEquals(costs.dmaRead(0, bytes), costs.dmaRead(bytes), bytes + " B read");
      }
    }
    assertThrows(IllegalArgumentException.class, () -> costs.dmaWrite(0));
    assertThrows(IllegalArgumentException.class, () -> costs.dmaRead(-1));
  }
}
