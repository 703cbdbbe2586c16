package org.rnicsim.model.profile;

/**
 * The largest objects the adapter accepts, as {@code ibv_query_device} reports them ({@code
 * max_qp}, {@code max_qp_wr}, {@code max_cqe}) and NDK_ADAPTER_INFO carries them. The model does
 * not enforce them; studies and drivers check what they ask for against them.
 *
 * @param maxQps QPs the adapter holds at once
 * @param maxQueueDepth WQEs one send or receive queue holds
 * @param maxCqDepth CQEs one CQ holds
 */
public record AdapterLimits(int maxQps, int maxQueueDepth, int maxCqDepth) {
  public AdapterLimits {
    ProfileChecks.positive("limits.maxQps", maxQps);
    ProfileChecks.positive("limits.maxQueueDepth", maxQueueDepth);
    ProfileChecks.positive("limits.maxCqDepth", maxCqDepth);
  }

  /**
   * Assumption for profiles that do not say: what {@code ibv_devinfo -v} reports for mlx5 adapters
   * (ConnectX-4 and later): 262,144 QPs, 32,768 WQEs per queue, 4,194,303 CQEs per CQ.
   */
  public static AdapterLimits mlx5Class() {
    return new AdapterLimits(262_144, 32_768, 4_194_303);
  }
}
