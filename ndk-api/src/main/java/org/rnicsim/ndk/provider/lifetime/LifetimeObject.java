package org.rnicsim.ndk.provider.lifetime;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rnicsim.ndk.api.NdkExtensionResult;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.CallbackOwner;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.work.AdapterCommand;

/**
 * The lifetime half of every provider object (ndkpi-spec 1-3): its header, its state, its {@link
 * CloseGate}, and its antecedent -> successor links. Subclasses add the object's operations and
 * tell this class what their close must cancel ({@link #onCloseIssued}) and tear down ({@link
 * #onDestroyed}). {@link CloseProtocol} runs the close, {@link RequestCompletions} the requests
 * that returned PENDING.
 *
 * <p>The close, step by step:
 *
 * <ol>
 *   <li>{@link #beginClose}: state CLOSING; the subclass starts cancelling every pending request
 *       (invariant 9). If nothing is outstanding and the close path is INLINE, the object is closed
 *       at once and SUCCESS returned (no callback, invariant 5). Otherwise PENDING.
 *   <li>Each request completion, callback return or successor close calls {@link #progressClose};
 *       once the gate is clear the state becomes CLOSE_COMPLETING and the destroy command (FIRMWARE
 *       path) is submitted.
 *   <li>The close completion is queued on a core (the command DPC's core, or the control core); it
 *       is the very last callback for the object (invariants 6, 7).
 *   <li>When it returns the object is CLOSED and unlinks itself from its antecedents, whose own
 *       closes may now progress (invariant 10: not before the successor's close callback returned).
 * </ol>
 *
 * <p>The header is built once, with the negotiated version, the object's type and zero NdkReserved,
 * and never written afterwards (invariant 4). The provider reaches its objects only through its own
 * references, never through anything the consumer hands back.
 */
public abstract class LifetimeObject implements NdkObject, CallbackOwner {
  private static final Runnable NOTHING = () -> {};

  protected final ProviderRuntime runtime;
  private final NdkObjectType kind;
  private final long id;
  private final NdkObjectHeader header;
  private final CloseGate gate = new CloseGate();
  private final List<LifetimeObject> antecedents = new ArrayList<>(4);
  private final RequestCompletions requests;
  private final CloseProtocol close;
  private ObjectState state = ObjectState.CREATING;
  private boolean holdsAdapterCount;

  protected LifetimeObject(ProviderRuntime runtime, NdkObjectType kind) {
    this.runtime = runtime;
    this.kind = kind;
    this.id = runtime.nextObjectId();
    this.header =
        new NdkObjectHeader(
            runtime.mutated(ProviderMutation.HEADER_WRONG_VERSION) && kind != NdkObjectType.ADAPTER
                ? new NdkVersion(runtime.version().major(), runtime.version().minor() + 1)
                : runtime.version(),
            kind);
    this.requests = new RequestCompletions(this, runtime);
    this.close = new CloseProtocol(this, runtime);
  }

  @Override
  public final NdkObjectHeader header() {
    return header;
  }

  /** The provider offers no extension interfaces. */
  @Override
  public NdkExtensionResult queryExtension(UUID extensionInterfaceId, NdkVersion version) {
    return NdkExtensionResult.notSupported();
  }

  public final NdkObjectType kind() {
    return kind;
  }

  public final ProviderRuntime runtime() {
    return runtime;
  }

  public final ObjectState state() {
    return state;
  }

  /** Delivered and not closing: the consumer may call it. */
  public final boolean isOpen() {
    return state == ObjectState.OPEN;
  }

  /** The consumer has issued the close (it may not have completed yet). */
  public final boolean isCloseIssued() {
    return state == ObjectState.CLOSING
        || state == ObjectState.CLOSE_COMPLETING
        || state == ObjectState.CLOSED;
  }

  /** Closed for good, or never delivered because the create failed. */
  public final boolean isGone() {
    return state == ObjectState.CLOSED || state == ObjectState.FAILED;
  }

  /** What keeps this object's close pending. */
  public final CloseGate gate() {
    return gate;
  }

  /**
   * Refuses a call on an object that is not open. ndkpi-spec 3: the consumer never uses an object
   * after closing it, so failing such a call is allowed; the call ends with {@link
   * NdkMisuseException} (consumer rule C1) rather than a status the contract does not have, and
   * changes nothing (the lifetime verifier reports the misuse before it gets here).
   */
  protected final void requireOpen(String operation) {
    if (state != ObjectState.OPEN) {
      throw new NdkMisuseException(
          "C1",
          operation
              + " on "
              + this
              + " in state "
              + state
              + ": the consumer never uses an object it has closed (ndkpi-spec 3)");
    }
  }

  // ---- Links (ndkpi-spec 1) ----

  /**
   * Makes this object a successor of {@code antecedent}: the antecedent's close will stay pending
   * until this object's close completion has returned (invariant 10).
   */
  public final void addAntecedent(LifetimeObject antecedent) {
    if (antecedent.isGone()) {
      throw new IllegalStateException(antecedent + " is gone; " + this + " cannot depend on it");
    }
    antecedents.add(antecedent);
    antecedent.gate.addSuccessor(this);
  }

  /**
   * Ends a link before this object closes (an MW invalidated, a QP rebound); the antecedent's close
   * may progress.
   */
  public final void removeAntecedent(LifetimeObject antecedent) {
    if (antecedents.remove(antecedent)) {
      antecedent.gate.removeSuccessor(this);
      antecedent.progressClose();
    }
  }

