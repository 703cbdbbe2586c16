package org.rnicsim.ndk.provider.lifetime;

import java.util.List;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * The close of one {@link LifetimeObject} (ndkpi-spec 3), the steps its class comment lists: issue
 * (CLOSING), wait for the {@link CloseGate}, destroy (CLOSE_COMPLETING), the close completion as
 * the object's last callback, then CLOSED and the antecedents' own closes may progress.
 */
final class CloseProtocol {
  private final LifetimeObject object;
  private final ProviderRuntime runtime;
  private NdkFnCloseCompletion closeCompletion;
  private Object closeContext;

  CloseProtocol(LifetimeObject object, ProviderRuntime runtime) {
    this.object = object;
    this.runtime = runtime;
  }

  /**
   * NDK_FN_CLOSE_OBJECT: SUCCESS if closed now (no callback), else PENDING with exactly one {@code
   * completion} later (invariant 5). Interp (ndkpi-spec 8): a close never fails.
   */
  NtStatus begin(NdkFnCloseCompletion completion, Object context) {
    if (object.state() != ObjectState.OPEN) {
      // Consumer rule C2; the first close goes on untouched.
      throw new NdkMisuseException(
          "C2",
          "close of "
              + object
              + " in state "
              + object.state()
              + ": an object is closed once, after it was delivered (ndkpi-spec 3)");
    }
    object.moveTo(ObjectState.CLOSING);
    closeCompletion = completion;
    closeContext = context;
    if (runtime.mutated(ProviderMutation.SUCCESSOR_RELEASED_AT_CLOSE_START)) {
      object.unlinkAntecedentsNow();
    }
    for (PendingRequest request : object.gate().requests()) {
      request.requestCancel();
    }
    object.onCloseIssued();
    if (object.state() == ObjectState.CLOSING && gateClear() && !object.destroysByFirmware()) {
      object.moveTo(ObjectState.CLOSE_COMPLETING);
      object.onDestroyed();
      traceClose(NtStatus.SUCCESS);
      if (runtime.mutated(ProviderMutation.CLOSE_COMPLETION_AFTER_SUCCESS)) {
        queueCloseCompletion(runtime.policy().controlCore(), 0);
        return NtStatus.SUCCESS;
      }
      finishClosed();
      return NtStatus.SUCCESS;
    }
    traceClose(NtStatus.PENDING);
    progress();
    return NtStatus.PENDING;
  }

  /** Moves a pending close forward if nothing keeps it pending any more. */
  void progress() {
    if (object.state() != ObjectState.CLOSING || !gateClear()) {
      return;
    }
    object.moveTo(ObjectState.CLOSE_COMPLETING);
    if (object.destroysByFirmware()) {
      FirmwareGateway firmware = runtime.firmware();
      // Interp: a destroy command that times out or meets a removed adapter still ends in a
      // completed close (a close cannot fail); the provider abandons the adapter object.
      firmware.submitOr(
          FirmwareGateway.destroyCommand(object.kind()),
          object.datapathDestroy(),
          status -> {
            object.onDestroyed();
            queueCloseCompletion(firmware.core(), runtime.policy().completionDpcCostPs());
          });
    } else {
      object.onDestroyed();
      queueCloseCompletion(runtime.policy().controlCore(), 0);
    }
  }

  private boolean gateClear() {
    return object
        .gate()
        .isClear(
            runtime.mutated(ProviderMutation.CLOSE_WHILE_CALLBACK_RUNS),
            runtime.mutated(ProviderMutation.ANTECEDENT_CLOSE_BEFORE_SUCCESSOR)
                && object.hasCloseCompletion());
  }

  private void queueCloseCompletion(int core, long providerWorkPs) {
    if (!object.hasCloseCompletion()) {
      finishClosed();
      return;
    }
    NdkFnCloseCompletion completion = closeCompletion;
    Object context = closeContext;
    runtime
        .callbacks()
        .run(
            core,
            CallbackKind.CLOSE_COMPLETION,
            providerWorkPs,
            object,
            List.of(),
            () -> {
              if (completion != null) {
                completion.closeCompletion(context);
              }
            },
            this::finishClosed);
  }

  private void finishClosed() {
    closeCompletion = null;
    closeContext = null;
    object.endLife(ObjectState.CLOSED, this::traceClosed);
  }

  private void traceClosed() {
    if (runtime.simulator().trace().isOn()) {
      runtime
          .simulator()
          .trace()
          .emit(new ProviderTraceEvent.Closed(runtime.nowPs(), object.toString()));
    }
  }

  private void traceClose(NtStatus status) {
    if (runtime.simulator().trace().isOn()) {
      runtime
          .simulator()
          .trace()
          .emit(
              new ProviderTraceEvent.CloseIssued(
                  runtime.nowPs(), object.toString(), status.name()));
    }
  }
}
