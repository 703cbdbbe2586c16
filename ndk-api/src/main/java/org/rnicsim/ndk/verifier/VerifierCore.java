package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkObjectType;

/**
 * The verifier's shared state and the few operations every rule needs: the clock, the violation
 * list, the call nesting, the map from provider objects to shadows, and the admission of consumer
 * calls. Rules live in the *Rules classes; wrappers in the Verifying* classes.
 *
 * <p>Not thread-safe: it assumes the single thread of a simulation run, which is also what makes
 * the call nesting ({@link #stack}) the complete picture of what runs at one instant.
 */
final class VerifierCore {

  /** How a consumer call is handled (see {@link LifetimeVerifier} for the policy). */
  enum Admission {
    /** Check, record and pass the call to the provider. */
    FORWARD,
    /** The provider calling its own handed-out object (invariant 4): passed on unchecked. */
    RAW
  }

  final LongSupplier clockPs;
  final VerifierMode mode;
  final int historyDepth;
  final List<Violation> violations = new ArrayList<>();
  final List<Frame> stack = new ArrayList<>();
  final List<AdapterShadow> adapters = new ArrayList<>();

  /** Listeners, shared endpoints and connectors that hold an explicit address (invariant 29). */
  final List<Shadow> addressHolders = new ArrayList<>();

  private final Map<NdkObject, Shadow> byInner = new IdentityHashMap<>();
  private final int[] nextId = new int[NdkObjectType.values().length];
  private long seq;

  /** The provider declared that it reports every CQ entry through the probe. */
  boolean providerReportsEntries;

  /** Modelled return of the next callback, announced by the probe, or Long.MIN_VALUE. */
  long nextCallbackReturnPs = Long.MIN_VALUE;

  final CallbackRules callbacks = new CallbackRules(this);
  final RequestRules requests = new RequestRules(this);
  final CreateRules creates = new CreateRules(this);
  final CloseRules closes = new CloseRules(this);
  final CqRules cqs = new CqRules(this);
  final PostRules posts = new PostRules(this);
  final CompletionRules completions = new CompletionRules(this);
  final ConnectionRules connections = new ConnectionRules(this);
  final SrqRules srqs = new SrqRules(this);
  final AdapterRules adapterRules = new AdapterRules(this);
  final AuditRules audit = new AuditRules(this);

  VerifierCore(LongSupplier clockPs, VerifierMode mode, int historyDepth) {
    this.clockPs = clockPs;
    this.mode = mode;
    this.historyDepth = historyDepth;
  }

  long now() {
    return clockPs.getAsLong();
  }

  /** A counter that orders events at the same simulated time. */
  long nextSeq() {
    return ++seq;
  }

  void note(Shadow s, String action, Object detail) {
    s.history.add(now(), action, detail);
  }

  /** Records a violation quoting the invariant's wording; throws in strict mode. */
  void violate(Invariant invariant, Side side, Shadow on, String happened) {
    violate(
        invariant,
        side,
        on,
        happened,
        "ndkpi-spec 7." + invariant.number() + ": \"" + invariant.rule() + "\"");
  }

  /** Records a violation with its own statement of the rule; throws in strict mode. */
  void violate(Invariant invariant, Side side, Shadow on, String happened, String requirement) {
    record(invariant, null, side, on, happened, requirement);
  }

  /** Records the consumer breaking one of its duties; throws in strict mode. */
  void violate(ConsumerRule rule, Shadow on, String happened) {
    record(
        rule.pairedInvariant(),
        rule,
        Side.CONSUMER,
        on,
        happened,
        "consumer rule " + rule.name() + ": \"" + rule.rule() + "\"");
  }

  /**
   * Records the consumer breaking {@code rule} with a call that must not reach the provider, and
   * ends that call: the consumer gets {@link NdkMisuseException}, no status (in C the call would
   * touch freed memory, so no status can be the provider's). Throws in strict mode first.
   */
  NdkMisuseException refuse(ConsumerRule rule, Shadow on, String happened) {
    violate(rule, on, happened + "; the verifier did not pass the call to the provider");
    throw new NdkMisuseException(rule.name(), happened);
  }

