package org.rnicsim.ndk.provider.queue;

import java.util.List;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.memory.SimMr;
import org.rnicsim.ndk.provider.memory.SimMw;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.work.WorkRequest;

/**
 * The eight posts of one {@link SimQp} once its state allows the call (ndkpi-spec 5, 6): the inline
 * checks in the order {@link SimQp} documents them, and what an accepted post queues. Every post
 * gets the next sequence number of its QP, receives and initiator requests alike.
 */
final class QpPosts {
  private final SimQp qp;
  private final ProviderRuntime runtime;
  private final SimCq receiveCq;
  private final SimCq initiatorCq;
  private final QpLimits limits;
  private final InitiatorQueue initiator;
  private final ReceiveQueue receives;
  private long nextSequence;

  QpPosts(
      SimQp qp,
      SimCq receiveCq,
      SimCq initiatorCq,
      QpLimits limits,
      InitiatorQueue initiator,
      ReceiveQueue receives) {
    this.qp = qp;
    this.runtime = qp.runtime();
    this.receiveCq = receiveCq;
    this.initiatorCq = initiatorCq;
    this.limits = limits;
    this.initiator = initiator;
    this.receives = receives;
  }

  /** Send and SendAndInvalidate ({@code remoteToken} 0 for a plain Send). */
  NtStatus send(Object requestContext, List<NdkSge> sgl, int flags, int remoteToken) {
    boolean inline = NdkOpFlag.INLINE.isSetIn(flags);
    NtStatus bad =
        checkInitiator(flags, PostFlags.SEND, sgl, limits.maxInitiatorRequestSge(), inline);
    return bad != null
        ? failInline(bad)
        : accept(nextRequest(NdkOperationType.SEND, requestContext, flags, sgl, remoteToken, 0));
  }

  /** {@code receivesInHardware}: receives the hardware took and has not reported yet. */
  NtStatus receive(Object requestContext, List<NdkSge> sgl, int receivesInHardware) {
    if (qp.usesSharedReceiveQueue() || sgl.size() > limits.maxReceiveRequestSge()) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (receiveCq.isInError() || initiatorCq.isInError()) {
      return NtStatus.INTERNAL_ERROR;
    }
    if (receives.size() + receivesInHardware >= limits.receiveQueueDepth()) {
      return NtStatus.INSUFFICIENT_RESOURCES;
    }
    WorkRequest receive = nextRequest(NdkOperationType.RECEIVE, requestContext, 0, sgl, 0, 0);
    receives.post(receive, () -> runtime.engine().receiveDoorbell(qp));
    return NtStatus.SUCCESS;
  }

  NtStatus read(
      Object requestContext, List<NdkSge> sgl, long remoteAddress, int remoteToken, int flags) {
    long maxSge =
        Math.min(limits.maxInitiatorRequestSge(), runtime.adapterInfo().maxReadRequestSge());
    NtStatus bad = checkInitiator(flags, PostFlags.READ, sgl, maxSge, false);
    return bad != null
        ? failInline(bad)
        : accept(
            nextRequest(
                NdkOperationType.READ, requestContext, flags, sgl, 0, remoteAddress, remoteToken));
  }

  NtStatus write(
      Object requestContext, List<NdkSge> sgl, long remoteAddress, int remoteToken, int flags) {
    boolean inline =
        NdkOpFlag.INLINE.isSetIn(flags)
            || (limits.inlineDataSize() > 0 && totalBytes(sgl) <= limits.inlineDataSize());
    NtStatus bad =
        checkInitiator(flags, PostFlags.WRITE, sgl, limits.maxInitiatorRequestSge(), inline);
    return bad != null
        ? failInline(bad)
        : accept(
            nextRequest(
                NdkOperationType.WRITE, requestContext, flags, sgl, 0, remoteAddress, remoteToken));
  }

  NtStatus bind(
      Object requestContext, NdkMr mr, NdkMw mw, long virtualAddress, long lengthBytes, int flags) {
    NtStatus bad = checkInitiator(flags, PostFlags.BIND, List.of(), 0, false);
    if (bad == null) {
      bad = MemoryPostChecks.bind(qp, mr, mw, virtualAddress, lengthBytes, flags);
    }
    if (bad != null) {
      return failInline(bad);
    }
    ((SimMw) mw).bind((SimMr) mr, virtualAddress, lengthBytes);
    return accept(nextRequest(NdkOperationType.BIND, requestContext, flags, List.of(), 0, 0));
  }

