package org.rnicsim.model.pcie;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.StatisticsRegistry;

/**
 * The adapter's PCIe link on simulated time: two directions, each a FIFO of TLPs at the TLP
 * bandwidth (calibration P1, P2), plus a one-way flight latency (PHY, switch-free root port and
 * root complex entry) that every TLP group pays after it has been serialised.
 *
 * <ul>
 *   <li><b>Posted writes upstream</b> (payload, CQE and EQE writes, MSI-X): serialised, then the
 *       flight latency; they land in host memory in the order they were queued.
 *   <li><b>Posted MMIO writes downstream</b> (doorbells, BlueFlame WQE copies): the CPU's
 *       write-combining buffer cuts them into TLPs of at most {@link #MMIO_WRITE_COMBINING_BYTES}.
 *   <li><b>Non-posted reads</b>: request TLPs upstream, the host completer's latency, completions
 *       downstream. The completer part is the one {@link DmaReadLatencyModel} fitted to calibration
 *       P4 minus the two flights this model charges separately, so an uncontended read takes
 *       exactly the P4 median. Completers work in parallel: the latency does not queue, only the
 *       completions do, on the downstream direction.
 * </ul>
 *
 * <p>Statistics under {@code <name>.deviceToHost} and {@code <name>.hostToDevice}: see {@link
 * TlpSerialiser}.
 */
public final class PcieLink implements DeviceToHostWrites {

  /**
   * Assumption: an x86 core's write-combining buffer flushes whole 64-byte lines, so an MMIO copy
   * of a WQE becomes one memory-write TLP per 64 bytes.
   */
  public static final int MMIO_WRITE_COMBINING_BYTES = 64;

  private final RnicSimulator simulator;
  private final TlpCostModel tlpCosts;
  private final DmaReadLatencyModel readLatency;
  private final TlpSerialiser deviceToHost;
  private final TlpSerialiser hostToDevice;
  private final long flightLatencyPs;
  private final long readRequestWireBytes;
  private final PostedWriteCredits postedCredits;
  private final long fullTlpPs;
  private final long maxTlpsPerPart;
  // The last streamed write's size, cost, and how long all its TLPs but the last take.
  private long streamedPayloadBytes = -1;
  private DmaTransferCost streamedCost;
  private long streamedLeadBoundPs;

  /**
   * @param flightLatencyPs one-way latency of a TLP after its last byte was serialised: an
   *     assumption in every profile; it must fit twice into the P4-fitted completer latency
   * @param postedCredits the root port's posted-write flow control (the profile's advertisement)
   */
  public PcieLink(
      RnicSimulator simulator,
      String name,
      PcieLinkConfig config,
      long flightLatencyPs,
      PostedWriteCredits postedCredits,
      StatisticsRegistry stats) {
    if (flightLatencyPs < 0) {
      throw new IllegalArgumentException("flight latency must be >= 0 ps: " + flightLatencyPs);
    }
    if (2 * flightLatencyPs > config.readCompleterLatencyAt64BytesPs()) {
      throw new IllegalArgumentException(
          name
              + ": two flights of "
              + flightLatencyPs
              + " ps exceed the fitted read completer latency of "
              + config.readCompleterLatencyAt64BytesPs()
              + " ps; the P4 read latency would be overshot");
    }
    this.simulator = simulator;
    this.tlpCosts = new TlpCostModel(config);
    this.readLatency = new DmaReadLatencyModel(config);
    PcieLinkBandwidth bandwidth = new PcieLinkBandwidth(config);
    this.deviceToHost = new TlpSerialiser(simulator, name + ".deviceToHost", bandwidth, stats);
    this.hostToDevice = new TlpSerialiser(simulator, name + ".hostToDevice", bandwidth, stats);
    this.flightLatencyPs = flightLatencyPs;
    this.readRequestWireBytes = tlpCosts.readRequestWireBytes();
    this.postedCredits = postedCredits;
    this.fullTlpPs =
        bandwidth.serialisationPs(tlpCosts.maxPayloadBytes() + tlpCosts.memoryWriteOverheadBytes());
    this.maxTlpsPerPart =
        Math.min(
            postedCredits.headerCredits(),
            postedCredits.dataCredits()
                * PostedWriteCredits.DATA_CREDIT_BYTES
                / tlpCosts.maxPayloadBytes());
  }

  public long flightLatencyPs() {
    return flightLatencyPs;
  }

  public TlpSerialiser deviceToHost() {
    return deviceToHost;
  }

  public TlpSerialiser hostToDevice() {
    return hostToDevice;
  }

