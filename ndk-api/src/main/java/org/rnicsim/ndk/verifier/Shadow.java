package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * What the verifier knows about one NDK object: its state, its place among antecedents and
 * successors (ndkpi-spec 1), what is outstanding on it, which of its callbacks run, and its recent
 * history. Subclasses add what one object kind needs.
 */
class Shadow {

  final ObjectRef ref;
  final Shadow parent;
  final AdapterShadow adapter;
  final History history;

  ObjectState state = ObjectState.CREATING;

  /** The provider's object, once delivered. */
  NdkObject inner;

  /** The verifier's wrapper handed to the consumer, once delivered. */
  NdkObject wrapper;

  /** Antecedents and successors, in the order the links formed (ndkpi-spec 1). */
  final Set<Shadow> antecedents = new LinkedHashSet<>();

  final Set<Shadow> successors = new LinkedHashSet<>();

  // Creation (invariants 1-3, 30).
  NdkFnCreateCompletion createCallback;
  NtStatus createReturned;
  int createCompletions;
  String overLimit;

  // Closing (invariants 5-10).
  NtStatus closeReturned;
  int closeCompletions;
  long closeIssuedPs = -1;
  boolean closedByAdapter;
  boolean closeCallbackRunning;

  /** The consumer closed without a completion, so a PENDING close cannot be seen to finish. */
  boolean closeWithoutCallback;

  /** Async requests issued on this object that are not finished (invariants 7-9, 12). */
  final List<PendingRequest> requests = new ArrayList<>(2);

  /** Callbacks whose Java call returned but whose modelled time has not ended (ProviderProbe). */
  private List<ModelledSpan> modelled;

  boolean reservedReported;
  boolean auditReported;

  Shadow(ObjectRef ref, Shadow parent, AdapterShadow adapter, int historyDepth) {
    this.ref = ref;
    this.parent = parent;
    this.adapter = adapter;
    this.history = new History(historyDepth);
  }

  NdkObjectType type() {
    return ref.type();
  }

  /** The adapter this object belongs to; the adapter itself for an adapter. */
  AdapterShadow root() {
    return this instanceof AdapterShadow a ? a : adapter;
  }

  /** Records an antecedent -> successor link (ndkpi-spec 1). */
  static void link(Shadow antecedent, Shadow successor) {
    if (antecedent != null && successor != null) {
      antecedent.successors.add(successor);
      successor.antecedents.add(antecedent);
    }
  }

  /** Removes a link that did not form after all (failed create, failed connect). */
  static void unlink(Shadow antecedent, Shadow successor) {
    if (antecedent != null && successor != null) {
      antecedent.successors.remove(successor);
      successor.antecedents.remove(antecedent);
    }
  }

  /** A successor that is still open, or whose close completion still runs; null if none. */
  Shadow openSuccessor(long nowPs) {
    for (Shadow s : successors) {
      if (s.state.isOpen() || s.closeCallbackRunning || s.hasModelledClose(nowPs)) {
        return s;
      }
    }
    return null;
  }

  void addModelledSpan(ModelledSpan span) {
    if (modelled == null) {
      modelled = new ArrayList<>(2);
    }
    modelled.add(span);
  }

  /** A callback of this object still running in modelled time at {@code nowPs}, or null. */
  ModelledSpan modelledRunning(long nowPs) {
    if (modelled == null) {
      return null;
    }
    for (Iterator<ModelledSpan> it = modelled.iterator(); it.hasNext(); ) {
      ModelledSpan span = it.next();
      if (span.returnPs() <= nowPs) {
        it.remove();
      } else {
        return span;
      }
    }
    return null;
  }

  /** A modelled-running inline completion (invariant 13), or null. */
  ModelledSpan modelledInlineCompletion(long nowPs) {
    if (modelledRunning(nowPs) == null) {
      return null;
    }
    for (ModelledSpan span : modelled) {
      if (span.inlineInCallOnTarget() && span.returnPs() > nowPs) {
        return span;
      }
    }
    return null;
  }

  private boolean hasModelledClose(long nowPs) {
    ModelledSpan span = modelledRunning(nowPs);
    if (span == null) {
      return false;
    }
    for (ModelledSpan s : modelled) {
      if (s.kind() == CallbackKind.CLOSE_COMPLETION && s.returnPs() > nowPs) {
        return true;
      }
    }
    return false;
  }

  /** The first outstanding async request, or null. */
  PendingRequest outstandingRequest() {
    for (PendingRequest r : requests) {
      if (r.outstanding()) {
        return r;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return ref.toString();
  }

  /**
   * A callback whose Java call has returned but which runs on in modelled time until {@code
   * returnPs}.
   */
  record ModelledSpan(
      CallbackKind kind, long startPs, long returnPs, boolean inlineInCallOnTarget) {}
}
