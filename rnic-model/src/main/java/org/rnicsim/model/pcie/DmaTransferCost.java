package org.rnicsim.model.pcie;

/**
 * What one DMA (or one MSI-X message) costs on each direction of the link: how many TLPs and how
 * many bytes on the wire, headers and data-link framing included (calibration P2). The event model
 * charges {@code wireBytes} to each direction through {@link PcieLinkBandwidth#serialisationPs}.
 *
 * @param payloadBytes data bytes the transfer moves
 * @param deviceToHostTlps write TLPs or read requests sent upstream
 * @param deviceToHostWireBytes bytes those TLPs occupy on the upstream direction
 * @param hostToDeviceTlps completions with data sent downstream
 * @param hostToDeviceWireBytes bytes those completions occupy on the downstream direction
 */
public record DmaTransferCost(
    long payloadBytes,
    long deviceToHostTlps,
    long deviceToHostWireBytes,
    long hostToDeviceTlps,
    long hostToDeviceWireBytes) {

  public DmaTransferCost {
    if (payloadBytes < 0
        || deviceToHostTlps < 0
        || deviceToHostWireBytes < 0
        || hostToDeviceTlps < 0
        || hostToDeviceWireBytes < 0) {
      throw new IllegalArgumentException(
          "a transfer cost has no negative parts but was payload "
              + payloadBytes
              + " B, device-to-host "
              + deviceToHostTlps
              + " TLPs / "
              + deviceToHostWireBytes
              + " B, host-to-device "
              + hostToDeviceTlps
              + " TLPs / "
              + hostToDeviceWireBytes
              + " B");
    }
  }

  /** TLPs this transfer sends in {@code direction}. */
  public long tlps(LinkDirection direction) {
    return direction == LinkDirection.DEVICE_TO_HOST ? deviceToHostTlps : hostToDeviceTlps;
  }

  /** Wire bytes this transfer occupies in {@code direction}. */
  public long wireBytes(LinkDirection direction) {
    return direction == LinkDirection.DEVICE_TO_HOST
        ? deviceToHostWireBytes
        : hostToDeviceWireBytes;
  }
}
