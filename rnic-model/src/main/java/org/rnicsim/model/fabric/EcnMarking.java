package org.rnicsim.model.fabric;

/**
 * RED-style ECN marking of a switch egress queue, on the instantaneous queue as a packet joins it
 * (RFC 3168 CE; the DCQCN paper's switch setting): at or below {@code kminBytes} no packet is
 * marked, at or above {@code kmaxBytes} every one is, and in between the probability rises linearly
 * from 0 to {@code pmax}.
 *
 * @param kminBytes queue bytes up to which nothing is marked
 * @param kmaxBytes queue bytes from which everything is marked
 * @param pmax the marking probability just below {@code kmaxBytes}
 */
public record EcnMarking(long kminBytes, long kmaxBytes, double pmax) {
  /** A switch that never marks. */
  public static final EcnMarking OFF = new EcnMarking(Long.MAX_VALUE, Long.MAX_VALUE, 0);

  public EcnMarking {
    if (kminBytes < 0 || kmaxBytes < kminBytes) {
      throw new IllegalArgumentException(
          "ECN marking needs 0 <= kmin <= kmax: " + kminBytes + ", " + kmaxBytes);
    }
    if (!(pmax >= 0 && pmax <= 1)) {
      throw new IllegalArgumentException("ECN pmax must be in [0, 1]: " + pmax);
    }
  }

  /** Whether any queue length marks. */
  public boolean enabled() {
    return kmaxBytes != Long.MAX_VALUE;
  }

  /** The marking probability of a packet that finds {@code queueBytes} in the queue. */
  public double probability(long queueBytes) {
    if (queueBytes <= kminBytes) {
      return 0;
    }
    if (queueBytes >= kmaxBytes) {
      return 1;
    }
    return pmax * (queueBytes - kminBytes) / (double) (kmaxBytes - kminBytes);
  }
}