  public TlpCostModel tlpCosts() {
    return tlpCosts;
  }

  // ---- device to host: posted writes ----

  /**
   * Queues a posted DMA write that is ready to leave at {@code readyAtPs} and returns the time it
   * lands in host memory; no event is scheduled, for writes whose landing nobody waits for.
   */
  public long postWrite(long readyAtPs, long payloadBytes) {
    return landedPs(postCredited(readyAtPs, 0, payloadBytes, tlpCosts.dmaWrite(payloadBytes)));
  }

  /**
   * When the write whose last TLP left at {@code lastTlpLeftPs} is in host memory: one flight
   * later, unless the host's memory write path is still behind.
   */
  private long landedPs(long lastTlpLeftPs) {
    return Math.max(lastTlpLeftPs + flightLatencyPs, postedCredits.drainedPs());
  }

  /**
   * Sends a posted write once its credits allow; returns when its last TLP has left. A write larger
   * than the whole advertisement leaves in parts of as many TLPs as the credits cover, each part
   * waiting for the credits of the one before.
   */
  private long postCredited(long readyAtPs, long leadPs, long payloadBytes, DmaTransferCost cost) {
    long tlps = cost.deviceToHostTlps();
    if (tlps > maxTlpsPerPart) {
      long mps = tlpCosts.maxPayloadBytes();
      long partBytes = maxTlpsPerPart * mps;
      long leftPs = readyAtPs;
      for (long sentBytes = 0; sentBytes < payloadBytes; sentBytes += partBytes) {
        long bytes = Math.min(partBytes, payloadBytes - sentBytes);
        leftPs = postPart(readyAtPs, 0, bytes, tlpCosts.dmaWrite(bytes));
      }
      return leftPs;
    }
    return postPart(readyAtPs, leadPs, payloadBytes, cost);
  }

  private long postPart(long readyAtPs, long leadPs, long payloadBytes, DmaTransferCost cost) {
    long readyPs = Math.max(readyAtPs, simulator.nowPs());
    long tlps = cost.deviceToHostTlps();
    int mps = tlpCosts.maxPayloadBytes();
    long creditedPs =
        postedCredits.earliestStartPs(readyPs - leadPs, tlps, payloadBytes, mps, fullTlpPs);
    long endPs =
        deviceToHost.transmitStreamed(
            Math.max(readyPs, creditedPs + leadPs), leadPs, tlps, cost.deviceToHostWireBytes());
    postedCredits.sent(
        deviceToHost.lastStartPs(), endPs, tlps, payloadBytes, mps, fullTlpPs, flightLatencyPs);
    return endPs;
  }

  public PostedWriteCredits postedCredits() {
    return postedCredits;
  }

  /**
   * Queues a posted DMA write of payload that is still streaming in from the port (cut-through
   * receive): its TLPs may leave up to {@code streamLeadPs} before {@code readyAtPs}, as the bytes
   * come in, but the last TLP never leaves before {@code readyAtPs}. Returns the time the last TLP
   * has left the adapter; it lands one flight latency later.
   */
  public long postStreamedWrite(long readyAtPs, long payloadBytes, long streamLeadPs) {
    if (payloadBytes != streamedPayloadBytes) {
      // Received packets are mostly of one size (the MTU): their cost and lead bound are kept.
      DmaTransferCost cost = tlpCosts.dmaWrite(payloadBytes);
      long lastTlpWireBytes =
          (payloadBytes - 1) % tlpCosts.maxPayloadBytes() + 1 + tlpCosts.memoryWriteOverheadBytes();
      streamedLeadBoundPs =
          deviceToHost.serialisationPs(cost.deviceToHostWireBytes())
              - deviceToHost.serialisationPs(lastTlpWireBytes);
      streamedCost = cost;
      streamedPayloadBytes = payloadBytes;
    }
    long leadPs = Math.min(streamLeadPs, streamedLeadBoundPs);
    return postCredited(readyAtPs, Math.max(0, leadPs), payloadBytes, streamedCost);
  }

  /** As {@link #postWrite(long, long)}, and schedules {@code onLanded} at the landing time. */
  public long postWrite(long readyAtPs, long payloadBytes, SimEvent onLanded) {
    long landedPs = postWrite(readyAtPs, payloadBytes);
    simulator.reschedule(onLanded, landedPs, RnicSimulator.PRIORITY_NORMAL);
    return landedPs;
  }

  @Override
  public void postWrite(long payloadBytes, Runnable onLanded) {
    long landedPs = postWrite(simulator.nowPs(), payloadBytes);
    if (onLanded != null) {
      simulator.scheduleAt(landedPs, onLanded);
    }
  }

