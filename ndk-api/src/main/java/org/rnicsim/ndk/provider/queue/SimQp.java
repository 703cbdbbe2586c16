package org.rnicsim.ndk.provider.queue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.runtime.TokenTable;
import org.rnicsim.ndk.provider.work.AdapterCommand;
import org.rnicsim.ndk.provider.work.WorkQueuePair;
import org.rnicsim.ndk.provider.work.WorkRequest;

/**
 * NDK_QP (ndkpi-spec 5, 6): the eight posts (checked and queued by {@link QpPosts}), Flush, and the
 * QP's side of the datapath. A QP is a successor of its PD, its CQs and its SRQ; its connector is
 * its successor (ndkpi-spec 1).
 *
 * <p>Posts are synchronous. A post that fails inline queues nothing; one that returns SUCCESS
 * produces exactly one CQ entry, none for a successful SILENT_SUCCESS request (invariant 19); each
 * entry carries the QP's QPContext and the post's RequestContext (invariant 23). Inline failures,
 * in the order checked: INVALID_PARAMETER for flags the post does not take; STATUS_INTERNAL_ERROR
 * once a CQ of the QP is in error (Interp: invariant 18's "its QPs are unusable");
 * CONNECTION_INVALID when not connected (initiator posts); INVALID_PARAMETER for SGE counts, inline
 * sizes or total lengths above their limits and for MR/MW arguments that are not usable;
 * ACCESS_VIOLATION for Bind/FastRegister asking for access the MR lacks; INSUFFICIENT_RESOURCES
 * when the queue is full (Interp). Bind, FastRegister and Invalidate change the tokens when the
 * post is accepted, since a token must be readable when the post returns (Interp: even if the
 * request is later flushed). READ_FENCE and RDMA_READ_LOCAL_INVALIDATE are accepted and have no
 * modelled effect (the RC send queue runs a QP's requests in order).
 *
 * <p>Flush, and the QP's close, cancel every pending request on both queues: each reaches its CQ as
 * STATUS_CANCELLED, in post order, before Flush returns (invariant 20; Interp of ndkpi-spec 5: the
 * flushed entries are queued before the QP close can complete).
 */
public final class SimQp extends LifetimeObject implements NdkQp, WorkQueuePair {
  private final SimPd pd;
  private final SimCq receiveCq;
  private final SimCq initiatorCq;
  private final SimSrq srq;
  private final Object qpContext;
  private final QpLimits limits;
  private final InitiatorQueue initiator;
  private final ReceiveQueue receives;
  // Receives the hardware took into its ring (from the receive queue or the SRQ), not yet reported.
  private final Set<WorkRequest> receivesInHardware = new LinkedHashSet<>();
  private final QpPosts posts;

  SimQp(
      ProviderRuntime runtime,
      SimPd pd,
      SimCq receiveCq,
      SimCq initiatorCq,
      SimSrq srq,
      Object qpContext,
      QpLimits limits) {
    super(runtime, NdkObjectType.QP);
    this.pd = pd;
    this.receiveCq = receiveCq;
    this.initiatorCq = initiatorCq;
    this.srq = srq;
    this.qpContext = qpContext;
    this.limits = limits;
    this.initiator = new InitiatorQueue(runtime, this);
    this.receives = new ReceiveQueue(runtime);
    this.posts = new QpPosts(this, receiveCq, initiatorCq, limits, initiator, receives);
  }

  public SimPd pd() {
    return pd;
  }

  public QpLimits limits() {
    return limits;
  }

  /** The QPContext given to CreateQp, echoed in every result (invariant 23). */
  public Object qpContext() {
    return qpContext;
  }

  /** Initiator requests posted with SUCCESS and not yet completed. */
  public int outstandingInitiatorRequests() {
    return initiator.outstandingCount();
  }

  /** Initiator requests written but not yet covered by a doorbell (a DEFER chain in progress). */
  public int unrungInitiatorRequests() {
    return initiator.unrungCount();
  }