  private void record(
      Invariant invariant,
      ConsumerRule rule,
      Side side,
      Shadow on,
      String happened,
      String requirement) {
    String name = rule != null ? rule.toString() : invariant.toString();
    on.history.add(now(), "<-- " + name + " broken here", null);
    Violation v =
        new Violation(
            invariant, rule, side, on.ref, now(), happened, requirement, on.history.snapshot());
    violations.add(v);
    if (mode == VerifierMode.STRICT) {
      throw new LifetimeViolationException(v);
    }
  }

  // ---- shadows

  ObjectRef nextRef(NdkObjectType type) {
    return new ObjectRef(type, ++nextId[type.ordinal()]);
  }

  /** Registers a new object under {@code parent} (parent -> child link, ndkpi-spec 1). */
  <S extends Shadow> S adopt(S shadow) {
    if (shadow.parent != null) {
      Shadow.link(shadow.parent, shadow);
    }
    if (shadow.adapter != null) {
      shadow.adapter.addDescendant(shadow);
    }
    return shadow;
  }

  Shadow shadowOfInner(NdkObject inner) {
    return inner == null ? null : byInner.get(inner);
  }

  void bindInner(Shadow s, NdkObject inner) {
    byInner.put(inner, s);
  }

  /** A closed object's provider object may be reused by the provider; forget the mapping. */
  void unbindInner(Shadow s) {
    if (s.inner != null && byInner.get(s.inner) == s) {
      byInner.remove(s.inner);
    }
  }

  /** The shadow behind a wrapper this verifier made, else null. */
  Shadow shadowOf(NdkObject object) {
    if (object instanceof VerifyingObject v && v.core == this) {
      return v.shadow;
    }
    return null;
  }

  /** The provider object behind a wrapper, or the argument itself if it is not one of ours. */
  @SuppressWarnings("unchecked")
  <T extends NdkObject> T unwrap(T object) {
    Shadow s = shadowOf(object);
    return s == null ? object : (T) s.inner;
  }

  // ---- call nesting

  Frame.Call push(Shadow target, String op, Frame.OpGroup group) {
    Frame.Call f = new Frame.Call(target, now(), op, group);
    stack.add(f);
    return f;
  }

  void pop(Frame f) {
    int last = stack.size() - 1;
    if (last >= 0 && stack.get(last) == f) {
      stack.remove(last);
    } else {
      stack.remove(f);
    }
  }

