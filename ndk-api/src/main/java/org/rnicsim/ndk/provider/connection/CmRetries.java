package org.rnicsim.ndk.provider.connection;

import org.rnicsim.engine.SimTime;

/**
 * How the connection manager resends a message that got no answer on a fabric that can lose it (IBA
 * 12.7.36 CM response timeout and max CM retries): after each {@code responseTimeoutPs} without an
 * answer it sends again, and after {@code maxRetries} resends the request fails with
 * STATUS_IO_TIMEOUT (ndkpi-spec 4 lists it for Connect, Accept, CompleteConnect and Disconnect).
 *
 * @param responseTimeoutPs how long to wait for the answer to each send
 * @param maxRetries resends after the first send
 */
public record CmRetries(long responseTimeoutPs, int maxRetries) {

  public CmRetries {
    if (responseTimeoutPs <= 0 || maxRetries < 0) {
      throw new IllegalArgumentException("CM response timeout must be > 0 and retries >= 0");
    }
  }

  /**
   * Assumption: Linux rdma_cm's settings (drivers/infiniband/core/cma.c: CMA_CM_RESPONSE_TIMEOUT
   * 20, i.e. 4.096 us x 2^20, about 4.3 s, and CMA_MAX_CM_RETRIES 15), so an unanswered request
   * fails after 16 sends, about 69 s of simulated time.
   */
  public static CmRetries assumedDefault() {
    return new CmRetries(4_096 * SimTime.PS_PER_NS * (1L << 20), 15);
  }

  /** Waiting for an answer to the first send and every resend. */
  public long giveUpAfterPs() {
    return responseTimeoutPs * (maxRetries + 1L);
  }
}
