package org.rnicsim.ndk.provider.policy;

import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;

/**
 * What the provider tells an observer beyond the calls and callbacks a wrapper can see: when a
 * callback returns in modelled time, and when an entry enters a CQ. The lifetime verifier's probe
 * fits it one to one ({@code nextCallbackReturnsAt}, {@code cqEntryQueued}), so wiring the two is a
 * lambda-sized adapter; the provider itself depends on no verifier class.
 */
public interface ProviderObserver {

  /** An observer that ignores everything. */
  ProviderObserver NONE =
      new ProviderObserver() {
        @Override
        public void callbackStarting(CallbackKind kind, long returnTimePs) {}

        @Override
        public void cqEntryQueued(NdkCq cq, NdkResultEx entry) {}
      };

  /**
   * A consumer callback is about to be called; in modelled time it runs until {@code returnTimePs}
   * (its start plus its cost), although the Java call returns at once.
   */
  void callbackStarting(CallbackKind kind, long returnTimePs);

  /** {@code entry} has just been queued into {@code cq}, the provider's own CQ object. */
  void cqEntryQueued(NdkCq cq, NdkResultEx entry);

  /**
   * {@code cq} has just failed with {@code status} (BUFFER_OVERFLOW or INTERNAL_ERROR, invariant
   * 18): from now on it queues no entry and its QPs refuse posts, although the consumer hears of it
   * only with its next notification.
   */
  default void cqFailed(NdkCq cq, NtStatus status) {}
}
