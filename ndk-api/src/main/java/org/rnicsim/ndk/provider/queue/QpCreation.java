package org.rnicsim.ndk.provider.queue;

import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkFnSrqNotificationCallback;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.lifetime.Creation;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.work.AdapterCommand;

/**
 * The parameter checks of CreateQp, CreateQpWithSrq and CreateSrq (ndkpi-spec 2, invariant 30),
 * then the create along the policy path. Every depth, SGE count and inline size above its
 * NDK_ADAPTER_INFO maximum fails inline with INVALID_PARAMETER.
 *
 * <p>Interp choices: queue depths must be at least 1 (a QP with a receive queue of 0 could never
 * receive; a QP on an SRQ has none); SGE limits of 0 are allowed (zero-length or inline posts
 * only); a CQ or SRQ argument that is not one of this provider's open objects, or belongs to
 * another PD, is INVALID_PARAMETER; CreateSrq on an adapter with MaxSrqDepth 0 is INVALID_PARAMETER
 * (every depth is above the maximum); a notify threshold above the depth is INVALID_PARAMETER.
 */
public final class QpCreation {
  private QpCreation() {}

  /** CreateQp (srq null) or CreateQpWithSrq. */
  public static NdkCreateResult<SimQp> createQp(
      SimPd pd,
      NdkCq receiveCq,
      NdkCq initiatorCq,
      NdkSrq srq,
      Object qpContext,
      long receiveQueueDepth,
      long initiatorQueueDepth,
      long maxReceiveRequestSge,
      long maxInitiatorRequestSge,
      long inlineDataSize,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    ProviderRuntime runtime = pd.runtime();
    NdkAdapterInfo info = runtime.adapterInfo();
    SimCq rcq = ownOpen(runtime, receiveCq, SimCq.class);
    SimCq icq = ownOpen(runtime, initiatorCq, SimCq.class);
    SimSrq ownSrq = srq == null ? null : ownOpen(runtime, srq, SimSrq.class);
    boolean withSrq = srq != null;
    boolean valid =
        rcq != null
            && icq != null
            && (!withSrq || (ownSrq != null && ownSrq.pd() == pd))
            && inRange(initiatorQueueDepth, 1, info.maxInitiatorQueueDepth())
            && inRange(maxInitiatorRequestSge, 0, info.maxInitiatorRequestSge())
            && inRange(inlineDataSize, 0, info.maxInlineDataSize())
            && (withSrq
                || (inRange(receiveQueueDepth, 1, info.maxReceiveQueueDepth())
                    && inRange(maxReceiveRequestSge, 0, info.maxReceiveRequestSge())));
    if (!valid) {
      return NdkCreateResult.failed(NtStatus.INVALID_PARAMETER);
    }
    if (!runtime.resources().tryReserve(NdkObjectType.QP)) {
      return NdkCreateResult.failed(NtStatus.INSUFFICIENT_RESOURCES);
    }
    SimQp qp =
        new SimQp(
            runtime,
            pd,
            rcq,
            icq,
            ownSrq,
            qpContext,
            new QpLimits(
                withSrq ? 0 : receiveQueueDepth,
                initiatorQueueDepth,
                withSrq ? 0 : maxReceiveRequestSge,
                maxInitiatorRequestSge,
                inlineDataSize));
    qp.markHoldsAdapterCount();
    qp.addAntecedent(pd);
    qp.addAntecedent(rcq);
    if (icq != rcq) {
      qp.addAntecedent(icq);
    }
    if (ownSrq != null) {
      qp.addAntecedent(ownSrq);
    }
    AdapterCommand hardwareCreate =
        runtime
            .engine()
            .createQpCommand(
                qp,
                runtime.hardware(),
                (int) initiatorQueueDepth,
                (int) (withSrq ? ownSrq.depth() : receiveQueueDepth),
                inlineDataSize);
    return Creation.complete(qp, createCompletion, requestContext, () -> {}, hardwareCreate);
  }

  /** CreateSrq. */
  public static NdkCreateResult<SimSrq> createSrq(
      SimPd pd,
      long srqDepth,
      long maxReceiveRequestSge,
      long notifyThreshold,
      NdkFnSrqNotificationCallback srqNotification,
      Object srqNotificationContext,
      GroupAffinity affinity,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    ProviderRuntime runtime = pd.runtime();
    NdkAdapterInfo info = runtime.adapterInfo();
    if (!inRange(srqDepth, 1, info.maxSrqDepth())
        || !inRange(maxReceiveRequestSge, 0, info.maxReceiveRequestSge())
        || !inRange(notifyThreshold, 0, srqDepth)) {
      return NdkCreateResult.failed(NtStatus.INVALID_PARAMETER);
    }
    if (!runtime.resources().tryReserve(NdkObjectType.SRQ)) {
      return NdkCreateResult.failed(NtStatus.INSUFFICIENT_RESOURCES);
    }
    int core =
        affinity != null && affinity.mask() != 0
            ? Long.numberOfTrailingZeros(affinity.mask())
            : runtime.policy().controlCore();
    SimSrq srq =
        new SimSrq(
            runtime,
            pd,
            srqDepth,
            maxReceiveRequestSge,
            notifyThreshold,
            srqNotification,
            srqNotificationContext,
            core);
    srq.markHoldsAdapterCount();
    srq.addAntecedent(pd);
    return Creation.complete(srq, createCompletion, requestContext, () -> {});
  }

  private static boolean inRange(long value, long min, long max) {
    return value >= min && value <= max;
  }

  /**
   * The provider's own object behind {@code object} if it is one of this provider's, of the
   * expected class and open; else null. The provider never relies on anything else in an object a
   * consumer hands in (ndkpi-spec 1).
   */
  static <T extends LifetimeObject> T ownOpen(
      ProviderRuntime runtime, Object object, Class<T> type) {
    if (!type.isInstance(object)) {
      return null;
    }
    T own = type.cast(object);
    return own.runtime() == runtime && own.isOpen() ? own : null;
  }
}
