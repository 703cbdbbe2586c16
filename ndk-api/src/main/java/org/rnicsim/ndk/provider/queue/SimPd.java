package org.rnicsim.ndk.provider.queue;

import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkFnSrqNotificationCallback;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.provider.lifetime.Creation;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.memory.SimMr;
import org.rnicsim.ndk.provider.memory.SimMw;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;

/**
 * NDK_PD (ndkpi-spec 1, 2): parent and antecedent of its MRs, MWs, SRQs and QPs. QP and SRQ
 * parameter checks live in {@link QpCreation}.
 */
public final class SimPd extends LifetimeObject implements NdkPd {

  /**
   * Interp: the privileged token is one fixed value per provider, never a value the token counter
   * hands out, so it can never name an MR.
   */
  public static final int PRIVILEGED_TOKEN = 0x1;

  public SimPd(ProviderRuntime runtime) {
    super(runtime, NdkObjectType.PD);
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  /** NdkCreateMr: INSUFFICIENT_RESOURCES when MaxMrCount MRs exist. */
  @Override
  public NdkCreateResult<NdkMr> createMr(
      boolean fastRegister, NdkFnCreateCompletion createCompletion, Object requestContext) {
    requireOpen("CreateMr");
    if (!runtime.resources().tryReserve(NdkObjectType.MR)) {
      return NdkCreateResult.failed(NtStatus.INSUFFICIENT_RESOURCES);
    }
    SimMr mr = new SimMr(runtime, fastRegister);
    mr.markHoldsAdapterCount();
    mr.addAntecedent(this);
    return widen(Creation.complete(mr, createCompletion, requestContext, () -> {}));
  }

  /** NdkCreateMw: INSUFFICIENT_RESOURCES when MaxMwCount MWs exist. */
  @Override
  public NdkCreateResult<NdkMw> createMw(
      NdkFnCreateCompletion createCompletion, Object requestContext) {
    requireOpen("CreateMw");
    if (!runtime.resources().tryReserve(NdkObjectType.MW)) {
      return NdkCreateResult.failed(NtStatus.INSUFFICIENT_RESOURCES);
    }
    SimMw mw = new SimMw(runtime);
    mw.markHoldsAdapterCount();
    mw.addAntecedent(this);
    return widen(Creation.complete(mw, createCompletion, requestContext, () -> {}));
  }

  @Override
  public NdkCreateResult<NdkSrq> createSrq(
      long srqDepth,
      long maxReceiveRequestSge,
      long notifyThreshold,
      NdkFnSrqNotificationCallback srqNotification,
      Object srqNotificationContext,
      GroupAffinity affinity,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    requireOpen("CreateSrq");
    return widen(
        QpCreation.createSrq(
            this,
            srqDepth,
            maxReceiveRequestSge,
            notifyThreshold,
            srqNotification,
            srqNotificationContext,
            affinity,
            createCompletion,
            requestContext));
  }

  @Override
  public NdkCreateResult<NdkQp> createQp(
      NdkCq receiveCq,
      NdkCq initiatorCq,
      Object qpContext,
      long receiveQueueDepth,
      long initiatorQueueDepth,
      long maxReceiveRequestSge,
      long maxInitiatorRequestSge,
      long inlineDataSize,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    requireOpen("CreateQp");
    return widen(
        QpCreation.createQp(
            this,
            receiveCq,
            initiatorCq,
            null,
            qpContext,
            receiveQueueDepth,
            initiatorQueueDepth,
            maxReceiveRequestSge,
            maxInitiatorRequestSge,
            inlineDataSize,
            createCompletion,
            requestContext));
  }

  @Override
  public NdkCreateResult<NdkQp> createQpWithSrq(
      NdkCq receiveCq,
      NdkCq initiatorCq,
      NdkSrq srq,
      Object qpContext,
      long initiatorQueueDepth,
      long maxInitiatorRequestSge,
      long inlineDataSize,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    requireOpen("CreateQpWithSrq");
    if (srq == null) {
      return NdkCreateResult.failed(NtStatus.INVALID_PARAMETER);
    }
    return widen(
        QpCreation.createQp(
            this,
            receiveCq,
            initiatorCq,
            srq,
            qpContext,
            0,
            initiatorQueueDepth,
            0,
            maxInitiatorRequestSge,
            inlineDataSize,
            createCompletion,
            requestContext));
  }

  @Override
  public int getPrivilegedMemoryRegionToken() {
    requireOpen("GetPrivilegedMemoryRegionToken");
    return PRIVILEGED_TOKEN;
  }

  @Override
  protected void onCloseIssued() {}

  @SuppressWarnings("unchecked")
  private static <T extends NdkObject> NdkCreateResult<T> widen(
      NdkCreateResult<? extends T> result) {
    return (NdkCreateResult<T>) result;
  }
}