  /** The innermost callback running, or null. */
  Frame.Callback innermostCallback() {
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i) instanceof Frame.Callback c) {
        return c;
      }
    }
    return null;
  }

  /** The innermost consumer call on {@code target} that has not returned, or null. */
  Frame.Call callOn(Shadow target) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i) instanceof Frame.Call c && c.target == target) {
        return c;
      }
    }
    return null;
  }

  private boolean providerCodeRuns() {
    return !stack.isEmpty() && stack.get(stack.size() - 1) instanceof Frame.Call;
  }

  // ---- admission of consumer calls

  /**
   * Decides what to do with a call on {@code s}: reports the provider using its own handed-out
   * object (invariant 4), the consumer racing itself on a CQ or a queue (C4, C5), and refuses a
   * call on a closed object (C1, C2: {@link NdkMisuseException}).
   */
  Admission admit(Shadow s, String op, Frame.OpGroup group) {
    if (providerCodeRuns()) {
      Frame.Call running = (Frame.Call) stack.get(stack.size() - 1);
      note(s, "provider itself calls ", op);
      violate(
          Invariant.I04,
          Side.PROVIDER,
          s,
          "while running "
              + running.op
              + " on "
              + running.target
              + ", the provider called "
              + op
              + " on "
              + s
              + " through the object it had handed out, i.e. it read the Dispatch it must never"
              + " read again");
      return Admission.RAW;
    }
    note(s, "consumer calls ", op);
    if (s.state.isCloseIssued()) {
      String closed = s.closedByAdapter ? " after closing its adapter" : " after closing it";
      if (group == Frame.OpGroup.CLOSE) {
        throw refuse(ConsumerRule.C2, s, "the consumer closed " + s + " again" + closed);
      }
      throw refuse(ConsumerRule.C1, s, "the consumer called " + op + " on " + s + closed);
    }
    if (group == Frame.OpGroup.NONE || group == Frame.OpGroup.CLOSE) {
      checkReserved(s); // not on posts and polls: they are the hot path, and close checks it
    } else {
      checkSerialised(s, op, group);
    }
    return Admission.FORWARD;
  }

  /** An object argument of a call must not be closed either (consumer rule C1). */
  void requireOpenArgument(Shadow callTarget, String op, NdkObject argument) {
    Shadow arg = shadowOf(argument);
    if (arg == null || !arg.state.isCloseIssued()) {
      return;
    }
    note(arg, "passed to " + op + " on " + callTarget + " after close", null);
    throw refuse(
        ConsumerRule.C1,
        arg,
        "the consumer passed " + arg + " to " + op + " on " + callTarget + " after closing it");
  }

  private void checkSerialised(Shadow s, String op, Frame.OpGroup group) {
    if (s instanceof CqShadow cq) {
      Frame.Callback in = innermostCallback();
      boolean own = in != null && in.target == cq && in.kind == CallbackKind.CQ_NOTIFICATION;
      String overlapping = cq.modelledCalls.overlap(in, op, now(), own);
      if (overlapping != null) {
        violate(ConsumerRule.C4, s, "the consumer called " + op + " on " + s + overlapping);
        return;
      }
    }
    for (int i = stack.size() - 1; i >= 0; i--) {
      Frame f = stack.get(i);
      if (group == Frame.OpGroup.CQ_POLL_OR_ARM
          && f instanceof Frame.Callback c
          && c.target == s
          && c.kind == CallbackKind.CQ_NOTIFICATION) {
        return; // ndkpi-spec 4: GetCqResults/ArmCq from inside the CQ's own notification is fine
      }
      if (f instanceof Frame.Call c && c.target == s && c.group == group) {
        if (group == Frame.OpGroup.CQ_POLL_OR_ARM) {
          violate(
              ConsumerRule.C4,
              s,
              "the consumer called "
                  + op
                  + " on "
                  + s
                  + " while its "
                  + c.op
                  + " was still running");
        } else {
          violate(
              ConsumerRule.C5,
              s,
              "the consumer posted "
                  + op
                  + " on "
                  + s
                  + " while its "
                  + c.op
                  + " on the same queue was still running");
        }
        return;
      }
    }
  }

  /** Invariant 4: NdkReserved belongs to the layer above; the provider never writes it. */
  void checkReserved(Shadow s) {
    if (s.reservedReported || s.inner == null || s.inner.header().isNdkReservedZero()) {
      return;
    }
    s.reservedReported = true;
    violate(
        Invariant.I04,
        Side.PROVIDER,
        s,
        "NdkReserved in the header of "
            + s
            + " is no longer zero: the provider wrote a field that belongs to the layer above it");
  }

  // ---- generic synchronous calls

  /** A synchronous call returning a value. */
  <R> R sync(Shadow s, String op, Frame.OpGroup group, Supplier<R> call) {
    Admission a = admit(s, op, group);
    if (a == Admission.RAW) {
      return call.get();
    }
    Frame.Call f = push(s, op, group);
    R result;
    try {
      result = call.get();
    } finally {
      pop(f);
    }
    note(s, "returned ", result);
    return result;
  }

  /** A synchronous VOID call. */
  void run(Shadow s, String op, Frame.OpGroup group, Runnable call) {
    Admission a = admit(s, op, group);
    if (a == Admission.RAW) {
      call.run();
      return;
    }
    Frame.Call f = push(s, op, group);
    try {
      call.run();
    } finally {
      pop(f);
    }
  }
}
