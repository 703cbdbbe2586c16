package org.rnicsim.model.adapter.interrupt;

import java.util.List;

/**
 * The profile tables of Linux DIM that calibration I2 lists, with the index each starts at, where
 * its moderation timer starts, and which decision rule walks it.
 */
public enum DimProfileTable {
  /** Net DIM, receive side, timer from the EQE; default index 1 (calibration I2). */
  NET_RX_EQE(
      DimRule.NET,
      ModerationTimerStart.EQE,
      1,
      List.of(p(1, 256), p(8, 256), p(64, 256), p(128, 256), p(256, 256))),
  /** Net DIM, receive side, timer from the CQE; default index 1 (calibration I2). */
  NET_RX_CQE(
      DimRule.NET,
      ModerationTimerStart.CQE,
      1,
      List.of(p(2, 256), p(8, 128), p(16, 64), p(32, 64), p(64, 64))),
  /**
   * RDMA DIM for kernel CQs, (usec, completions), starting at index 0 (calibration I2). Assumption:
   * the timer starts at the EQE, the CQ period mode an RDMA CQ gets unless its creator asks
   * otherwise.
   */
  RDMA(
      DimRule.RDMA,
      ModerationTimerStart.EQE,
      0,
      List.of(
          p(1, 1), p(1, 4), p(2, 4), p(2, 8), p(4, 8), p(16, 8), p(16, 16), p(32, 16), p(32, 32)));

  /** Which of Linux's two DIM decision rules walks a table. */
  public enum DimRule {
    /** lib/dim net_dim: climbs throughput, then fewer events; parks when it finds a top. */
    NET,
    /** lib/dim rdma_dim: climbs completion rate, then completions per event; never parks. */
    RDMA
  }

  private final DimRule rule;
  private final ModerationTimerStart timerStart;
  private final int startIndex;
  private final List<DimProfile> profiles;

  DimProfileTable(
      DimRule rule, ModerationTimerStart timerStart, int startIndex, List<DimProfile> profiles) {
    this.rule = rule;
    this.timerStart = timerStart;
    this.startIndex = startIndex;
    this.profiles = profiles;
  }

  private static DimProfile p(long periodUs, long maxCount) {
    return new DimProfile(periodUs, maxCount);
  }

  public DimRule rule() {
    return rule;
  }

  public ModerationTimerStart timerStart() {
    return timerStart;
  }

  public int startIndex() {
    return startIndex;
  }

  public int size() {
    return profiles.size();
  }

  public DimProfile profile(int index) {
    return profiles.get(index);
  }

  /** The moderation the CQ runs with at {@code index}. */
  public CqModeration moderation(int index) {
    return profiles.get(index).toModeration(timerStart);
  }
}
