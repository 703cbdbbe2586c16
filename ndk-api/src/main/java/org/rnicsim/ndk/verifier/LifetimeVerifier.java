package org.rnicsim.ndk.verifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;

/**
 * The NDK lifetime verifier: stands between a consumer and an {@link NdkProvider}, sees every call,
 * return and callback, and checks the 34 invariants of ndkpi-spec section 7 against both sides.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * LifetimeVerifier verifier = LifetimeVerifier.builder(simulator::nowPs).build();
 * NdkProvider checked = verifier.wrap(provider);   // give `checked` to the consumer
 * provider.setProbe(verifier.probe());             // optional, see ProviderProbe
 * ... run ...
 * verifier.audit();                                // end-of-run rules
 * System.out.print(verifier.report());
 * }</pre>
 *
 * <p>Every object the consumer gets through {@code checked} is a wrapper; object arguments are
 * unwrapped before they reach the provider and callbacks are wrapped before the provider gets them,
 * so the provider only ever sees its own objects.
 *
 * <h2>Policy for consumer misuse</h2>
 *
 * The consumer's duties are numbered apart from the provider's invariants, C1 to C9 ({@link
 * ConsumerRule}, docs/ndk-consumer-rules.md); a consumer violation names its rule and the invariant
 * it pairs with. Misuse is reported, never crashed on. A call on an object whose close was issued
 * (use after close C1, double close C2, a closed object as an argument C1) and CloseAdapter from
 * inside a callback (C6) are <b>not passed to the provider</b>, and since the call has no NDK
 * answer the verifier invents none: the call ends with {@link
 * org.rnicsim.ndk.api.NdkMisuseException}. Thrown inside a callback, the verifier's callback
 * wrapper stops it there, so it never unwinds into the provider. Races the consumer creates itself
 * (two GetCqResults/ArmCq on one CQ nested or overlapping in simulated time C4, two posts on one
 * queue C5, a close while another call on the object runs C3) and passive-only calls from a
 * callback (C8) are reported and passed on, since the provider must cope with re-entry anyway. A
 * CloseAdapter that can never return because objects below the adapter were never closed is
 * reported as C7, the objects left open.
 *
 * <h2>Time</h2>
 *
 * Simulated time comes from the clock given at construction (picoseconds); the verifier reads no
 * wall clock and draws no random numbers. A callback "runs" while the wrapper's call into the
 * consumer has not returned, or until the modelled return time the provider announced through
 * {@link ProviderProbe#nextCallbackReturnsAt}.
 *
 * <p>Not thread-safe: one verifier per simulation run, used from the run's thread.
 */
public final class LifetimeVerifier {

  /** Default number of events kept per object for reports. */
  public static final int DEFAULT_HISTORY_DEPTH = 12;

  private final VerifierCore core;
  private final ProviderProbe probe;

  private LifetimeVerifier(LongSupplier clockPs, VerifierMode mode, int historyDepth) {
    this.core = new VerifierCore(clockPs, mode, historyDepth);
    this.probe =
        new ProviderProbe() {
          @Override
          public void nextCallbackReturnsAt(long returnTimePs) {
            core.nextCallbackReturnPs = returnTimePs;
          }

          @Override
          public void cqEntryQueued(NdkCq providerCq, NdkResultEx entry) {
            if (core.shadowOfInner(providerCq) instanceof CqShadow cq) {
              core.cqs.onEntryQueued(cq, entry);
            }
          }

          @Override
          public void reportsCqEntries() {
            core.providerReportsEntries = true;
          }

          @Override
          public void cqFailed(NdkCq providerCq, NtStatus status) {
            if (core.shadowOfInner(providerCq) instanceof CqShadow cq) {
              core.cqs.onFailed(cq, status);
            }
          }
        };
  }

  /** A builder for a verifier reading simulated time, in picoseconds, from {@code clockPs}. */
  public static Builder builder(LongSupplier clockPs) {
    return new Builder(clockPs);
  }

  /**
   * The provider as the consumer should see it. Several providers (several simulated hosts) may be
   * wrapped by one verifier; their objects are numbered together.
   */
  public NdkProvider wrap(NdkProvider provider) {
    return new VerifyingProvider(core, Objects.requireNonNull(provider, "provider"));
  }

  /** What a provider may call to tell the verifier about modelled time and CQ entries. */
  public ProviderProbe probe() {
    return probe;
  }

  /** The mode this verifier runs in. */
  public VerifierMode mode() {
    return core.mode;
  }

  /** Every violation so far, in the order they happened. */
  public List<Violation> violations() {
    return List.copyOf(core.violations);
  }

  /**
   * Checks the rules that need the end of the run (completions, closes and notifications still
   * owed; DEFER chains left open) and returns every violation so far. Call it when the run is over
   * and quiescent; anything still outstanding then is reported once.
   */
  public List<Violation> audit() {
    core.audit.audit();
    return violations();
  }

  /** All violations so far as a summary a student can read ({@link ViolationReport#summary}). */
  public String report() {
    return ViolationReport.summary(core.violations);
  }

  /** The state the verifier has observed for a wrapped object, if it is one of this verifier's. */
  public Optional<ObjectState> stateOf(NdkObject object) {
    Shadow s = core.shadowOf(object);
    return s == null ? Optional.empty() : Optional.of(s.state);
  }

  /** The name reports use for a wrapped object ("CQ#2"), if it is one of this verifier's. */
  public Optional<ObjectRef> refOf(NdkObject object) {
    Shadow s = core.shadowOf(object);
    return s == null ? Optional.empty() : Optional.of(s.ref);
  }

  /** Settings of a verifier. */
  public static final class Builder {
    private final LongSupplier clockPs;
    private VerifierMode mode = VerifierMode.COLLECTING;
    private int historyDepth = DEFAULT_HISTORY_DEPTH;

    private Builder(LongSupplier clockPs) {
      this.clockPs = Objects.requireNonNull(clockPs, "clockPs");
    }

    /** COLLECTING (the default) or STRICT. */
    public Builder mode(VerifierMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** How many events per object a violation carries (default 12; 0 keeps none). */
    public Builder historyDepth(int historyDepth) {
      if (historyDepth < 0) {
        throw new IllegalArgumentException("history depth must be >= 0, got " + historyDepth);
      }
      this.historyDepth = historyDepth;
      return this;
    }

    public LifetimeVerifier build() {
      return new LifetimeVerifier(clockPs, mode, historyDepth);
    }
  }
}
