package org.rnicsim.model.adapter.congestion;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.profile.CongestionControlProfile;

/**
 * DCQCN on one adapter: its parameters, its port's line rate, and its counters {@code
 * <adapter>.dcqcn.cnpsSent} (notification point) and {@code <adapter>.dcqcn.cnpsReceived} (reaction
 * point). The transport asks it for each QP's reaction point and CNP pacer when first needed.
 */
public final class Dcqcn {
  private final RnicSimulator simulator;
  private final CongestionControlProfile profile;
  private final long lineRateBitsPerSecond;
  private final Counter cnpsSent;
  private final Counter cnpsReceived;

  public Dcqcn(
      RnicSimulator simulator,
      String adapterName,
      CongestionControlProfile profile,
      long lineRateBitsPerSecond,
      StatisticsRegistry stats) {
    if (!profile.runsDcqcn()) {
      throw new IllegalArgumentException(adapterName + ": congestion control is not dcqcn");
    }
    this.simulator = simulator;
    this.profile = profile;
    this.lineRateBitsPerSecond = lineRateBitsPerSecond;
    this.cnpsSent = stats.counter(adapterName + ".dcqcn.cnpsSent");
    this.cnpsReceived = stats.counter(adapterName + ".dcqcn.cnpsReceived");
  }

  public long lineRateBitsPerSecond() {
    return lineRateBitsPerSecond;
  }

  /** A QP's reaction point, created at its first CNP; {@code mayResume} reactivates the QP. */
  public DcqcnReactionPoint newReactionPoint(Runnable mayResume) {
    return new DcqcnReactionPoint(simulator, profile, lineRateBitsPerSecond, mayResume);
  }

  /** A QP's notification point, sending its CNPs through {@code sender}. */
  public CnpPacer newCnpPacer(CnpPacer.CnpSender sender) {
    return new CnpPacer(simulator, profile.cnpIntervalPs(), sender);
  }

  public void countCnpSent() {
    cnpsSent.increment();
  }

  public void countCnpReceived() {
    cnpsReceived.increment();
  }

  /** CNPs this adapter sent since the statistics were last reset. */
  public long cnpsSent() {
    return cnpsSent.count();
  }

  /** CNPs this adapter received since the statistics were last reset. */
  public long cnpsReceived() {
    return cnpsReceived.count();
  }
}
