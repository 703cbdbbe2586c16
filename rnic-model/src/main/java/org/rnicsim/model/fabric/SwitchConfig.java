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
 * @param pfcXoffBytes ingress bytes held in the switch above which PFC pauses the link partner
 * @param pfcXonBytes ingress bytes below which PFC lets it send again
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
    long pfcXonBytes) {
  public SwitchConfig {
    if (ports < 2 || rateBitsPerSecond <= 0 || forwardingLatencyPs < 0 || outputBufferBytes <= 0) {
      throw new IllegalArgumentException("bad switch config: " + ports + " ports");
    }
    if (pfc && (pfcXonBytes < 0 || pfcXonBytes >= pfcXoffBytes)) {
      throw new IllegalArgumentException("PFC needs 0 <= xon < xoff");
    }
  }
}
