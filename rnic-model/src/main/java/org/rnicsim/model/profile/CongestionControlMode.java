package org.rnicsim.model.profile;

/** Which end-to-end congestion control the adapter runs on its RC QPs. */
public enum CongestionControlMode {
  /**
   * No rate control: QPs send as fast as the scheduler and the port let them; CE marks go
   * unanswered.
   */
  NONE,
  /**
   * DCQCN (Zhu et al., SIGCOMM 2015): CNPs answer CE marks, a per-QP rate limiter reacts to them.
   */
  DCQCN
}
