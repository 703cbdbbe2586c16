package org.rnicsim.model.fabric;

/**
 * An output-queued switch.
 *
 * @param ports number of ports
 * @param rateBitsPerSecond every port's rate
 * @param forwardingLatencyPs ingress to output queue (lookup and crossbar), an assumption
 * @param txLatencyPs output MAC and PHY latency
 * @param rxLatencyPs input PHY and MAC latency
 * @param outputBufferBytes bytes each output queue may hold; a packet that does not fit is dropped
 *     (unless PFC keeps the queue from filling)
 * @param pfc whether PFC pauses the sender on an ingress port instead of dropping
 * @param pfcXoffBytes ingress bytes held in the switch above which PFC pauses the link partner; for
 *     a lossless fabric, low enough that every ingress port can also hold its {@linkplain
 *     #pfcHeadroomBytes headroom} (see {@link #losslessXoffBytes})
 * @param pfcXonBytes ingress bytes below which PFC lets it send again
 * @param ecn how each output queue marks ECN-capable packets CE ({@link EcnMarking#OFF}: never)
 */
public record SwitchConfig(
    int ports,
    long rateBitsPerSecond,
    long forwardingLatencyPs,
    long txLatencyPs,
    long rxLatencyPs,
    long outputBufferBytes,
    boolean pfc,
    long pfcXoffBytes,
    long pfcXonBytes,
    EcnMarking ecn) {
  /** A PFC frame: a minimum-size Ethernet MAC control frame. */
  public static final int PAUSE_FRAME_BYTES = 64;

  /**
   * Bytes that may still arrive on an ingress port after it crossed XOFF, the headroom IEEE
   * 802.1Qbb-2011 (Annex N, "PFC delay") tells a switch to reserve: the frame the switch is sending
   * when it decides (one maximum frame before the PAUSE can go), the PAUSE itself, the PAUSE's way
   * to the sender (transmit interface, cable, receive interface), the sender's data already on the
   * way back (the same delays again), and the frame the sender finishes before it stops (one
   * maximum frame):
   *
   * <pre>
   * headroom = 2 x maxFrame + pauseFrame
   *          + (2 x cable + switchTx + switchRx + partnerTx + partnerRx) x rate / 8
   * </pre>
   *
   * The partner's response time, which the standard adds, is taken as zero (see {@link
   * FabricSwitch}).
   *
   * @param interfaceDelaysPs transmit and receive latencies of both ports, summed
   */
  public static long pfcHeadroomBytes(
      long rateBitsPerSecond, long cableDelayPs, long interfaceDelaysPs, long maxFrameBytes) {
    long roundTripPs = 2 * cableDelayPs + interfaceDelaysPs;
    long onTheWayBytes =
        (long) Math.ceil(roundTripPs * (rateBitsPerSecond / 8.0) / 1_000_000_000_000.0);
    return 2 * maxFrameBytes + PAUSE_FRAME_BYTES + onTheWayBytes;
  }

  /**
   * XOFF for an output-queued switch that stays lossless when all {@code ingressPorts} send to one
   * output: each ingress may hold XOFF, one frame that crossed it, and its headroom, and together
   * they must fit the output buffer. Never below one maximum frame, so a buffer too small for the
   * ports is not lossless under a full incast.
   */
  public static long losslessXoffBytes(
      long outputBufferBytes, int ingressPorts, long headroomBytes, long maxFrameBytes) {
    return Math.max(
        maxFrameBytes, outputBufferBytes / ingressPorts - headroomBytes - maxFrameBytes);
  }

  /** A switch that marks nothing. */
  public SwitchConfig(
      int ports,
      long rateBitsPerSecond,
      long forwardingLatencyPs,
      long txLatencyPs,
      long rxLatencyPs,
      long outputBufferBytes,
      boolean pfc,
      long pfcXoffBytes,
      long pfcXonBytes) {
    this(
        ports,
        rateBitsPerSecond,
        forwardingLatencyPs,
        txLatencyPs,
        rxLatencyPs,
        outputBufferBytes,
        pfc,
        pfcXoffBytes,
        pfcXonBytes,
        EcnMarking.OFF);
  }

  /** The same switch with ECN marking {@code marking} on every output queue. */
  public SwitchConfig withEcn(EcnMarking marking) {
    return new SwitchConfig(
        ports,
        rateBitsPerSecond,
        forwardingLatencyPs,
        txLatencyPs,
        rxLatencyPs,
        outputBufferBytes,
        pfc,
        pfcXoffBytes,
        pfcXonBytes,
        marking);
  }

  public SwitchConfig {
    if (ecn == null) {
      throw new IllegalArgumentException("bad switch config: no ECN setting (EcnMarking.OFF)");
    }
    if (ports < 2 || rateBitsPerSecond <= 0 || forwardingLatencyPs < 0 || outputBufferBytes <= 0) {
      throw new IllegalArgumentException("bad switch config: " + ports + " ports");
    }
    if (pfc && (pfcXonBytes < 0 || pfcXonBytes >= pfcXoffBytes)) {
      throw new IllegalArgumentException("PFC needs 0 <= xon < xoff");
    }
  }
}