  @Override
  public void postMsiX(Runnable onDelivered) {
    DmaTransferCost cost = tlpCosts.msiX();
    long deliveredPs = landedPs(postCredited(simulator.nowPs(), 0, cost.payloadBytes(), cost));
    if (onDelivered != null) {
      simulator.scheduleAt(deliveredPs, onDelivered);
    }
  }

  // ---- host to device: posted MMIO writes ----

  /** Queues an MMIO write from the CPU now and returns when it reaches the adapter. */
  public long mmioWrite(long payloadBytes) {
    if (payloadBytes <= 0) {
      throw new IllegalArgumentException("MMIO write must be > 0 bytes: " + payloadBytes);
    }
    long tlps = (payloadBytes + MMIO_WRITE_COMBINING_BYTES - 1) / MMIO_WRITE_COMBINING_BYTES;
    long wireBytes = payloadBytes + tlps * tlpCosts.memoryWriteOverheadBytes();
    return hostToDevice.transmit(simulator.nowPs(), tlps, wireBytes) + flightLatencyPs;
  }

  /** As {@link #mmioWrite(long)}, and schedules {@code onLanded} when it reaches the adapter. */
  public long mmioWrite(long payloadBytes, SimEvent onLanded) {
    long landedPs = mmioWrite(payloadBytes);
    simulator.reschedule(onLanded, landedPs, RnicSimulator.PRIORITY_NORMAL);
    return landedPs;
  }

  // ---- device-initiated reads ----

  /**
   * Starts a DMA read of {@code payloadBytes} whose requests are ready to leave at {@code
   * readyAtPs}; the requests are cut at MRRS and the completions at MPS and RCB (calibration P2).
   * {@code read} fires its {@link DmaRead#onDataArrived()} when the last completion byte arrives.
   */
  public void read(long readyAtPs, long payloadBytes, DmaRead read) {
    DmaTransferCost cost = tlpCosts.dmaRead(payloadBytes);
    deviceToHost.transmit(readyAtPs, cost.deviceToHostTlps(), cost.deviceToHostWireBytes());
    // Later requests leave while the first is served: only the first is on the critical path,
    // as in DmaReadLatencyModel.
    long firstRequestLeftPs =
        deviceToHost.lastStartPs() + deviceToHost.serialisationPs(readRequestWireBytes);
    long completionsReadyPs =
        firstRequestLeftPs + flightLatencyPs + hostCompleterLatencyPs(payloadBytes);
    read.start(this, payloadBytes, cost.hostToDeviceTlps(), cost.hostToDeviceWireBytes());
    simulator.reschedule(read, completionsReadyPs, RnicSimulator.PRIORITY_NORMAL);
  }

  /** The part of a read's latency spent in the root complex and memory, flights excluded. */
  public long hostCompleterLatencyPs(long payloadBytes) {
    return readLatency.completerLatencyPs(payloadBytes) - 2 * flightLatencyPs;
  }

  /** Median latency of an uncontended read on this link, as calibration P4 defines it. */
  public long idleReadLatencyPs(long payloadBytes) {
    return readLatency.medianReadLatencyPs(payloadBytes);
  }

  void sendCompletions(DmaRead read, long completionTlps, long completionWireBytes) {
    long arrivedPs =
        hostToDevice.transmit(simulator.nowPs(), completionTlps, completionWireBytes)
            + flightLatencyPs;
    long leadPs = read.cutThroughLeadPs();
    if (leadPs > 0) {
      arrivedPs -= Math.min(leadPs, streamPs(read.payloadBytes(), completionWireBytes));
    }
    simulator.reschedule(read, arrivedPs, RnicSimulator.PRIORITY_NORMAL);
  }

  /**
   * How long the data of one read streams in, first completion to last byte. The root complex
   * fetches the buffer line by line (the per-byte part of the P4 completer latency) and the
   * completions follow one another on the link, so the first bytes arrive after the completer's
   * one-line latency, that much before the last.
   */
  private long streamPs(long payloadBytes, long completionWireBytes) {
    long firstCompletionWireBytes =
        Math.min(payloadBytes, tlpCosts.maxPayloadBytes()) + tlpCosts.completionOverheadBytes();
    return readLatency.completerLatencyPs(payloadBytes)
        - readLatency.completerLatencyPs(1)
        + hostToDevice.serialisationPs(completionWireBytes)
        - hostToDevice.serialisationPs(Math.min(firstCompletionWireBytes, completionWireBytes));
  }
}
