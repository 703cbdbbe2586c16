package org.rnicsim.ndk.verifier;

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

/** The consumer's view of a PD; QP creates link the QP to its CQs and SRQ (ndkpi-spec 1). */
final class VerifyingPd extends VerifyingObject implements NdkPd {

  private final NdkPd pd;

  VerifyingPd(VerifierCore core, Shadow shadow, NdkPd pd) {
    super(core, shadow);
    this.pd = pd;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> pd.closeObject(w, context));
  }

  @Override
  public NdkCreateResult<NdkMr> createMr(
      boolean fastRegister, NdkFnCreateCompletion createCompletion, Object requestContext) {
    return core.creates.create(
        shadow,
        NdkObjectType.MR,
        MemoryShadow::new,
        fastRegister ? "CreateMr(FastRegister)" : "CreateMr",
        null,
        s -> {},
        s -> {},
        CreateRules.NO_ARGUMENTS,
        createCompletion,
        w -> pd.createMr(fastRegister, w, requestContext));
  }

  @Override
  public NdkCreateResult<NdkMw> createMw(
      NdkFnCreateCompletion createCompletion, Object requestContext) {
    return core.creates.create(
        shadow,
        NdkObjectType.MW,
        MemoryShadow::new,
        "CreateMw",
        null,
        s -> {},
        s -> {},
        CreateRules.NO_ARGUMENTS,
        createCompletion,
        w -> pd.createMw(w, requestContext));
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
    SrqShadow[] created = new SrqShadow[1];
    NdkFnSrqNotificationCallback notification =
        srqNotification == null
            ? null
            : (ctx, status) -> {
              if (created[0] == null) {
                srqNotification.srqNotification(ctx, status);
              } else {
                core.srqs.notification(created[0], srqNotification, ctx, status);
              }
            };
    return core.creates.create(
        shadow,
        NdkObjectType.SRQ,
        SrqShadow::new,
        "CreateSrq",
        CreateLimits.srq(shadow.root().info, srqDepth, maxReceiveRequestSge),
        s -> created[0] = s,
        s -> core.srqs.created(s, srqNotification != null, notifyThreshold),
        CreateRules.NO_ARGUMENTS,
        createCompletion,
        w ->
            pd.createSrq(
                srqDepth,
                maxReceiveRequestSge,
                notifyThreshold,
                notification,
                srqNotificationContext,
                affinity,
                w,
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
    return core.creates.create(
        shadow,
        NdkObjectType.QP,
        QpShadow::new,
        "CreateQp",
        CreateLimits.qp(
            shadow.root().info,
            receiveQueueDepth,
            initiatorQueueDepth,
            maxReceiveRequestSge,
            maxInitiatorRequestSge,
            inlineDataSize),
        s -> setUp(s, receiveCq, initiatorCq, null, qpContext),
        s -> {},
        new NdkObject[] {receiveCq, initiatorCq},
        createCompletion,
        w ->
            pd.createQp(
                core.unwrap(receiveCq),
                core.unwrap(initiatorCq),
                qpContext,
                receiveQueueDepth,
                initiatorQueueDepth,
                maxReceiveRequestSge,
                maxInitiatorRequestSge,
                inlineDataSize,
                w,
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
    return core.creates.create(
        shadow,
        NdkObjectType.QP,
        QpShadow::new,
        "CreateQpWithSrq",
        CreateLimits.qpWithSrq(
            shadow.root().info, initiatorQueueDepth, maxInitiatorRequestSge, inlineDataSize),
        s -> setUp(s, receiveCq, initiatorCq, srq, qpContext),
        s -> {},
        new NdkObject[] {receiveCq, initiatorCq, srq},
        createCompletion,
        w ->
            pd.createQpWithSrq(
                core.unwrap(receiveCq),
                core.unwrap(initiatorCq),
                core.unwrap(srq),
                qpContext,
                initiatorQueueDepth,
                maxInitiatorRequestSge,
                inlineDataSize,
                w,
                requestContext));
  }

  /** CQ -> QP and SRQ -> QP links (ndkpi-spec 1) and what entries are matched against (23). */
  private void setUp(QpShadow qp, NdkCq receiveCq, NdkCq initiatorCq, NdkSrq srq, Object ctx) {
    qp.qpContext = ctx;
    qp.receiveCq = core.shadowOf(receiveCq) instanceof CqShadow c ? c : null;
    qp.initiatorCq = core.shadowOf(initiatorCq) instanceof CqShadow c ? c : null;
    qp.srq = core.shadowOf(srq) instanceof SrqShadow s ? s : null;
    Shadow.link(qp.receiveCq, qp);
    Shadow.link(qp.initiatorCq, qp);
    if (qp.receiveCq != null) {
      qp.receiveCq.addQp(qp);
    }
    if (qp.initiatorCq != null) {
      qp.initiatorCq.addQp(qp);
    }
    Shadow.link(qp.srq, qp);
  }

  @Override
  public int getPrivilegedMemoryRegionToken() {
    return core.sync(
        shadow,
        "GetPrivilegedMemoryRegionToken",
        Frame.OpGroup.NONE,
        pd::getPrivilegedMemoryRegionToken);
  }
}
