package org.rnicsim.ndk.consumer;

import java.util.function.Consumer;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderObserver;
import org.rnicsim.ndk.verifier.ProviderProbe;

/**
 * The provider observer every simulated consumer attaches: it tells the lifetime verifier's probe
 * when each callback will return (overlap in simulated time, consumer rule C4), every CQ entry the
 * provider queues and every CQ failure. Because it forwards every entry, it says so to the probe,
 * which then checks each entry once, when queued, and not again when the consumer dequeues it.
 */
public final class ProbeFeed {
  private ProbeFeed() {}

  /** An observer feeding {@code probe} that also hands each queued entry to {@code queued}. */
  public static ProviderObserver into(ProviderProbe probe, Consumer<NdkResultEx> queued) {
    if (probe == ProviderProbe.NONE) {
      // No verifier: only the entries matter; skips a no-op probe call per entry and callback.
      return new ProviderObserver() {
        @Override
        public void callbackStarting(CallbackKind kind, long returnTimePs) {}

        @Override
        public void cqEntryQueued(NdkCq cq, NdkResultEx entry) {
          queued.accept(entry);
        }
      };
    }
    probe.reportsCqEntries();
    return new ProviderObserver() {
      @Override
      public void callbackStarting(CallbackKind kind, long returnTimePs) {
        probe.nextCallbackReturnsAt(returnTimePs);
      }

      @Override
      public void cqEntryQueued(NdkCq cq, NdkResultEx entry) {
        probe.cqEntryQueued(cq, entry);
        queued.accept(entry);
      }

      @Override
      public void cqFailed(NdkCq cq, NtStatus status) {
        probe.cqFailed(cq, status);
      }
    };
  }
}
