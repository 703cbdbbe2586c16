package org.rnicsim.model.profile;

/**
 * The adapter's congestion control and, for {@link CongestionControlMode#DCQCN}, the parameters of
 * its notification point (the receiver answering CE-marked packets with CNPs) and reaction point
 * (the sender's per-QP rate limiter). The names follow Zhu et al., "Congestion Control for
 * Large-Scale RDMA Deployments", SIGCOMM 2015; docs/calibration-dcqcn.md says where each shipped
 * value comes from. With {@code none} the parameters are read but unused.
 *
 * @param mode none or dcqcn
 * @param cnpIntervalPs the notification point sends at most one CNP per QP per this interval (the
 *     paper's N)
 * @param alphaGain g: on a CNP alpha = (1 - g) alpha + g; without one for an alpha period alpha =
 *     (1 - g) alpha
 * @param alphaUpdatePeriodPs K: alpha decays once per this period without a CNP
 * @param rateIncreasePeriodPs T: the rate increase timer's period
 * @param byteCounterBytes B: a rate increase event every this many bytes sent while limited
 * @param fastRecoverySteps F: increase events of fast recovery before additive increase
 * @param additiveIncreaseBitsPerSecond R_AI: the target rate's step in additive increase
 * @param hyperIncreaseBitsPerSecond R_HAI: the target rate's step in hyper increase
 * @param minRateBitsPerSecond no rate cut goes below this
 */
public record CongestionControlProfile(
    CongestionControlMode mode,
    long cnpIntervalPs,
    double alphaGain,
    long alphaUpdatePeriodPs,
    long rateIncreasePeriodPs,
    long byteCounterBytes,
    int fastRecoverySteps,
    long additiveIncreaseBitsPerSecond,
    long hyperIncreaseBitsPerSecond,
    long minRateBitsPerSecond) {

  public CongestionControlProfile {
    ProfileChecks.present("congestionControl.mode", mode);
    ProfileChecks.positive("congestionControl.cnpInterval", cnpIntervalPs);
    if (!(alphaGain > 0 && alphaGain <= 1)) {
      throw new IllegalArgumentException(
          "congestionControl.alphaGain must be in (0, 1] but was " + alphaGain);
    }
    ProfileChecks.positive("congestionControl.alphaUpdatePeriod", alphaUpdatePeriodPs);
    ProfileChecks.positive("congestionControl.rateIncreasePeriod", rateIncreasePeriodPs);
    ProfileChecks.positive("congestionControl.byteCounter", byteCounterBytes);
    ProfileChecks.nonNegative("congestionControl.fastRecoverySteps", fastRecoverySteps);
    ProfileChecks.positive("congestionControl.additiveIncrease", additiveIncreaseBitsPerSecond);
    ProfileChecks.positive("congestionControl.hyperIncrease", hyperIncreaseBitsPerSecond);
    ProfileChecks.positive("congestionControl.minRate", minRateBitsPerSecond);
  }

  /**
   * The congestionControl section of the shipped profiles (configs/profiles/*.yaml, which give each
   * value's source): the paper's parameters where it states them, the rest from the authors'
   * simulator and the mlx5 firmware defaults (docs/calibration-dcqcn.md).
   */
  public static CongestionControlProfile paperDcqcn(CongestionControlMode mode) {
    long us = 1_000_000;
    return new CongestionControlProfile(
        mode,
        50 * us,
        1.0 / 256,
        55 * us,
        55 * us,
        10_000_000,
        5,
        40_000_000,
        200_000_000,
        1_000_000);
  }

  /** Whether the adapter runs DCQCN. */
  public boolean runsDcqcn() {
    return mode == CongestionControlMode.DCQCN;
  }

  /** The same parameters under another mode. */
  public CongestionControlProfile withMode(CongestionControlMode newMode) {
    return new CongestionControlProfile(
        newMode,
        cnpIntervalPs,
        alphaGain,
        alphaUpdatePeriodPs,
        rateIncreasePeriodPs,
        byteCounterBytes,
        fastRecoverySteps,
        additiveIncreaseBitsPerSecond,
        hyperIncreaseBitsPerSecond,
        minRateBitsPerSecond);
  }
}