  /** True if this object currently depends on {@code antecedent}. */
  public final boolean hasAntecedent(LifetimeObject antecedent) {
    return antecedents.contains(antecedent);
  }

  /** True if the close of any antecedent has been issued. */
  public final boolean anyAntecedentCloseIssued() {
    for (LifetimeObject antecedent : antecedents) {
      if (antecedent.isCloseIssued()) {
        return true;
      }
    }
    return false;
  }

  // ---- Creation (ndkpi-spec 2) ----

  /** This object took one of the adapter-wide counts; it is given back when the object is gone. */
  public final void markHoldsAdapterCount() {
    holdsAdapterCount = true;
  }

  /** The consumer now has the object (inline success, or the start of its create completion). */
  public final void markDelivered() {
    if (state != ObjectState.CREATING) {
      throw new IllegalStateException(this + " delivered twice");
    }
    state = ObjectState.OPEN;
  }

  /**
   * The create failed (invariant 3): no object for the consumer, no close obligation. The links to
   * the antecedents end now, so their closes may progress.
   */
  public final void markCreateFailed() {
    if (state != ObjectState.CREATING) {
      throw new IllegalStateException(this + " failed after delivery");
    }
    endLife(ObjectState.FAILED, NOTHING);
  }

  // ---- Requests (ndkpi-spec 4) ----

  /** Registers a request that returns PENDING; its completion must follow exactly once. */
  public final PendingRequest beginRequest(
      String operation, NdkFnRequestCompletion completion, Object context) {
    return requests.begin(operation, completion, context);
  }

  /**
   * Queues the completion of {@code request} with {@code status} on {@code core}; the request stays
   * outstanding until the callback has returned (invariants 7, 8, 12).
   *
   * @param providerWorkPs provider work in the DPC just before the callback (0 if none)
   */
  public final void completeRequest(
      PendingRequest request, NtStatus status, int core, long providerWorkPs) {
    completeRequest(request, status, core, providerWorkPs, NOTHING);
  }

  /**
   * As {@link #completeRequest(PendingRequest, NtStatus, int, long)}, with provider work done right
   * after the consumer's completion code has run (at the callback's start, in the same event).
   */
  public final void completeRequest(
      PendingRequest request, NtStatus status, int core, long providerWorkPs, Runnable afterCall) {
    requests.complete(request, status, core, providerWorkPs, afterCall);
  }

  @Override
  public final void callbackQueued() {
    gate.callbackQueued();
  }

  @Override
  public final void callbackReturned() {
    gate.callbackReturned();
    progressClose();
  }

  // ---- Close (ndkpi-spec 3) ----

  /**
   * NDK_FN_CLOSE_OBJECT: SUCCESS if closed now (no callback), else PENDING with exactly one {@code
   * completion} later (invariant 5). Interp (ndkpi-spec 8): a close never fails.
   */
  protected final NtStatus beginClose(NdkFnCloseCompletion completion, Object context) {
    return close.begin(completion, context);
  }

  /**
   * The close was issued: start cancelling every pending request (invariant 9), stop new event
   * callbacks, refuse what must be refused at once (a listener's new connections).
   */
  protected abstract void onCloseIssued();

  /** True if this close destroys the adapter object through a firmware command (PENDING). */
  protected boolean destroysByFirmware() {
    return runtime.policy().closePath(kind) == ControlPath.FIRMWARE;
  }

  /**
   * Nothing is outstanding any more and the adapter object is gone (after the destroy command, if
   * any): tear down the hardware side. No callback for this object starts after this.
   */
  protected void onDestroyed() {}

  /**
   * The datapath's own command that destroys this object's hardware side, run instead of the
   * provider's destroy command; null (the default) for none.
   */
  protected AdapterCommand datapathDestroy() {
    return null;
  }

  /** The object is gone for good (closed, or its create failed): forget it everywhere. */
  protected void onGone() {}

  /** Moves a pending close forward if nothing keeps it pending any more. */
  protected final void progressClose() {
    close.progress();
  }

  /** True if this object has a close completion (every kind but the adapter). */
  protected boolean hasCloseCompletion() {
    return true;
  }

  /** Package-private for {@link CloseProtocol}: the only other writer of the state. */
  void moveTo(ObjectState next) {
    state = next;
  }

  /**
   * The object is gone for good ({@code end} CLOSED or FAILED): the adapter count goes back, the
   * subclass forgets it, {@code beforeUnlink} runs, and the antecedents' closes may progress.
   */
  void endLife(ObjectState end, Runnable beforeUnlink) {
    state = end;
    releaseAdapterCount();
    onGone();
    beforeUnlink.run();
    unlinkAntecedents();
  }

  /** Package-private for {@link CloseProtocol}: a deliberately broken provider unlinks early. */
  void unlinkAntecedentsNow() {
    unlinkAntecedents();
  }

  private void unlinkAntecedents() {
    List<LifetimeObject> former = List.copyOf(antecedents);
    antecedents.clear();
    for (LifetimeObject antecedent : former) {
      antecedent.gate.removeSuccessor(this);
    }
    for (LifetimeObject antecedent : former) {
      antecedent.progressClose();
    }
  }

  private void releaseAdapterCount() {
    if (holdsAdapterCount) {
      holdsAdapterCount = false;
      runtime.resources().release(kind);
    }
  }

  /** Queues nothing; for callers that need a no-op return action. */
  protected static Runnable nothing() {
    return NOTHING;
  }

  @Override
  public String toString() {
    return kind + "#" + id;
  }
}
