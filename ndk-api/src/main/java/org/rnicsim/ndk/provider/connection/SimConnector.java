package org.rnicsim.ndk.provider.connection;

import org.rnicsim.ndk.api.NdkAddressResult;
import org.rnicsim.ndk.api.NdkConnectionData;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallback;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallbackEx;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.lifetime.PendingRequest;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;

/**
 * NDK_CONNECTOR (ndkpi-spec 1, 4): the consumer's entry points for one connection, their argument
 * and state checks, and the connection's state. The handshake (Connect, Accept, Reject,
 * CompleteConnect and the messages between them) is {@link ConnectorHandshake}; disconnect, abort
 * and close are {@link ConnectorTeardown}. The QP it connects, the listener that made it and the
 * shared endpoint it uses are its antecedents (ndkpi-spec 1).
 *
 * <p>Interp choices: a connector connects once (a second Connect or Accept is INVALID_PARAMETER); a
 * QP serves one connector; Accept, CompleteConnect, Reject or Disconnect in the wrong state fail
 * inline with CONNECTION_INVALID, and so does GetConnectionData after Accept or CompleteConnect;
 * CompleteConnect after the peer gave up fails inline with CONNECTION_ABORTED, and a connection
 * request after our own adapter was removed fails with DEVICE_REMOVED in its callback ({@link
 * ConnectorHandshake}).
 */
public final class SimConnector extends LifetimeObject implements NdkConnector {

  /** Where the connection is; active states first, then passive, then either side's. */
  enum State {
    IDLE,
    CONNECTING,
    // The REP arrived; the QP moves to RTR and RTS before Connect completes.
    READYING,
    REPLIED,
    REQUESTED,
    ACCEPTING,
    // The RTU arrived; the passive QP moves to RTS before Accept completes.
    JOINING,
    CONNECTED,
    DISCONNECTING,
    DISCONNECTED,
    ENDED,
    // Active: the peer gave up after its REP; CompleteConnect fails with CONNECTION_ABORTED.
    ABORTED
  }

  final SimConnections home;
  final ConnectionTerms terms = new ConnectionTerms();
  final DisconnectNotice notice = new DisconnectNotice();
  final ConnectorHandshake handshake = new ConnectorHandshake(this);
  final ConnectorTeardown teardown = new ConnectorTeardown(this);
  final RetransmitTimer retransmit;
  State state = State.IDLE;
  SimQp qp;
  SimConnector remote;
  NdkSockAddr local;
  NdkSockAddr peer;
  PendingRequest connectRequest;
  PendingRequest acceptRequest;
  PendingRequest completeRequest;
  PendingRequest disconnectRequest;
  private int privatePort;
  private boolean connectionReserved;

  SimConnector(ProviderRuntime runtime, SimConnections home) {
    super(runtime, NdkObjectType.CONNECTOR);
    this.home = home;
    this.retransmit = home.fabric().retransmitTimer();
  }

  /** The QP this connector connects, or null. */
  public SimQp qp() {
    return qp;
  }

