package org.rnicsim.ndk.provider.lifetime;

import java.util.List;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;
import org.rnicsim.ndk.provider.work.AdapterCommand;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * The second half of every create (ndkpi-spec 2), once the parameters were checked, the adapter
 * count reserved and the new object linked to its antecedents:
 *
 * <ul>
 *   <li>INLINE path: the hardware side is set up, the object delivered, SUCCESS returned with it;
 *       no callback (invariants 1, 2).
 *   <li>FIRMWARE path: PENDING returned with no object; the create command goes to the firmware; in
 *       its DPC the provider sets up the hardware side and queues the create completion on the
 *       DPC's core. The object is delivered only through that callback (invariant 2) and counts as
 *       running it until it returns, so closing the new object from inside its own create
 *       completion stays pending until then (invariant 8). A failed command delivers the failure
 *       with no object (invariant 3); the links to the antecedents end when the callback returns.
 * </ul>
 */
public final class Creation {
  private Creation() {}

  /**
   * Completes the create of {@code object} along its policy path.
   *
   * @param attachHardware sets up the hardware side (binds a CQ to its event queue ...) once the
   *     adapter object exists
   */
  public static <T extends LifetimeObject> NdkCreateResult<T> complete(
      T object,
      NdkFnCreateCompletion createCompletion,
      Object requestContext,
      Runnable attachHardware) {
    return complete(object, createCompletion, requestContext, attachHardware, null);
  }

  /**
   * As {@link #complete(LifetimeObject, NdkFnCreateCompletion, Object, Runnable)}, where {@code
   * datapathCreate} (if not null) is the datapath's own create command: on the FIRMWARE path the
   * create waits for it instead of a provider command; on the INLINE path it is started after the
   * object is delivered and the datapath queues work until it has finished.
   */
  public static <T extends LifetimeObject> NdkCreateResult<T> complete(
      T object,
      NdkFnCreateCompletion createCompletion,
      Object requestContext,
      Runnable attachHardware,
      AdapterCommand datapathCreate) {
    ProviderRuntime runtime = object.runtime();
    if (runtime.policy().createPath(object.kind()) == ControlPath.INLINE) {
      attachHardware.run();
      if (datapathCreate != null) {
        datapathCreate.submit(status -> {});
      }
      object.markDelivered();
      if (createCompletion != null
          && runtime.mutated(ProviderMutation.CREATE_COMPLETION_AFTER_INLINE_SUCCESS)) {
        runtime
            .callbacks()
            .run(
                runtime.policy().controlCore(),
                CallbackKind.CREATE_COMPLETION,
                0,
                object,
                List.of(object),
                () -> createCompletion.createCompletion(requestContext, NtStatus.SUCCESS, object),
                LifetimeObject.nothing());
      }
      return NdkCreateResult.success(object);
    }
    if (createCompletion == null) {
      // Interp: a create that must pend needs its completion; without one it cannot deliver.
      object.markCreateFailed();
      return NdkCreateResult.failed(NtStatus.INVALID_PARAMETER);
    }
    FirmwareGateway firmware = runtime.firmware();
    if (runtime.simulator().trace().isOn()) {
      runtime
          .simulator()
          .trace()
          .emit(new ProviderTraceEvent.CreatePending(runtime.nowPs(), object.toString()));
    }
    firmware.submitOr(
        FirmwareGateway.createCommand(object.kind()),
        datapathCreate,
        commandStatus -> {
          // Interp: an antecedent whose close was issued meanwhile cancels the create (invariant
          // 9); the half-made adapter object is dropped without a destroy command.
          NtStatus status =
              NtStatus.SUCCESS.equals(commandStatus) && object.anyAntecedentCloseIssued()
                  ? NtStatus.CANCELLED
                  : commandStatus;
          long dpcWorkPs = runtime.policy().completionDpcCostPs();
          if (NtStatus.SUCCESS.equals(status)) {
            attachHardware.run();
            runtime
                .callbacks()
                .run(
                    firmware.core(),
                    CallbackKind.CREATE_COMPLETION,
                    dpcWorkPs,
                    object,
                    List.of(object),
                    () -> {
                      object.markDelivered();
                      createCompletion.createCompletion(
                          requestContext,
                          NtStatus.SUCCESS,
                          runtime.mutated(ProviderMutation.CREATE_SUCCESS_WITHOUT_OBJECT)
                              ? null
                              : object);
                    },
                    LifetimeObject.nothing());
          } else {
            runtime
                .callbacks()
                .run(
                    firmware.core(),
                    CallbackKind.CREATE_COMPLETION,
                    dpcWorkPs,
                    object,
                    List.of(object),
                    () ->
                        createCompletion.createCompletion(
                            requestContext,
                            status,
                            runtime.mutated(ProviderMutation.FAILED_CREATE_DELIVERS_OBJECT)
                                ? object
                                : null),
                    object::markCreateFailed);
          }
        });
    return NdkCreateResult.pending();
  }
}
