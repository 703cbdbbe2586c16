package org.rnicsim.ndk.provider.queue;

import java.util.List;
import org.rnicsim.model.adapter.firmware.FirmwareCommand;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkFnSrqNotificationCallback;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.lifetime.PendingRequest;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.work.FirmwareGateway;
import org.rnicsim.ndk.provider.work.WorkRequest;

/**
 * NDK_SRQ (ndkpi-spec 4, 5): receives shared by the QPs created on it (each a successor).
 *
 * <p>Arming (invariant 32): a threshold above 0 arms a one-shot notification for when the queued
 * receives drop below it; ModifySrq with such a threshold while already below fires it at once; a
 * notification disarms until the next ModifySrq with a threshold. Interp: CreateSrq with a callback
 * and a threshold arms it too, but fires only when a consumed receive leaves the queue below the
 * threshold (a new SRQ is empty, and firing at creation would tell the consumer nothing).
 *
 * <p>ModifySrq: Interp choices. The threshold and arm apply when the call is made (so "fires at
 * once" means at once); a depth change is a MODIFY_SRQ firmware command and pends, while a call
 * with depth 0 (keep the depth) completes inline with SUCCESS. INVALID_PARAMETER for a depth above
 * MaxSrqDepth or below the receives queued, or a threshold above the (new) depth. SrqReceive beyond
 * the depth fails inline with INSUFFICIENT_RESOURCES.
 */
public final class SimSrq extends LifetimeObject implements NdkSrq {
  private final SimPd pd;
  private final long maxReceiveRequestSge;
  private final NdkFnSrqNotificationCallback notification;
  private final Object notificationContext;
  private final int core;
  private final ReceiveQueue receives;
  private long depth;
  private long threshold;
  private boolean armed;
  private boolean dead;
  private long nextSequence;

  SimSrq(
      ProviderRuntime runtime,
      SimPd pd,
      long depth,
      long maxReceiveRequestSge,
      long notifyThreshold,
      NdkFnSrqNotificationCallback notification,
      Object notificationContext,
      int core) {
    super(runtime, NdkObjectType.SRQ);
    this.pd = pd;
    this.depth = depth;
    this.maxReceiveRequestSge = maxReceiveRequestSge;
    this.threshold = notifyThreshold;
    this.armed = notification != null && notifyThreshold > 0;
    this.notification = notification;
    this.notificationContext = notificationContext;
    this.core = core;
    this.receives = new ReceiveQueue(runtime);
  }

  public SimPd pd() {
    return pd;
  }

  public long depth() {
    return depth;
  }

  /** Receives posted and not yet consumed or flushed. */
  public int queuedReceives() {
    return receives.size();
  }

  public boolean isArmed() {
    return armed;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  @Override
  public NtStatus modifySrq(
      long srqDepth,
      long notifyThreshold,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("ModifySrq");
    long newDepth = srqDepth == 0 ? depth : srqDepth;
    if (newDepth > runtime.adapterInfo().maxSrqDepth()
        || newDepth < receives.size()
        || notifyThreshold > newDepth
        || notifyThreshold < 0) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (notifyThreshold > 0) {
      threshold = notifyThreshold;
      armed = notification != null;
      checkThreshold();
    }
    if (srqDepth == 0) {
      return NtStatus.SUCCESS;
    }
    PendingRequest request = beginRequest("ModifySrq", requestCompletion, requestContext);
    FirmwareGateway firmware = runtime.firmware();
    firmware.submit(
        new FirmwareCommand(FirmwareCommandKind.MODIFY_SRQ, 0),
        status -> {
          if (NtStatus.SUCCESS.equals(status) && !request.isCancelRequested()) {
            depth = newDepth;
          }
          NtStatus outcome = request.isCancelRequested() ? NtStatus.CANCELLED : status;
          completeRequest(
              request, outcome, firmware.core(), runtime.policy().completionDpcCostPs());
        });
    return NtStatus.PENDING;
  }

  @Override
  public NtStatus srqReceive(Object requestContext, List<NdkSge> sgl) {
    requireOpen("SrqReceive");
    if (dead) {
      return NtStatus.INTERNAL_ERROR;
    }
    if (sgl.size() > maxReceiveRequestSge) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (receives.size() >= depth) {
      return NtStatus.INSUFFICIENT_RESOURCES;
    }
    long bytes = 0;
    for (NdkSge sge : sgl) {
      bytes += sge.length();
    }
    WorkRequest receive =
        new WorkRequest(nextSequence++, NdkOperationType.RECEIVE, requestContext, 0, bytes, 0);
    receives.post(receive, this::receiveRung);
    return NtStatus.SUCCESS;
  }

  /**
   * The adapter is gone: the SRQ and its QPs are dead. Interp: reported once with INTERNAL_ERROR to
   * a registered callback whether or not it is armed (ndkpi-spec 4 names no arm for it).
   */
  public void deviceRemoved() {
    if (dead || notification == null || isCloseIssued()) {
      dead = true;
      return;
    }
    dead = true;
    armed = false;
    runtime
        .callbacks()
        .run(
            core,
            CallbackKind.SRQ_NOTIFICATION,
            runtime.policy().completionDpcCostPs(),
            this,
            List.of(this),
            () -> !isCloseIssued(),
            () -> notification.srqNotification(notificationContext, NtStatus.INTERNAL_ERROR),
            nothing());
  }

  /** A QP on this SRQ consumes the oldest rung receive; null if none. */
  WorkRequest take() {
    if (isCloseIssued() || dead) {
      return null;
    }
    WorkRequest receive = receives.take();
    if (receive != null) {
      checkThreshold();
    }
    return receive;
  }

  private void receiveRung() {
    for (LifetimeObject successor : gate().successors()) {
      if (successor instanceof SimQp qp) {
        runtime.engine().receiveDoorbell(qp);
      }
    }
  }

  private void checkThreshold() {
    if (!armed || receives.size() >= threshold || isCloseIssued()) {
      return;
    }
    armed = false;
    runtime
        .callbacks()
        .run(
            core,
            CallbackKind.SRQ_NOTIFICATION,
            runtime.policy().completionDpcCostPs(),
            this,
            List.of(this),
            () -> !isCloseIssued(),
            () -> notification.srqNotification(notificationContext, NtStatus.SUCCESS),
            nothing());
  }

  /**
   * The SRQ close cancels its receives (invariant 9), and each, posted with SUCCESS, still owes its
   * one CQ entry (invariant 19). Interp: an SRQ has no CQ of its own, so the entries go, as
   * STATUS_CANCELLED, to the receive CQ of the oldest QP still on the SRQ (its close waits for that
   * QP, invariant 10, so the CQ is still there); with no QP on it, no CQ exists for them and they
   * complete nowhere (docs/ndk-consumer-rules.md).
   */
  @Override
  protected void onCloseIssued() {
    armed = false;
    List<WorkRequest> cancelled = receives.drain();
    if (runtime.mutated(ProviderMutation.SRQ_CLOSE_DROPS_RECEIVES)) {
      return;
    }
    for (LifetimeObject successor : gate().successors()) {
      if (successor instanceof SimQp qp && !qp.isGone()) {
        qp.flushSrqReceives(cancelled);
        return;
      }
    }
  }
}
