package org.rnicsim.ndk.provider.connection;

import org.rnicsim.ndk.api.NdkAddressResult;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.adapter.SimAdapter;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;

/**
 * NDK_LISTENER (ndkpi-spec 1, 4): listens on one address:port and hands each incoming connection to
 * the consumer as a new connector through the connect event. Those connectors are its successors,
 * so its close stays pending until they are all closed, and its port stays busy until then
 * (invariant 29). Issuing the close refuses new connections at once (invariant 27); while paused,
 * requests are refused as if no listener existed (invariant 28).
 *
 * <p>Interp: Listen completes inline (SUCCESS or a failure, no callback); a second Listen on the
 * same listener is INVALID_PARAMETER; GetLocalAddress before Listen is INVALID_PARAMETER.
 */
public final class SimListener extends LifetimeObject implements NdkListener {
  private final SimConnections home;
  private final SimAdapter adapter;
  private final NdkFnConnectEventCallback connectEvent;
  private final Object connectEventContext;
  private NdkSockAddr bound;
  private boolean paused;

  SimListener(
      ProviderRuntime runtime,
      SimConnections home,
      SimAdapter adapter,
      NdkFnConnectEventCallback connectEvent,
      Object connectEventContext) {
    super(runtime, NdkObjectType.LISTENER);
    this.home = home;
    this.adapter = adapter;
    this.connectEvent = connectEvent;
    this.connectEventContext = connectEventContext;
  }

  SimAdapter adapter() {
    return adapter;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  @Override
  public NtStatus listen(
      NdkSockAddr address, NdkFnRequestCompletion requestCompletion, Object requestContext) {
    requireOpen("Listen");
    if (bound != null) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (!home.isLocal(address)) {
      return NtStatus.INVALID_ADDRESS;
    }
    NtStatus[] failure = new NtStatus[1];
    int port = home.ports().bind(address.port(), this, failure);
    if (port < 0) {
      return failure[0];
    }
    bound = address.withPort(port);
    return NtStatus.SUCCESS;
  }

  @Override
  public NdkAddressResult getLocalAddress() {
    requireOpen("GetLocalAddress");
    return bound == null
        ? new NdkAddressResult(NtStatus.INVALID_PARAMETER, null)
        : new NdkAddressResult(NtStatus.SUCCESS, bound);
  }

  @Override
  public void controlConnectEvents(boolean pause) {
    requireOpen("ControlConnectEvents");
    paused = pause;
  }

  /** Listening, not paused, close not issued: an incoming request gets a connect event. */
  boolean acceptsConnections() {
    boolean alive = isOpen() || runtime.mutated(ProviderMutation.LISTENER_ACCEPTS_AFTER_CLOSE);
    return alive
        && bound != null
        && (!paused || runtime.mutated(ProviderMutation.CONNECT_EVENT_WHILE_PAUSED));
  }

  void connectEvent(SimConnector connector) {
    if (connectEvent != null) {
      connectEvent.connectEvent(connectEventContext, connector);
    }
  }

  @Override
  protected void onCloseIssued() {}

  @Override
  protected void onGone() {
    if (bound != null) {
      home.ports().release(bound.port(), this);
    }
  }
}
