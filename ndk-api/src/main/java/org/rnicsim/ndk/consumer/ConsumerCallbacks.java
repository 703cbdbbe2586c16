package org.rnicsim.ndk.consumer;

import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallback;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.policy.CallbackKind;

/**
 * The scripted consumer's callbacks: each records itself on the timeline and updates what the
 * consumer knows; a CQ notification also runs the steps the script gave it ({@link
 * Step.WhenNotified}). They never wait: simulated time does not pass inside a callback's Java code;
 * its modelled cost is the provider's business.
 */
final class ConsumerCallbacks {
  private static final Runnable NOTHING = () -> {};

  private final ConsumerRun run;
  private final StepRunner steps;

  ConsumerCallbacks(ConsumerRun run, StepRunner steps) {
    this.run = run;
    this.steps = steps;
  }

  NdkFnCreateCompletion createCompletion(ConsumerObjects.Named named) {
    return (context, status, object) ->
        run.inCallback(
            () -> {
              boolean ok = NtStatus.SUCCESS.equals(status) && object != null;
              if (ok) {
                named.object = object;
                run.delivered(named);
                run.recorder.state(named.name, LaneState.READY);
              } else {
                named.failed = true;
                run.recorder.state(named.name, LaneState.FAILED);
              }
              named.createResolved = true;
              run.recorder.callbackStarted(
                  CallbackKind.CREATE_COMPLETION,
                  "CreateCompletion",
                  named.name,
                  status.name(),
                  Explanations.callbackStart(CallbackKind.CREATE_COMPLETION, status),
                  NOTHING);
            });
  }

  NdkFnCloseCompletion closeCompletion(ConsumerObjects.Named named) {
    return context ->
        run.inCallback(
            () ->
                run.recorder.callbackStarted(
                    CallbackKind.CLOSE_COMPLETION,
                    "CloseCompletion",
                    named.name,
                    "",
                    Explanations.callbackStart(CallbackKind.CLOSE_COMPLETION, null),
                    () -> {
                      named.closed = true;
                      run.recorder.state(named.name, LaneState.CLOSED);
                    }));
  }

  NdkFnRequestCompletion requestCompletion(ConsumerObjects.Named named, String operation) {
    return (context, status) ->
        run.inCallback(
            () -> {
              named.completions++;
              run.recorder.callbackStarted(
                  CallbackKind.REQUEST_COMPLETION,
                  "RequestCompletion " + operation,
                  named.name,
                  status.name(),
                  Explanations.callbackStart(CallbackKind.REQUEST_COMPLETION, status),
                  NOTHING);
            });
  }

  NdkFnCqNotificationCallback notification(ConsumerObjects.Named cq) {
    return (context, status) ->
        run.inCallback(
            () -> {
              cq.notifications++;
              run.recorder.callbackStarted(
                  CallbackKind.CQ_NOTIFICATION,
                  "CqNotification",
                  cq.name,
                  status.name(),
                  Explanations.callbackStart(CallbackKind.CQ_NOTIFICATION, status),
                  NOTHING);
              for (ScriptStep step : cq.notificationSteps) {
                steps.execute(step);
              }
            });
  }

  NdkFnConnectEventCallback connectEvent(ConsumerObjects.Named listener) {
    return (context, connector) ->
        run.inCallback(
            () -> {
              String name = run.nextConnectorName(listener);
              ConsumerObjects.Named named =
                  run.objects.declare(name, NdkObjectType.CONNECTOR, listener.host, "");
              named.object = connector;
              named.createResolved = true;
              run.delivered(named);
              run.recorder.lane(name, NdkObjectType.CONNECTOR.name(), listener.host);
              run.recorder.state(name, LaneState.READY);
              listener.connectEvents.addLast(name);
              run.recorder.callbackStarted(
                  CallbackKind.CONNECT_EVENT,
                  "ConnectEvent",
                  listener.name,
                  "new connector " + name,
                  Explanations.callbackStart(CallbackKind.CONNECT_EVENT, null),
                  NOTHING);
            });
  }

  NdkFnDisconnectEventCallback disconnectEvent(ConsumerObjects.Named connector) {
    return context ->
        run.inCallback(
            () -> {
              connector.disconnectEvents++;
              run.recorder.callbackStarted(
                  CallbackKind.DISCONNECT_EVENT,
                  "DisconnectEvent",
                  connector.name,
                  "",
                  Explanations.callbackStart(CallbackKind.DISCONNECT_EVENT, null),
                  NOTHING);
            });
  }
}
