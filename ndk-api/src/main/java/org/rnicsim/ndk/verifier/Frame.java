package org.rnicsim.ndk.verifier;

/**
 * One level of the synchronous call nesting the verifier observes: either a consumer call that has
 * gone down to the provider and not returned, or a provider callback that has gone up to the
 * consumer and not returned. The verifier assumes one thread (the simulation's), so this nesting is
 * the whole story of what runs at one simulated instant.
 */
abstract sealed class Frame permits Frame.Call, Frame.Callback {

  /** The object the call is on, or whose callback this is. */
  final Shadow target;

  /** Simulated time the frame started. */
  final long startPs;

  Frame(Shadow target, long startPs) {
    this.target = target;
    this.startPs = startPs;
  }

  /** A consumer call into the provider on {@link #target}. */
  static final class Call extends Frame {
    final String op;
    final OpGroup group;

    Call(Shadow target, long startPs, String op, OpGroup group) {
      super(target, startPs);
      this.op = op;
      this.group = group;
    }
  }

  /** A provider callback into the consumer for {@link #target}. */
  static final class Callback extends Frame {
    final CallbackKind kind;

    /** The request this completes, for request completions; else null. */
    final PendingRequest request;

    /**
     * True if the provider started it inside a consumer call on the same object (the case invariant
     * 13 is about).
     */
    final boolean inlineInCallOnTarget;

    /**
     * True if the callback's object failed, was closed or lost its adapter (reported under 3, 6 or
     * 11); the kind-specific rules then stay silent, so one mistake gives one report.
     */
    boolean ownerGone;

    /** Modelled return time announced through {@link ProviderProbe}, or Long.MIN_VALUE. */
    long modelledReturnPs = Long.MIN_VALUE;

    Callback(
        Shadow target,
        long startPs,
        CallbackKind kind,
        PendingRequest request,
        boolean inlineInCallOnTarget) {
      super(target, startPs);
      this.kind = kind;
      this.request = request;
      this.inlineInCallOnTarget = inlineInCallOnTarget;
    }
  }

  /**
   * Calls the consumer must serialise per object (ndkpi-spec 4 for CQs, 5 for queues); NONE for
   * calls with no such rule.
   */
  enum OpGroup {
    NONE,
    CQ_POLL_OR_ARM,
    INITIATOR_POST,
    RECEIVE_POST,
    SRQ_POST,
    CLOSE
  }
}
