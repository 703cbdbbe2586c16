package org.rnicsim.ndk.provider.work;

import org.rnicsim.engine.SimTime;

/**
 * The loopback engine's time model: a request on a connection takes a fixed latency plus its
 * payload at the link rate; a local memory operation (Bind, FastRegister, Invalidate) a fixed time.
 * Requests of one QP run one after another, in order.
 *
 * @param requestLatencyPs fixed part of a Send, Read or Write, post to CQE
 * @param bitsPerSecond payload rate
 * @param localOperationPs Bind, FastRegister, Invalidate
 */
public record LoopbackTiming(long requestLatencyPs, long bitsPerSecond, long localOperationPs) {

  /** Checks the numbers. */
  public LoopbackTiming {
    if (requestLatencyPs < 0 || localOperationPs < 0 || bitsPerSecond <= 0) {
      throw new IllegalArgumentException("loopback timing needs latencies >= 0 and a rate > 0");
    }
  }

  /**
   * Assumption, not calibrated: 2 us per request (about one RoCE round trip between two hosts on
   * one switch), 100 Gb/s, 0.5 us for a local memory operation.
   */
  public static LoopbackTiming assumedDefault() {
    return new LoopbackTiming(2 * SimTime.PS_PER_US, 100_000_000_000L, SimTime.PS_PER_US / 2);
  }

  /** Service time of one request of {@code bytes} payload. */
  public long serviceTimePs(boolean local, long bytes) {
    if (local) {
      return localOperationPs;
    }
    double payloadPs = bytes * 8.0 * SimTime.PS_PER_S / bitsPerSecond;
    return requestLatencyPs + Math.round(payloadPs);
  }
}
