package org.rnicsim.ndk.provider.connection;

import java.util.List;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallback;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallbackEx;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.policy.CallbackKind;

/**
 * The disconnect event of one connection (ndkpi-spec 4, invariant 25): registered by Accept or
 * CompleteConnect (plain or Ex), raised at most once when the peer disconnects or aborts, never if
 * the local side called Disconnect first, never after the connector's close was issued, and without
 * flushing the QP. Interp: the Ex form reports ProviderDisconnectReason 0 (none).
 */
final class DisconnectNotice {
  private NdkFnDisconnectEventCallback event;
  private NdkFnDisconnectEventCallbackEx eventEx;
  private Object context;
  boolean localDisconnectCalled;
  boolean peerDisconnected;
  private boolean raised;

  void register(
      NdkFnDisconnectEventCallback plain,
      NdkFnDisconnectEventCallbackEx extended,
      Object eventContext) {
    this.event = plain;
    this.eventEx = extended;
    this.context = eventContext;
  }

  /** The peer is gone: tell the consumer, once, if the rules allow. */
  void raise(LifetimeObject connector) {
    if (localDisconnectCalled || raised || connector.isCloseIssued()) {
      return;
    }
    raised = true;
    if (event == null && eventEx == null) {
      return;
    }
    NdkFnDisconnectEventCallback plain = event;
    NdkFnDisconnectEventCallbackEx extended = eventEx;
    Object eventContext = context;
    connector
        .runtime()
        .callbacks()
        .run(
            connector.runtime().policy().controlCore(),
            CallbackKind.DISCONNECT_EVENT,
            0,
            connector,
            List.of(connector),
            () -> !connector.isCloseIssued(),
            () -> {
              if (plain != null) {
                plain.disconnectEvent(eventContext);
              } else {
                extended.disconnectEventEx(eventContext, 0);
              }
            },
            () -> {});
  }
}
