package org.rnicsim.model.pcie;

/**
 * Median latency of one DMA read on an idle link, from the adapter issuing the request to the last
 * completion byte arriving (calibration P4: about 546 ns at 64 B, about 0.29 ns more per byte up to
 * 2 KiB, about 100 ns more from the other socket's memory).
 *
 * <p>The latency is the sum of two parts:
 *
 * <ul>
 *   <li>the <b>link round trip</b>, computed from the link config: serialising the first read
 *       request upstream plus serialising all completions downstream. Later requests leave while
 *       the first is being answered, so only the first one is on the critical path. On the P3 link
 *       this is about 15 ns at 64 B and about 0.15 ns per byte (data plus 20 B per completion):
 *       roughly half of the measured slope.
 *   <li>the <b>completer part</b>, an assumption fitted to P4 and held in the link config: root
 *       complex, IOMMU, cache or memory access and the adapter's own DMA engine. It grows with size
 *       because the root complex fetches the buffer line by line; reads below 64 B cost the same as
 *       64 B because the host always fetches a whole cache line.
 * </ul>
 *
 * <p>The 99.9th percentile sits only about 40 ns above the median (P4), so a median is all an
 * idle-link model needs; queueing behind other TLPs is for the event model to add.
 */
public final class DmaReadLatencyModel {

  /** Calibration P4: memory on the other socket adds about 100 ns. */
  public static final long REMOTE_SOCKET_PENALTY_PS = 100_000L;

  private static final long CACHE_LINE_BYTES = 64;

  private final PcieLinkBandwidth bandwidth;
  private final TlpCostModel tlpCosts;
  private final long completerLatencyAt64BytesPs;
  private final long completerLatencyPsPerByte;

  public DmaReadLatencyModel(PcieLinkConfig config) {
    this.bandwidth = new PcieLinkBandwidth(config);
    this.tlpCosts = new TlpCostModel(config);
    this.completerLatencyAt64BytesPs = config.readCompleterLatencyAt64BytesPs();
    this.completerLatencyPsPerByte = config.readCompleterLatencyPsPerByte();
  }

  /** Median latency of an aligned read of {@code payloadBytes}. */
  public long medianReadLatencyPs(long payloadBytes, HostMemoryLocality locality) {
    long remotePenaltyPs =
        locality == HostMemoryLocality.REMOTE_SOCKET ? REMOTE_SOCKET_PENALTY_PS : 0;
    return linkRoundTripPs(payloadBytes) + completerLatencyPs(payloadBytes) + remotePenaltyPs;
  }

  /** Median latency of an aligned read of {@code payloadBytes} from local memory. */
  public long medianReadLatencyPs(long payloadBytes) {
    return medianReadLatencyPs(payloadBytes, HostMemoryLocality.LOCAL_SOCKET);
  }

  /** Serialisation of the first request upstream and of all completions downstream. */
  public long linkRoundTripPs(long payloadBytes) {
    DmaTransferCost cost = tlpCosts.dmaRead(payloadBytes);
    return bandwidth.serialisationPs(tlpCosts.readRequestWireBytes())
        + bandwidth.serialisationPs(cost.hostToDeviceWireBytes());
  }

  /** The fitted root complex and memory part (assumption, calibration P4). */
  public long completerLatencyPs(long payloadBytes) {
    if (payloadBytes <= 0) {
      throw new IllegalArgumentException("DMA size must be > 0 bytes but was " + payloadBytes);
    }
    long bytesAboveOneLine = Math.max(0, payloadBytes - CACHE_LINE_BYTES);
    return completerLatencyAt64BytesPs
        + Math.multiplyExact(bytesAboveOneLine, completerLatencyPsPerByte);
  }
}