  /**
   * Runs {@code drained} once every initiator request rung to the adapter has been reported or
   * flushed (no DMA of this QP's initiator queue in progress; invariant 26): at once if that is so
   * now. Requests rung meanwhile are waited for too.
   */
  public void whenInitiatorDrained(Runnable drained) {
    initiator.whenDrained(drained);
  }

  /** Doorbells rung for the initiator queue. */
  public long initiatorDoorbells() {
    return initiator.doorbells();
  }

  /** True while the datapath has this QP connected. */
  public boolean isConnected() {
    return runtime.engine().isConnected(this);
  }

  /**
   * Connects this QP to {@code peer} on the datapath, as an established connection does; the
   * connection layer calls it once Accept and CompleteConnect have met. Both QPs must run on the
   * same {@link org.rnicsim.ndk.provider.work.WorkRequestEngine}.
   */
  public void connectTo(SimQp peer) {
    requireOpen("connect");
    peer.requireOpen("connect");
    runtime.engine().connect(this, peer);
  }

  /** True if a connector that is not yet closed uses this QP (a QP has one connection). */
  public boolean hasLiveConnector() {
    for (LifetimeObject successor : gate().successors()) {
      if (successor.kind() == NdkObjectType.CONNECTOR && !successor.isGone()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The implicit flush that ends a graceful NdkDisconnect (ndkpi-spec 4, invariant 26). A QP whose
   * close was issued was flushed then already.
   */
  public void flushAfterDisconnect() {
    if (!isCloseIssued()) {
      cancelEverything();
    }
  }

  // ---- NDK_QP_DISPATCH ----

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  @Override
  public void flush() {
    requireOpen("Flush");
    cancelEverything();
  }

  @Override
  public NtStatus send(Object requestContext, List<NdkSge> sgl, int flags) {
    requireOpen("Send");
    return posts.send(requestContext, sgl, flags, 0);
  }

  @Override
  public NtStatus sendAndInvalidate(
      Object requestContext, List<NdkSge> sgl, int flags, int remoteToken) {
    requireOpen("SendAndInvalidate");
    return posts.send(requestContext, sgl, flags, remoteToken);
  }

  @Override
  public NtStatus receive(Object requestContext, List<NdkSge> sgl) {
    requireOpen("Receive");
    return posts.receive(requestContext, sgl, receivesInHardware.size());
  }

  @Override
  public NtStatus read(
      Object requestContext, List<NdkSge> sgl, long remoteAddress, int remoteToken, int flags) {
    requireOpen("Read");
    return posts.read(requestContext, sgl, remoteAddress, remoteToken, flags);
  }

  @Override
  public NtStatus write(
      Object requestContext, List<NdkSge> sgl, long remoteAddress, int remoteToken, int flags) {
    requireOpen("Write");
    return posts.write(requestContext, sgl, remoteAddress, remoteToken, flags);
  }

  @Override
  public NtStatus bind(
      Object requestContext, NdkMr mr, NdkMw mw, long virtualAddress, long lengthBytes, int flags) {
    requireOpen("Bind");
    return posts.bind(requestContext, mr, mw, virtualAddress, lengthBytes, flags);
  }

  @Override
  public NtStatus fastRegister(
      Object requestContext,
      NdkMr mr,
      long[] adapterPageArray,
      long fbo,
      long lengthBytes,
      long baseVirtualAddress,
      int flags) {
    requireOpen("FastRegister");
    return posts.fastRegister(
        requestContext, mr, adapterPageArray, fbo, lengthBytes, baseVirtualAddress, flags);
  }

  @Override
  public NtStatus invalidate(Object requestContext, NdkObject mrOrMw, int flags) {
    requireOpen("Invalidate");
    return posts.invalidate(requestContext, mrOrMw, flags);
  }

  // ---- The datapath's side (WorkQueuePair) ----

  @Override
  public void initiatorDone(WorkRequest request, NtStatus status) {
    if (!initiator.complete(request)) {
      return;
    }
    if (!NtStatus.SUCCESS.equals(status)
        || !request.silentSuccess()
        || runtime.mutated(ProviderMutation.SILENT_SUCCESS_QUEUES_ENTRY)) {
      initiatorCq.queueEntry(result(request, status, 0, request.type(), 0), false);
    }
    initiator.tellIfDrained();
  }

  @Override
  public WorkRequest takeReceive() {
    if (isCloseIssued() || isGone()) {
      return null; // flushed when the close was issued: nothing more arrives on it
    }
    WorkRequest receive = srq != null ? srq.take() : receives.take();
    if (receive != null) {
      receivesInHardware.add(receive);
    }
    return receive;
  }

  @Override
  public boolean usesSharedReceiveQueue() {
    return srq != null;
  }

  @Override
  public void receiveDone(
      WorkRequest receive,
      NtStatus status,
      long bytesTransferred,
      NdkOperationType type,
      int invalidatedToken,
      boolean solicited) {
    if (!receivesInHardware.remove(receive)) {
      return; // flushed meanwhile: it was reported CANCELLED already (invariant 20)
    }
    if (type == NdkOperationType.RECEIVE_AND_INVALIDATE) {
      // Invariant 24: the token is invalid whether the entry is read with GetCqResults or Ex.
      TokenTable.Target target = runtime.tokens().lookup(invalidatedToken);
      if (target != null) {
        target.invalidateRemote(invalidatedToken);
      }
    }
    receiveCq.queueEntry(
        result(receive, status, bytesTransferred, type, Integer.toUnsignedLong(invalidatedToken)),
        solicited);
  }

  // ---- Flush ----

  private void cancelEverything() {
    NtStatus cancelled =
        runtime.mutated(ProviderMutation.FLUSHED_NOT_CANCELLED)
            ? NtStatus.SUCCESS
            : NtStatus.CANCELLED;
    for (WorkRequest request : initiator.drain()) {
      initiatorCq.queueEntry(result(request, cancelled, 0, request.type(), 0), false);
    }
    initiator.tellIfDrained();
    List<WorkRequest> flushedReceives = new ArrayList<>(receivesInHardware);
    receivesInHardware.clear();
    flushedReceives.addAll(receives.drain());
    for (WorkRequest receive : flushedReceives) {
      receiveCq.queueEntry(result(receive, cancelled, 0, NdkOperationType.RECEIVE, 0), false);
    }
  }

  /** Receives of this QP's SRQ, cancelled by the SRQ's close, reported in this QP's receive CQ. */
  void flushSrqReceives(List<WorkRequest> srqReceives) {
    for (WorkRequest receive : srqReceives) {
      receiveCq.queueEntry(
          result(receive, NtStatus.CANCELLED, 0, NdkOperationType.RECEIVE, 0), false);
    }
  }

  private NdkResultEx result(
      WorkRequest request,
      NtStatus status,
      long bytesTransferred,
      NdkOperationType type,
      long typeSpecificOutput) {
    Object context = runtime.mutated(ProviderMutation.QP_CONTEXT_LOST) ? null : qpContext;
    return new NdkResultEx(
        status, bytesTransferred, context, request.requestContext(), type, 0, typeSpecificOutput);
  }

  // ---- Lifetime ----

  /** The QP close starts the same flush as NdkFlush (ndkpi-spec 5, invariant 9). */
  @Override
  protected void onCloseIssued() {
    if (!runtime.mutated(ProviderMutation.CLOSE_WITHOUT_FLUSH)) {
      cancelEverything();
    }
  }

  /** The QP leaves the datapath; its peer's requests fail from now on. */
  @Override
  protected void onDestroyed() {
    runtime.engine().disconnect(this);
  }

  @Override
  protected AdapterCommand datapathDestroy() {
    return runtime.engine().destroyQpCommand(this);
  }

  @Override
  protected void onGone() {
    runtime.engine().forget(this);
  }
}
