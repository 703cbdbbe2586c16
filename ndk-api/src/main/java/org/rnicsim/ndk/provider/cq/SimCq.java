package org.rnicsim.ndk.provider.cq;

import java.util.ArrayDeque;
import java.util.List;
import org.rnicsim.model.adapter.firmware.FirmwareCommand;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.interrupt.CqArmType;
import org.rnicsim.model.adapter.interrupt.CqEventSource;
import org.rnicsim.model.adapter.interrupt.CqModeration;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.Ulong;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.lifetime.PendingRequest;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.work.AdapterHardware;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * NDK_CQ on the hardware model (ndkpi-spec 4, 5, 6). Completions are {@link NdkResultEx} entries in
 * a provider-side queue of the CQ's depth; each one reported to the CQ's hardware event logic
 * ({@link CqEventSource}) as a CQE landing, so arming, moderation, the EQE, the MSI-X, the ISR and
 * the DPC all take their modelled time before a notification runs.
 *
 * <p>Arming. The NDK arm is kept here and is authoritative: ANY maps to the hardware arm NEXT,
 * SOLICITED to SOLICITED, and ERRORS also to SOLICITED (error CQEs count as solicited), the
 * provider dropping an event that brought only successful solicited receives and re-arming. The arm
 * clears when a notification starts (invariant 14); a re-arm before that keeps the stronger type
 * (invariant 16). Arming when entries matching the arm arrived since the last notification notifies
 * without a new completion (invariant 17): the hardware raises the event itself when it still holds
 * those CQEs as unreported; when it does not (it reported them in an event the provider dropped),
 * the provider queues the notification itself, through the DPC path without an interrupt (Interp:
 * rnic-model's arm counts CQEs since its last event, ndkpi since the last notification). Interp:
 * ERRORS is woken by error completions and CQ errors, not by successful solicited receives.
 *
 * <p>Notifications never overlap (invariant 15): one that becomes due while another is queued or
 * running waits until that one has returned. Interp: none starts after the close was issued, even
 * one the hardware raised before (invariants 6, 7: the consumer has given the CQ up).
 *
 * <p>Errors (invariant 18): an entry arriving while the CQ is full is lost and the CQ reports
 * BUFFER_OVERFLOW; {@link #injectFatalError} reports INTERNAL_ERROR. After either the CQ queues no
 * entry and its QPs refuse posts. Interp (ndkpi-spec 8): an error is reported only while armed,
 * with any arm type, and only once; an error that happens unarmed is reported at the next ArmCq.
 * Entries queued before the error stay readable.
 */
public final class SimCq extends LifetimeObject implements NdkCq {
  private final NdkFnCqNotificationCallback notification;
  private final Object notificationContext;
  private final int core;
  private final ArrayDeque<NdkResultEx> entries = new ArrayDeque<>();
  private long depth;
  private int hardwareCqId = -1;
  private CqEventSource eventSource;
  private NdkCqNotificationType arm;
  private long freshAny;
  private long freshSolicited;
  private long freshErrors;
  private long hardwareUnreported;
  private long hardwareUnreportedSolicited;
  private boolean notificationInFlight;
  private NtStatus owedNotification;
  private NtStatus error;
  private boolean errorReported;
  private long notificationsDispatched;

  /**
   * A CQ in creation.
   *
   * @param core the host core whose completion event queue takes this CQ's events
   */
  public SimCq(
      ProviderRuntime runtime,
      long depth,
      NdkFnCqNotificationCallback notification,
      Object notificationContext,
      int core) {
    super(runtime, NdkObjectType.CQ);
    this.depth = depth;
    this.notification = notification;
    this.notificationContext = notificationContext;
    this.core = core;
  }

  /** Binds the CQ to its event queue; called once the adapter object exists. */
  public void attachHardware() {
    AdapterHardware hardware = runtime.hardware();
    hardwareCqId = hardware.allocateCqId();
    eventSource =
        hardware
            .interrupts()
            .createCq(hardwareCqId, hardware.completionEventQueue(core), id -> onHardwareEvent());
  }

  /** The CQ's depth: entries it holds before it overflows. */
  public long depth() {
    return depth;
  }

  /** Entries waiting to be dequeued. */
  public int queuedEntries() {
    return entries.size();
  }

  /** The error the CQ reported or will report, or null. */
  public NtStatus error() {
    return error;
  }

  /** True after BUFFER_OVERFLOW or INTERNAL_ERROR: the CQ and its QPs are unusable. */
  public boolean isInError() {
    return error != null;
  }

  /** The current NDK arm, or null. */
  public NdkCqNotificationType arm() {
    return arm;
  }

  // ---- NDK_CQ_DISPATCH ----

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  /**
   * NdkResizeCq. Interp: NOT_SUPPORTED without ADAPTER_FLAG_CQ_RESIZE; INVALID_PARAMETER for depth
   * 0, above MaxCqDepth, or below the entries now queued (ndkpi-spec 8 leaves that open); the new
   * depth applies when the RESIZE_CQ command completes; a resize whose CQ close was issued
   * meanwhile completes with STATUS_CANCELLED.
   */
  @Override
  public NtStatus resizeCq(
      long cqDepth, NdkFnRequestCompletion requestCompletion, Object requestContext) {
    requireOpen("ResizeCq");
    if (!runtime.adapterInfo().hasFlag(NdkAdapterFlag.CQ_RESIZE_SUPPORTED)) {
      return NtStatus.NOT_SUPPORTED;
    }
    if (cqDepth <= 0 || cqDepth > runtime.adapterInfo().maxCqDepth() || cqDepth < entries.size()) {
      return NtStatus.INVALID_PARAMETER;
    }
    PendingRequest request = beginRequest("ResizeCq", requestCompletion, requestContext);
    FirmwareGateway firmware = runtime.firmware();
    firmware.submit(
        new FirmwareCommand(FirmwareCommandKind.RESIZE_CQ, ringPages(cqDepth)),
        status -> {
          boolean applied = NtStatus.SUCCESS.equals(status) && !request.isCancelRequested();
          if (applied) {
            depth = cqDepth;
          }
          NtStatus outcome = request.isCancelRequested() ? NtStatus.CANCELLED : status;
          completeRequest(
              request, outcome, firmware.core(), runtime.policy().completionDpcCostPs());
        });
    return NtStatus.PENDING;
  }

  @Override
  public void armCq(NdkCqNotificationType type) {
    requireOpen("ArmCq");
    arm =
        arm == null || runtime.mutated(ProviderMutation.REARM_TAKES_LATEST_TYPE)
            ? type
            : arm.stronger(type);
    if (error != null) {
      if (!errorReported) {
        requestNotification(error);
      }
      return;
    }
    eventSource.arm(hardwareArm(arm));
    boolean hardwareWillRaise =
        arm == NdkCqNotificationType.ANY ? hardwareUnreported > 0 : hardwareUnreportedSolicited > 0;
    if (satisfies(arm) && !hardwareWillRaise) {
      requestNotification(NtStatus.SUCCESS);
    }
  }

  @Override
  public int getCqResults(NdkResult[] results) {
    requireOpen("GetCqResults");
    int n = Math.min(results.length, entries.size());
    for (int i = 0; i < n; i++) {
      results[i] = entries.removeFirst().toResult();
    }
    return n;
  }

  @Override
  public int getCqResultsEx(NdkResultEx[] results) {
    requireOpen("GetCqResultsEx");
    int n = Math.min(results.length, entries.size());
    for (int i = 0; i < n; i++) {
      results[i] = entries.removeFirst();
    }
    return n;
  }

  /**
   * NdkControlCqInterruptModeration, ndkpi-spec 6: never pends (invariant 12); NOT_SUPPORTED iff
   * the adapter lacks the flag (invariant 31); INVALID_PARAMETER for values beyond a ULONG;
   * INVALID_PARAMETER_MIX when neither limit would ever raise an event (interval MAXULONG and a
   * count that does not govern). Applied through {@link CqModeration#fromDriverRequest} with the
   * CQ's current depth; the latest call wins.
   */
  @Override
  public NtStatus controlCqInterruptModeration(long moderationIntervalUs, long moderationCount) {
    requireOpen("ControlCqInterruptModeration");
    if (!runtime.adapterInfo().hasFlag(NdkAdapterFlag.CQ_INTERRUPT_MODERATION_SUPPORTED)
        || runtime.mutated(ProviderMutation.MODERATION_REFUSED_DESPITE_FLAG)) {
      return NtStatus.NOT_SUPPORTED;
    }
    if (moderationIntervalUs < 0
        || moderationIntervalUs > Ulong.MAXULONG
        || moderationCount < 0
        || moderationCount > Ulong.MAXULONG) {
      return NtStatus.INVALID_PARAMETER;
    }
    CqModeration moderation;
    try {
      moderation =
          CqModeration.fromDriverRequest(
              moderationIntervalUs,
              moderationCount,
              depth,
              runtime.policy().moderationTimerStart());
    } catch (IllegalArgumentException neitherLimitGoverns) {
      return NtStatus.INVALID_PARAMETER_MIX;
    }
    runtime.hardware().interrupts().setModeration(hardwareCqId, moderation);
    return NtStatus.SUCCESS;
  }

  // ---- Provider side: entries from the datapath ----

  /**
   * A completion's CQE has landed in host memory. The CQ drops it if it is in error, its hardware
   * is gone, or it is full (which puts it in error, invariant 18).
   *
   * @param solicited a receive for a send flagged SEND_AND_SOLICIT_EVENT
   */
  public void queueEntry(NdkResultEx entry, boolean solicited) {
    if (error != null || eventSource == null || isGone()) {
      return;
    }
    if (entries.size() >= depth) {
      raiseError(NtStatus.BUFFER_OVERFLOW);
      return;
    }
    entries.addLast(entry);
    runtime.observer().cqEntryQueued(this, entry);
    boolean failed = !NtStatus.SUCCESS.equals(entry.status());
    freshAny++;
    hardwareUnreported++;
    if (failed) {
      freshErrors++;
    }
    if (solicited || failed) {
      freshSolicited++;
      hardwareUnreportedSolicited++;
    }
    eventSource.onCqeLanded(solicited, failed);
    if (arm == null && runtime.mutated(ProviderMutation.NOTIFY_WHILE_UNARMED)) {
      dispatchNotification(NtStatus.SUCCESS);
    }
  }

  /** Fault: the CQ suffers a fatal hardware error (INTERNAL_ERROR, invariant 18). */
  public void injectFatalError() {
    raiseError(NtStatus.INTERNAL_ERROR);
  }

  private void raiseError(NtStatus status) {
    if (error != null) {
      return;
    }
    error = status;
    // The consumer learns of the error only through a notification (possibly at a later ArmCq);
    // an observer such as the lifetime verifier must know now that the CQ takes no more entries.
    runtime.observer().cqFailed(this, status);
    if (arm != null) {
      requestNotification(status);
    }
  }

  /** The CQ's event arrived in the DPC of its event queue. */
  private void onHardwareEvent() {
    hardwareUnreported = 0;
    hardwareUnreportedSolicited = 0;
    if (isCloseIssued() || arm == null || error != null) {
      return; // stale: the arm it answered was already served, or the CQ is closing
    }
    if (!satisfies(arm)) {
      eventSource.arm(hardwareArm(arm)); // an ERRORS arm woken by a successful solicited receive
      return;
    }
    requestNotification(NtStatus.SUCCESS);
  }

  private void requestNotification(NtStatus status) {
    if (notificationInFlight && !runtime.mutated(ProviderMutation.OVERLAPPING_NOTIFICATIONS)) {
      // The latest request is the one owed: a success is requested only while the CQ has no
      // error, so it never replaces an owed error, and an error replaces an owed success.
      owedNotification = status;
      return;
    }
    dispatchNotification(status);
  }

  private void dispatchNotification(NtStatus status) {
    notificationInFlight = true;
    boolean broken =
        runtime.mutated(ProviderMutation.OVERLAPPING_NOTIFICATIONS)
            || runtime.mutated(ProviderMutation.NOTIFY_WHILE_UNARMED);
    runtime
        .callbacks()
        .run(
            runtime.mutated(ProviderMutation.OVERLAPPING_NOTIFICATIONS)
                ? core + 1 + (int) (notificationsDispatched++ % 2)
                : core,
            CallbackKind.CQ_NOTIFICATION,
            runtime.policy().completionDpcCostPs(),
            this,
            List.of(this),
            () ->
                !isCloseIssued()
                    && (arm != null || broken)
                    && (!isErrorStatus(status) || !errorReported),
            () -> {
              arm = null;
              freshAny = 0;
              freshSolicited = 0;
              freshErrors = 0;
              if (isErrorStatus(status)) {
                errorReported = true;
              }
              if (notification != null) {
                notification.cqNotification(notificationContext, status);
              }
            },
            this::notificationReturned);
  }

  private void notificationReturned() {
    notificationInFlight = false;
    NtStatus owed = owedNotification;
    owedNotification = null;
    if (owed != null && !isCloseIssued() && arm != null) {
      if (isErrorStatus(owed) ? !errorReported : satisfies(arm)) {
        dispatchNotification(owed);
      }
    }
  }

  private boolean satisfies(NdkCqNotificationType type) {
    return switch (type) {
      case ANY -> freshAny > 0;
      case SOLICITED -> freshSolicited > 0;
      case ERRORS -> freshErrors > 0;
    };
  }

  private static CqArmType hardwareArm(NdkCqNotificationType type) {
    return type == NdkCqNotificationType.ANY ? CqArmType.NEXT : CqArmType.SOLICITED;
  }

  private static boolean isErrorStatus(NtStatus status) {
    return !NtStatus.SUCCESS.equals(status);
  }

  /** Interp: a CQE is 64 bytes and the ring is whole 4 KiB pages, as in mlx5. */
  private static long ringPages(long cqDepth) {
    return (cqDepth * 64 + 4095) / 4096;
  }

  // ---- Lifetime ----

  /** No notification starts once the close was issued (invariant 6); a resize is cancelled. */
  @Override
  protected void onCloseIssued() {
    arm = null;
    owedNotification = null;
  }

  @Override
  protected void onGone() {
    if (notification != null && runtime.mutated(ProviderMutation.CALLBACK_AFTER_CLOSE)) {
      runtime
          .callbacks()
          .run(
              core,
              CallbackKind.CQ_NOTIFICATION,
              0,
              this,
              List.of(),
              () -> notification.cqNotification(notificationContext, NtStatus.SUCCESS),
              nothing());
    }
  }

  /** The CQ's event logic stops and forgets the CQ (after DESTROY_CQ, if the policy sends it). */
  @Override
  protected void onDestroyed() {
    if (eventSource != null) {
      runtime.hardware().interrupts().destroyCq(hardwareCqId);
      eventSource = null;
    }
  }
}