  /** True once the handshake finished and until the connection ends. */
  public boolean isEstablished() {
    return state == State.CONNECTED;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  @Override
  public NtStatus connect(
      NdkQp qpArg,
      NdkSockAddr source,
      NdkSockAddr destination,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("Connect");
    return handshake.startConnect(
        qpArg,
        null,
        source,
        destination,
        inboundReadLimit,
        outboundReadLimit,
        privateData,
        requestCompletion,
        requestContext);
  }

  @Override
  public NtStatus connectWithSharedEndpoint(
      NdkQp qpArg,
      NdkSharedEndpoint sharedEndpoint,
      NdkSockAddr destination,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("ConnectWithSharedEndpoint");
    SimSharedEndpoint endpoint =
        sharedEndpoint instanceof SimSharedEndpoint e && e.isOpen() && e.runtime() == runtime
            ? e
            : null;
    if (endpoint == null) {
      return NtStatus.INVALID_PARAMETER;
    }
    return handshake.startConnect(
        qpArg,
        endpoint,
        endpoint.address(),
        destination,
        inboundReadLimit,
        outboundReadLimit,
        privateData,
        requestCompletion,
        requestContext);
  }

  @Override
  public NtStatus completeConnect(
      NdkFnDisconnectEventCallback disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("CompleteConnect");
    return handshake.startComplete(
        disconnectEvent, null, disconnectEventContext, requestCompletion, requestContext);
  }

  @Override
  public NtStatus completeConnectEx(
      NdkFnDisconnectEventCallbackEx disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("CompleteConnectEx");
    return handshake.startComplete(
        null, disconnectEvent, disconnectEventContext, requestCompletion, requestContext);
  }

  @Override
  public NtStatus accept(
      NdkQp qpArg,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnDisconnectEventCallback disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("Accept");
    return handshake.startAccept(
        qpArg,
        inboundReadLimit,
        outboundReadLimit,
        privateData,
        disconnectEvent,
        null,
        disconnectEventContext,
        requestCompletion,
        requestContext);
  }

  @Override
  public NtStatus acceptEx(
      NdkQp qpArg,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnDisconnectEventCallbackEx disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("AcceptEx");
    return handshake.startAccept(
        qpArg,
        inboundReadLimit,
        outboundReadLimit,
        privateData,
        null,
        disconnectEvent,
        disconnectEventContext,
        requestCompletion,
        requestContext);
  }

  @Override
  public NtStatus reject(byte[] privateData) {
    requireOpen("Reject");
    return handshake.reject(privateData);
  }

  @Override
  public NdkConnectionData getConnectionData(byte[] privateDataBuffer) {
    requireOpen("GetConnectionData");
    if (state != State.REPLIED && state != State.REQUESTED) {
      return new NdkConnectionData(NtStatus.CONNECTION_INVALID, 0, 0, 0);
    }
    return terms.connectionData(privateDataBuffer, info());
  }

  @Override
  public NdkAddressResult getLocalAddress() {
    requireOpen("GetLocalAddress");
    return address(local);
  }

  @Override
  public NdkAddressResult getPeerAddress() {
    requireOpen("GetPeerAddress");
    return address(peer);
  }

  @Override
  public NtStatus disconnect(NdkFnRequestCompletion requestCompletion, Object requestContext) {
    requireOpen("Disconnect");
    return teardown.disconnect(requestCompletion, requestContext);
  }

  /**
   * Our own adapter was surprise-removed: a Connect, Accept or Disconnect still waiting for the
   * other host's answer fails now with STATUS_DEVICE_REMOVED (ndkpi-spec 4 via {@link
   * org.rnicsim.ndk.provider.SimNdkProvider#surpriseRemoval}), since no answer can reach it and
   * nothing it resends can leave; requests waiting on a firmware command fail through that command.
   */
  public void deviceRemoved() {
    handshake.onAdapterRemoved();
    teardown.onAdapterRemoved();
  }

  // ---- Lifetime ----

  @Override
  protected void onCloseIssued() {
    teardown.closeIssued();
  }

  @Override
  protected void onGone() {
    if (remote != null) {
      home.forgetRequest(remote, this);
    }
    releasePort();
    if (connectionReserved) {
      connectionReserved = false;
      home.ports().releaseConnection(local, peer);
    }
  }

  // ---- For the handshake and the teardown ----

  /**
   * Binds the local side of an active connection: a private port unless it uses a shared
   * endpoint's, and the 4-tuple; returns null on success or the failure, with nothing held.
   */
  NtStatus bindLocal(SimSharedEndpoint endpoint, NdkSockAddr source, NdkSockAddr destination) {
    NdkSockAddr bound = source;
    if (endpoint == null) {
      NtStatus[] failure = new NtStatus[1];
      int port = home.ports().bind(source.port(), this, failure);
      if (port < 0) {
        return failure[0];
      }
      privatePort = port;
      bound = source.withPort(port);
    }
    if (!home.ports().reserveConnection(bound, destination)) {
      releasePort();
      return NtStatus.ADDRESS_ALREADY_EXISTS;
    }
    connectionReserved = true;
    local = bound;
    peer = destination;
    return null;
  }

  /** Sends {@code message} to the manager of connector {@code to}; {@code arrival} runs there. */
  void send(CmMessage message, SimConnector to, Runnable arrival) {
    home.send(message, to.home, arrival);
  }

  /**
   * The connection attempt is over: the connector ends, its QP leaves the connection, and {@code
   * request} (if any, and not already completing) fails with {@code status}.
   */
  void end(PendingRequest request, NtStatus status) {
    state = State.ENDED;
    runtime.engine().disconnect(qp);
    finish(request, status);
  }

  /** Completes {@code request} with {@code status} unless it is null or already completing. */
  void finish(PendingRequest request, NtStatus status) {
    if (request != null && !request.isCompleting()) {
      completeRequest(request, status, runtime.policy().controlCore(), 0);
    }
  }

  /** The consumer's QP if this provider may connect it now, else null. */
  SimQp usableQp(NdkQp qpArg) {
    if (!(qpArg instanceof SimQp own) || own.runtime() != runtime || !own.isOpen()) {
      return null;
    }
    return own.hasLiveConnector() || own.isConnected() ? null : own;
  }

  NdkAdapterInfo info() {
    return runtime.adapterInfo();
  }

  private void releasePort() {
    if (privatePort > 0) {
      home.ports().release(privatePort, this);
      privatePort = 0;
    }
  }

  private static NdkAddressResult address(NdkSockAddr socket) {
    return socket == null
        ? new NdkAddressResult(NtStatus.INVALID_PARAMETER, null)
        : new NdkAddressResult(NtStatus.SUCCESS, socket);
  }
}
