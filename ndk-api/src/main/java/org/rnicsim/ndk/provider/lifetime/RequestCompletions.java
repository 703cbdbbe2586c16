package org.rnicsim.ndk.provider.lifetime;

import java.util.List;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;

/**
 * The requests of one {@link LifetimeObject} that returned PENDING (ndkpi-spec 4): each is in the
 * object's {@link CloseGate} from its start until its completion callback has returned, so the
 * object's close waits for it (invariants 7, 8, 12).
 */
final class RequestCompletions {
  private final LifetimeObject object;
  private final ProviderRuntime runtime;

  RequestCompletions(LifetimeObject object, ProviderRuntime runtime) {
    this.object = object;
    this.runtime = runtime;
  }

  PendingRequest begin(String operation, NdkFnRequestCompletion completion, Object context) {
    PendingRequest request = new PendingRequest(operation, completion, context);
    object.gate().addRequest(request);
    if (runtime.simulator().trace().isOn()) {
      runtime
          .simulator()
          .trace()
          .emit(
              new ProviderTraceEvent.RequestPending(runtime.nowPs(), object.toString(), operation));
    }
    return request;
  }

  void complete(
      PendingRequest request, NtStatus status, int core, long providerWorkPs, Runnable afterCall) {
    if (request.isCompleting()) {
      throw new IllegalStateException(request + " on " + object + " completed twice");
    }
    request.markCompleting();
    NdkFnRequestCompletion completion = request.completion();
    runtime
        .callbacks()
        .run(
            core,
            CallbackKind.REQUEST_COMPLETION,
            providerWorkPs,
            object,
            List.of(),
            () -> {
              boolean early = runtime.mutated(ProviderMutation.REQUEST_RELEASES_CLOSE_AT_START);
              if (early) {
                object.gate().removeRequest(request);
                object.progressClose();
              }
              if (completion != null) {
                completion.requestCompletion(request.context(), status);
                if (runtime.mutated(ProviderMutation.REQUEST_COMPLETION_TWICE)) {
                  completion.requestCompletion(request.context(), status);
                }
              }
              afterCall.run();
            },
            () -> {
              if (!runtime.mutated(ProviderMutation.REQUEST_RELEASES_CLOSE_AT_START)) {
                object.gate().removeRequest(request);
                object.progressClose();
              }
            });
  }
}
