package org.rnicsim.model.adapter.interrupt;

/**
 * Where a CQ's moderation period starts counting (calibration I1; Linux mlx5 calls these the CQ
 * period modes).
 */
public enum ModerationTimerStart {
  /**
   * At the CQ's previous event (EQE): after an idle spell the first CQE interrupts at once, while a
   * busy CQ interrupts at most once per period. mlx5's default, with 16 us.
   */
  EQE,
  /**
   * At the first CQE not yet reported by an event: every completion may wait up to a full period,
   * which is why mlx5 pairs this mode with a shorter 3 us period.
   */
  CQE
}
