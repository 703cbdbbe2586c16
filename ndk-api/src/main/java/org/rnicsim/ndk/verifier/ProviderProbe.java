package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;

/**
 * What a provider may tell the verifier beyond the calls and callbacks it can see, so that rules
 * about modelled time and CQ contents can be checked too. A provider gets one from {@link
 * LifetimeVerifier#probe()}; a provider not wired to a verifier uses {@link #NONE}. Both methods
 * are optional: without them the verifier treats every callback as running only while its Java call
 * has not returned, and learns of CQ entries only when the consumer dequeues them.
 */
public interface ProviderProbe {

  /** A probe that ignores everything. */
  ProviderProbe NONE =
      new ProviderProbe() {
        @Override
        public void nextCallbackReturnsAt(long returnTimePs) {}

        @Override
        public void cqEntryQueued(NdkCq providerCq, NdkResultEx entry) {}
      };

  /**
   * The next callback the provider starts runs, in modelled time, until {@code returnTimePs}
   * (callbacks cost CPU time in the model while their Java call returns at once). Until then the
   * verifier counts it as running (invariants 7, 8, 10, 11, 13, 15).
   */
  void nextCallbackReturnsAt(long returnTimePs);

  /**
   * The provider has just queued {@code entry} into {@code providerCq}, which is the provider's own
   * CQ object (the one it handed out, not the verifier's wrapper). With this the verifier checks
   * the CQ rules when an entry arrives rather than when it is dequeued, and can check arming
   * (invariants 14, 16, 17) and completions the consumer never dequeues (18-26).
   */
  void cqEntryQueued(NdkCq providerCq, NdkResultEx entry);

  /**
   * {@code providerCq} has just failed with {@code status} (BUFFER_OVERFLOW or INTERNAL_ERROR): it
   * queues no more entries and its QPs are unusable (invariant 18), even before an armed
   * notification tells the consumer. With this the verifier does not expect flushed entries in a CQ
   * that can no longer take them (invariants 9, 20). Optional, like the other two.
   */
  default void cqFailed(NdkCq providerCq, NtStatus status) {}

  /**
   * Declares, before the first object is created, that the provider reports every CQ entry through
   * {@link #cqEntryQueued}. Only then does the verifier take an entry it has not heard of as
   * missing (invariants 9, 17, 18 as entries arrive), whatever the provider did on other objects
   * before. Optional: without it those checks wait for what the consumer dequeues and the audit.
   */
  default void reportsCqEntries() {}
}
