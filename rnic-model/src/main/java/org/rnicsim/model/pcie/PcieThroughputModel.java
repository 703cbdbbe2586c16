package org.rnicsim.model.pcie;

/**
 * Steady-state DMA throughput of a stream of equal-sized transfers on one link (calibration P2):
 * how much payload per second the link carries once headers, framing, DLLPs and SKPs are paid, and,
 * given a DMA engine, what the adapter can actually reach (calibration P5).
 *
 * <p>Rates are in payload bits per second, the unit of the P3 table.
 */
public final class PcieThroughputModel {

  private final PcieLinkBandwidth bandwidth;
  private final TlpCostModel tlpCosts;

  public PcieThroughputModel(PcieLinkConfig config) {
    this.bandwidth = new PcieLinkBandwidth(config);
    this.tlpCosts = new TlpCostModel(config);
  }

  public PcieLinkBandwidth bandwidth() {
    return bandwidth;
  }

  public TlpCostModel tlpCosts() {
    return tlpCosts;
  }

  /** Calibration P2: TLP bandwidth x S / (S + overhead x TLPs) for aligned writes of S bytes. */
  public double dmaWriteBitsPerSecond(long payloadBytes) {
    DmaTransferCost cost = tlpCosts.dmaWrite(payloadBytes);
    return payloadRate(payloadBytes, cost.deviceToHostWireBytes());
  }

  /**
   * Calibration P2: TLP bandwidth x S / (S + overhead x completions) for aligned reads of S bytes,
   * unless the requests going the other way need more wire bytes than the completions, in which
   * case the request direction sets the pace.
   */
  public double dmaReadBitsPerSecond(long payloadBytes) {
    DmaTransferCost cost = tlpCosts.dmaRead(payloadBytes);
    long busierDirectionWireBytes =
        Math.max(cost.hostToDeviceWireBytes(), cost.deviceToHostWireBytes());
    return payloadRate(payloadBytes, busierDirectionWireBytes);
  }

  /** Whether read requests, not completions, fill their direction first for reads of this size. */
  public boolean readRequestDirectionIsBottleneck(long payloadBytes) {
    DmaTransferCost cost = tlpCosts.dmaRead(payloadBytes);
    return cost.deviceToHostWireBytes() > cost.hostToDeviceWireBytes();
  }

  /** Calibration P5: the lower of the link-limited and the engine-issue-limited write rate. */
  public double achievableDmaWriteBitsPerSecond(long payloadBytes, DmaEngineConfig engine) {
    return Math.min(
        dmaWriteBitsPerSecond(payloadBytes), engine.writeIssueLimitedBitsPerSecond(payloadBytes));
  }

  /** Calibration P5: the lower of the link-limited and the engine-issue-limited read rate. */
  public double achievableDmaReadBitsPerSecond(long payloadBytes, DmaEngineConfig engine) {
    return Math.min(
        dmaReadBitsPerSecond(payloadBytes), engine.readIssueLimitedBitsPerSecond(payloadBytes));
  }

  private double payloadRate(long payloadBytes, long wireBytes) {
    return bandwidth.tlpBandwidthBitsPerSecond() * payloadBytes / wireBytes;
  }
}
