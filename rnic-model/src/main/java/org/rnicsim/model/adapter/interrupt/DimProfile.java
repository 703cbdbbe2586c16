package org.rnicsim.model.adapter.interrupt;

import org.rnicsim.engine.SimTime;

/**
 * One entry of a DIM profile table (calibration I2): a moderation period in microseconds and a
 * count (packets for net DIM, completions for RDMA DIM).
 */
public record DimProfile(long periodUs, long maxCount) {
  public DimProfile {
    if (periodUs <= 0 || maxCount <= 0) {
      throw new IllegalArgumentException(
          "a DIM profile needs a period and a count > 0, was " + periodUs + " us / " + maxCount);
    }
  }

  /** This profile as the CQ's moderation, with the timer starting where the table says. */
  public CqModeration toModeration(ModerationTimerStart timerStart) {
    return new CqModeration(periodUs * SimTime.PS_PER_US, maxCount, timerStart);
  }
}
