package org.rnicsim.ndk.verifier;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Creates (ndkpi-spec 2): invariant 1 (completion iff PENDING), 2 (where the object comes from), 3
 * (a failure leaves nothing), 4 (the delivered header) and 30 (limits refused with
 * INVALID_PARAMETER).
 */
final class CreateRules {

  /** Makes the shadow of one object kind. */
  @FunctionalInterface
  interface ShadowFactory<S extends Shadow> {
    S make(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth);
  }

  /** For creates without object arguments. */
  static final NdkObject[] NO_ARGUMENTS = new NdkObject[0];

  private final VerifierCore core;

  CreateRules(VerifierCore core) {
    this.core = core;
  }

  /**
   * Checks, forwards and tracks one create.
   *
   * @param overLimit which ADAPTER_INFO maximum the arguments exceed, or null (invariant 30)
   * @param setup links the new shadow to its other antecedents before the call
   * @param onDelivered kind-specific bookkeeping once the object is delivered
   * @param arguments object arguments, which must not be closed either
   */
  @SuppressWarnings("unchecked")
  <T extends NdkObject, S extends Shadow> NdkCreateResult<T> create(
      Shadow parent,
      NdkObjectType type,
      ShadowFactory<S> factory,
      String op,
      String overLimit,
      Consumer<S> setup,
      Consumer<S> onDelivered,
      NdkObject[] arguments,
      NdkFnCreateCompletion completion,
      Function<NdkFnCreateCompletion, NdkCreateResult<? extends NdkObject>> call) {
    VerifierCore.Admission a = core.admit(parent, op, Frame.OpGroup.NONE);
    if (a == VerifierCore.Admission.RAW) {
      return (NdkCreateResult<T>) call.apply(completion);
    }
    for (NdkObject argument : arguments) {
      core.requireOpenArgument(parent, op, argument);
    }
    S s = core.adopt(factory.make(core.nextRef(type), parent, parent.root(), core.historyDepth));
    s.overLimit = overLimit;
    s.createCallback = completion;
    core.note(s, "consumer calls ", op);
    setup.accept(s);
    NdkFnCreateCompletion wrapped =
        completion == null
            ? null
            : (ctx, status, object) -> completed(s, onDelivered, completion, ctx, status, object);
    Frame.Call f = core.push(parent, op, Frame.OpGroup.NONE);
    NdkCreateResult<? extends NdkObject> result;
    try {
      result = call.apply(wrapped);
    } finally {
      core.pop(f);
    }
    NtStatus status = result.status();
    s.createReturned = status;
    core.note(s, "returned: " + op + " -> ", status);
    if (status.isPending()) {
      if (s.state == ObjectState.CREATING) {
        s.state = ObjectState.PENDING_CREATE;
      }
      return NdkCreateResult.pending();
    }
    if (s.createCompletions > 0) {
      core.violate(
          Invariant.I01,
          Side.PROVIDER,
          s,
          "the create completion for " + s + " ran although " + op + " returned " + status);
    }
    if (result.isSuccess()) {
      NdkObject delivered = deliver(s, result.object(), onDelivered);
      checkLimit(s, status);
      return (NdkCreateResult<T>) NdkCreateResult.success(delivered);
    }
    fail(s);
    checkLimit(s, status);
    return NdkCreateResult.failed(status);
  }

  private <S extends Shadow> void completed(
      S s,
      Consumer<S> onDelivered,
      NdkFnCreateCompletion completion,
      Object ctx,
      NtStatus status,
      NdkObject object) {
    s.createCompletions++;
    Frame.Callback f = core.callbacks.start(s, CallbackKind.CREATE_COMPLETION, status, null);
    try {
      NdkObject delivered = object;
      if (s.createCompletions > 1) {
        core.violate(
            Invariant.I01,
            Side.PROVIDER,
            s,
            "the create completion for " + s + " ran a second time (" + status + ")");
        delivered = s.wrapper != null && object == s.inner ? s.wrapper : object;
      } else if (s.createReturned != null && !s.createReturned.isPending()) {
        core.violate(
            Invariant.I01,
            Side.PROVIDER,
            s,
            "the create completion for "
                + s
                + " ran although the create had returned "
                + s.createReturned
                + ", not PENDING");
        delivered = s.wrapper != null && object == s.inner ? s.wrapper : object;
      } else if (NtStatusText.isSuccess(status)) {
        if (object == null) {
          core.violate(
              Invariant.I02,
              Side.PROVIDER,
              s,
              "the pending create of "
                  + s
                  + " completed with SUCCESS but delivered no object (pNdkObject is NULL)");
          fail(s);
        } else {
          delivered = deliver(s, object, onDelivered);
        }
        checkLimit(s, status);
      } else {
        if (object != null) {
          core.violate(
              Invariant.I03,
              Side.PROVIDER,
              s,
              "the pending create of "
                  + s
                  + " failed with "
                  + status
                  + " but still delivered an object; a failed create yields none");
          delivered = null;
        }
        fail(s);
        checkLimit(s, status);
      }
      completion.createCompletion(ctx, status, delivered);
    } catch (NdkMisuseException refusedInside) {
      core.callbacks.refusedInside(f, refusedInside);
    } finally {
      core.callbacks.end(f);
    }
  }

  /** Invariants 2 and 4 at delivery; returns what the consumer gets (the wrapper). */
  <S extends Shadow> NdkObject deliver(S s, NdkObject object, Consumer<S> onDelivered) {
    Shadow earlier = core.shadowOfInner(object);
    if (earlier != null && earlier != s) {
      core.violate(
          Invariant.I02,
          Side.PROVIDER,
          s,
          "the provider delivered for "
              + s
              + " the very object it had already delivered as "
              + earlier);
    }
    List<String> problems = object.header().deliveryViolations(s.type(), s.root().negotiated);
    if (!problems.isEmpty()) {
      core.violate(
          Invariant.I04,
          Side.PROVIDER,
          s,
          "the header of the delivered " + s + " is wrong: " + String.join("; ", problems));
    }
    s.inner = object;
    NdkObject wrapper = Wrappers.wrap(core, s, object);
    if (wrapper == object) {
      core.violate(
          Invariant.I04,
          Side.PROVIDER,
          s,
          "the object delivered for "
              + s
              + " is a "
              + object.getClass().getSimpleName()
              + ", not an NDK_"
              + s.type().name()
              + "; the verifier passes it on unchecked");
    }
    core.bindInner(s, object);
    s.wrapper = wrapper;
    s.state = ObjectState.READY;
    core.note(s, "delivered", null);
    onDelivered.accept(s);
    return wrapper;
  }

  /** A failed create: no object, no successor link, no close obligation (invariant 3). */
  void fail(Shadow s) {
    s.state = ObjectState.FAILED;
    for (Shadow antecedent : List.copyOf(s.antecedents)) {
      Shadow.unlink(antecedent, s);
    }
  }

  private void checkLimit(Shadow s, NtStatus status) {
    if (s.overLimit == null || NtStatus.INVALID_PARAMETER.equals(status)) {
      return;
    }
    core.violate(
        Invariant.I30,
        Side.PROVIDER,
        s,
        NtStatusText.isSuccess(status)
            ? "the create of " + s + " succeeded although " + s.overLimit
            : "the create of "
                + s
                + " failed with "
                + status
                + " instead of INVALID_PARAMETER although "
                + s.overLimit);
  }
}