  NtStatus fastRegister(
      Object requestContext,
      NdkMr mr,
      long[] adapterPageArray,
      long fbo,
      long lengthBytes,
      long baseVirtualAddress,
      int flags) {
    NtStatus bad = checkInitiator(flags, PostFlags.FAST_REGISTER, List.of(), 0, false);
    if (bad == null) {
      bad = MemoryPostChecks.fastRegister(qp, mr, adapterPageArray, fbo, lengthBytes, flags);
    }
    if (bad != null) {
      return failInline(bad);
    }
    ((SimMr) mr).fastRegistered(baseVirtualAddress, lengthBytes, flags);
    return accept(
        nextRequest(NdkOperationType.FAST_REGISTER, requestContext, flags, List.of(), 0, 0));
  }

  NtStatus invalidate(Object requestContext, NdkObject mrOrMw, int flags) {
    NtStatus bad = checkInitiator(flags, PostFlags.INVALIDATE, List.of(), 0, false);
    if (bad == null) {
      bad = MemoryPostChecks.invalidate(qp, mrOrMw);
    }
    if (bad != null) {
      return failInline(bad);
    }
    if (mrOrMw instanceof SimMw mw) {
      mw.unbind();
    } else {
      ((SimMr) mrOrMw).invalidated();
    }
    return accept(nextRequest(NdkOperationType.INVALIDATE, requestContext, flags, List.of(), 0, 0));
  }

  private NtStatus checkInitiator(
      int flags, int allowedFlags, List<NdkSge> sgl, long maxSge, boolean inline) {
    if (!PostFlags.allowed(flags, allowedFlags)) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (receiveCq.isInError() || initiatorCq.isInError()) {
      return NtStatus.INTERNAL_ERROR;
    }
    if (!qp.isConnected()) {
      return NtStatus.CONNECTION_INVALID;
    }
    long total = totalBytes(sgl);
    if (inline ? total > limits.inlineDataSize() : sgl.size() > maxSge) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (total > runtime.adapterInfo().maxTransferLength()) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (initiator.outstandingCount() >= limits.initiatorQueueDepth()) {
      return NtStatus.INSUFFICIENT_RESOURCES;
    }
    return null;
  }

  /** ndkpi-spec 6: an initiator post failing inline pushes every earlier deferred request. */
  private NtStatus failInline(NtStatus status) {
    if (!runtime.mutated(ProviderMutation.DEFER_CHAIN_NOT_PUSHED)) {
      initiator.ringDoorbell();
    }
    return status;
  }

  /** Queues an initiator request that passed every check. */
  private NtStatus accept(WorkRequest request) {
    int flags = request.flags();
    boolean deferAllowed = runtime.version().compareTo(NdkVersion.V1_2) >= 0;
    boolean mayWait =
        deferAllowed && runtime.policy().batchDeferredDoorbells() && NdkOpFlag.DEFER.isSetIn(flags);
    initiator.post(request, mayWait);
    return NtStatus.SUCCESS;
  }

  private WorkRequest nextRequest(
      NdkOperationType type,
      Object requestContext,
      int flags,
      List<NdkSge> sgl,
      int invalidateToken,
      long remoteAddress) {
    return nextRequest(type, requestContext, flags, sgl, invalidateToken, remoteAddress, 0);
  }

  private WorkRequest nextRequest(
      NdkOperationType type,
      Object requestContext,
      int flags,
      List<NdkSge> sgl,
      int invalidateToken,
      long remoteAddress,
      int remoteToken) {
    return new WorkRequest(
        nextSequence++,
        type,
        requestContext,
        flags,
        totalBytes(sgl),
        invalidateToken,
        firstAddress(sgl),
        remoteAddress,
        sgl.isEmpty() ? 0 : mrToken(sgl.get(0).memoryRegionToken()),
        mrToken(remoteToken));
  }

  /**
   * The token as the WQE carries it: 0 for the privileged token, which names no MR (the adapter
   * then uses its reserved key for the address, docs/ndk-lifetime-rules.md, scatter/gather entries
   * and tokens).
   */
  private static int mrToken(int token) {
    return token == SimPd.PRIVILEGED_TOKEN ? 0 : token;
  }

  private static long firstAddress(List<NdkSge> sgl) {
    return sgl.isEmpty() ? 0 : Math.max(0, sgl.get(0).address());
  }

  private static long totalBytes(List<NdkSge> sgl) {
    long total = 0;
    for (int i = 0; i < sgl.size(); i++) { // indexed: no iterator per post
      total += sgl.get(i).length();
    }
    return total;
  }
}
