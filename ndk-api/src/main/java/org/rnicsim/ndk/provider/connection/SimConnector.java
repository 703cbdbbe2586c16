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
 * NDK_CONNECTOR (ndkpi-spec 1, 4): one connection's handshake and teardown, as messages over the
 * {@link ConnectionFabric}. Active: Connect (request) -> the peer's Accept (reply) completes it ->
 * CompleteConnect (ready-to-use) -> established. Passive: the connect event delivers it -> Accept
 * or Reject. The QP it connects, the listener that made it and the shared endpoint it uses are its
 * antecedents (ndkpi-spec 1).
 *
 * <p>Disconnect (invariants 25, 26): NdkDisconnect sends a disconnect request; the peer raises its
 * disconnect event unless it called Disconnect itself (at most once, without flushing) and replies;
 * the reply ends the datapath connection and flushes the QP, then Disconnect completes. A
 * Disconnect after the peer disconnected completes without a message.
 *
 * <p>Interp choices: a connector connects once (a second Connect or Accept is INVALID_PARAMETER); a
 * QP serves one connector; Accept, CompleteConnect, Reject or Disconnect in the wrong state fail
 * inline with CONNECTION_INVALID, and so does GetConnectionData after Accept or CompleteConnect;
 * the request reaching no host fails with HOST_UNREACHABLE after one message latency;
 * CompleteConnect and Accept complete when the ready-to-use message reaches the passive side, when
 * both QPs join on the datapath; closing a connector cancels its pending requests
 * (STATUS_CANCELLED) and aborts the connection: the peer's Connect fails with CONNECTION_REFUSED,
 * its Accept or CompleteConnect with CONNECTION_ABORTED, an established peer gets its disconnect
 * event.
 */
public final class SimConnector extends LifetimeObject implements NdkConnector {

  private enum State {
    IDLE,
    CONNECTING,
    REPLIED,
    COMPLETING,
    REQUESTED,
    ACCEPTING,
    CONNECTED,
    DISCONNECTING,
    DISCONNECTED,
    ENDED
  }

  private final SimConnections home;
  private State state = State.IDLE;
  private SimQp qp;
  private SimConnector remote;
  private NdkSockAddr local;
  private NdkSockAddr peer;
  private int privatePort;
  private boolean connectionReserved;
  private final ConnectionTerms terms = new ConnectionTerms();
  private final DisconnectNotice notice = new DisconnectNotice();
  private PendingRequest connectRequest;
  private PendingRequest acceptRequest;
  private PendingRequest completeRequest;
  private PendingRequest disconnectRequest;

  SimConnector(ProviderRuntime runtime, SimConnections home) {
    super(runtime, NdkObjectType.CONNECTOR);
    this.home = home;
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

  // ---- Active side ----

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
    return startConnect(
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
    return startConnect(
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

  private NtStatus startConnect(
      NdkQp qpArg,
      SimSharedEndpoint endpoint,
      NdkSockAddr source,
      NdkSockAddr destination,
      long ird,
      long ord,
      byte[] privateData,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    SimQp own = usableQp(qpArg);
    if (state != State.IDLE
        || own == null
        || ConnectionTerms.tooLong(privateData, info().maxCallerData())) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (destination == null || (endpoint == null && !home.isLocal(source))) {
      return NtStatus.INVALID_ADDRESS;
    }
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
    addAntecedent(own);
    if (endpoint != null) {
      addAntecedent(endpoint);
    }
    qp = own;
    local = bound;
    peer = destination;
    terms.inboundReadLimit = ird;
    terms.outboundReadLimit = ord;
    state = State.CONNECTING;
    connectRequest = beginRequest("Connect", requestCompletion, requestContext);
    SimConnections target = home.fabric().host(destination.ipAddress());
    NdkSockAddr from = bound;
    byte[] data = ConnectionTerms.copy(privateData);
    home.fabric()
        .send(
            () -> {
              if (target == null) {
                onRejected(NtStatus.HOST_UNREACHABLE);
              } else {
                target.onConnectRequest(this, from, destination, ird, ord, data);
              }
            });
    return NtStatus.PENDING;
  }

  /** The peer refused, or no host answered: Connect fails. */
  void onRejected(NtStatus status) {
    if (state == State.CONNECTING) {
      state = State.ENDED;
      finish(connectRequest, status);
    }
  }

  /** The peer accepted: Connect completes; CompleteConnect may follow. */
  void onReply(SimConnector passive, long peerIrd, long peerOrd, byte[] privateData) {
    if (state != State.CONNECTING) {
      home.fabric().send(passive::onAborted);
      return;
    }
    remote = passive;
    terms.fromPeer(peerIrd, peerOrd, privateData);
    state = State.REPLIED;
    finish(connectRequest, NtStatus.SUCCESS);
  }

  @Override
  public NtStatus completeConnect(
      NdkFnDisconnectEventCallback disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("CompleteConnect");
    return startComplete(
        disconnectEvent, null, disconnectEventContext, requestCompletion, requestContext);
  }

  @Override
  public NtStatus completeConnectEx(
      NdkFnDisconnectEventCallbackEx disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("CompleteConnectEx");
    return startComplete(
        null, disconnectEvent, disconnectEventContext, requestCompletion, requestContext);
  }

  private NtStatus startComplete(
      NdkFnDisconnectEventCallback event,
      NdkFnDisconnectEventCallbackEx eventEx,
      Object eventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    if (state != State.REPLIED) {
      return NtStatus.CONNECTION_INVALID;
    }
    notice.register(event, eventEx, eventContext);
    state = State.COMPLETING;
    completeRequest = beginRequest("CompleteConnect", requestCompletion, requestContext);
    SimConnector passive = remote;
    home.fabric().send(() -> passive.onReadyToUse(this));
    return NtStatus.PENDING;
  }

  /** The passive side has joined the QPs: CompleteConnect completes. */
  void onEstablished() {
    if (state == State.COMPLETING) {
      state = State.CONNECTED;
      finish(completeRequest, NtStatus.SUCCESS);
    }
  }

  // ---- Passive side ----

  /** Made by a listener for an incoming request, before the connect event delivers it. */
  void requested(
      SimListener listener,
      SimConnector active,
      NdkSockAddr localAddress,
      NdkSockAddr peerAddress,
      long peerIrd,
      long peerOrd,
      byte[] privateData) {
    state = State.REQUESTED;
    remote = active;
    local = localAddress;
    peer = peerAddress;
    terms.fromPeer(peerIrd, peerOrd, privateData);
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
    return startAccept(
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
    return startAccept(
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

  private NtStatus startAccept(
      NdkQp qpArg,
      long ird,
      long ord,
      byte[] privateData,
      NdkFnDisconnectEventCallback event,
      NdkFnDisconnectEventCallbackEx eventEx,
      Object eventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    if (state != State.REQUESTED) {
      return NtStatus.CONNECTION_INVALID;
    }
    SimQp own = usableQp(qpArg);
    if (own == null || ConnectionTerms.tooLong(privateData, info().maxCalleeData())) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (!remote.isAwaitingReply()) {
      state = State.ENDED;
      return NtStatus.CONNECTION_ABORTED;
    }
    addAntecedent(own);
    qp = own;
    terms.inboundReadLimit = ird;
    terms.outboundReadLimit = ord;
    notice.register(event, eventEx, eventContext);
    state = State.ACCEPTING;
    acceptRequest = beginRequest("Accept", requestCompletion, requestContext);
    SimConnector active = remote;
    byte[] data = ConnectionTerms.copy(privateData);
    home.fabric().send(() -> active.onReply(this, ird, ord, data));
    return NtStatus.PENDING;
  }

  /** The active side's CompleteConnect arrived: both QPs join the datapath. */
  void onReadyToUse(SimConnector active) {
    if (state != State.ACCEPTING || !qp.isOpen() || !active.qp.isOpen()) {
      home.fabric().send(active::onAborted);
      onAborted();
      return;
    }
    runtime.engine().connect(qp, active.qp);
    state = State.CONNECTED;
    finish(acceptRequest, NtStatus.SUCCESS);
    active.onEstablished();
  }

  @Override
  public NtStatus reject(byte[] privateData) {
    requireOpen("Reject");
    if (state != State.REQUESTED) {
      return NtStatus.CONNECTION_INVALID;
    }
    if (ConnectionTerms.tooLong(privateData, info().maxCalleeData())) {
      return NtStatus.INVALID_PARAMETER;
    }
    state = State.ENDED;
    if (!remote.isAwaitingReply()) {
      return NtStatus.CONNECTION_ABORTED;
    }
    SimConnector active = remote;
    home.fabric().send(() -> active.onRejected(NtStatus.CONNECTION_REFUSED));
    return NtStatus.SUCCESS;
  }

  private boolean isAwaitingReply() {
    return state == State.CONNECTING;
  }

  // ---- Either side ----

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
    if (state != State.CONNECTED) {
      return NtStatus.CONNECTION_INVALID;
    }
    notice.localDisconnectCalled = true;
    disconnectRequest = beginRequest("Disconnect", requestCompletion, requestContext);
    if (notice.peerDisconnected) {
      finishDisconnect();
      return NtStatus.PENDING;
    }
    state = State.DISCONNECTING;
    SimConnector other = remote;
    home.fabric().send(() -> other.onDisconnectRequest(this));
    return NtStatus.PENDING;
  }

  /** The peer disconnects: raise the event (unless we disconnected first) and reply. */
  void onDisconnectRequest(SimConnector from) {
    if (state == State.CONNECTED || state == State.DISCONNECTING) {
      notice.peerDisconnected = true;
      runtime.engine().disconnect(qp);
      notice.raise(this);
    }
    home.fabric().send(from::onDisconnectReply);
  }

  void onDisconnectReply() {
    if (state == State.DISCONNECTING) {
      finishDisconnect();
    }
  }

  /** The peer closed its connector or gave up on the handshake. */
  void onAborted() {
    switch (state) {
      case CONNECTING -> onRejected(NtStatus.CONNECTION_REFUSED);
      case ACCEPTING -> {
        state = State.ENDED;
        finish(acceptRequest, NtStatus.CONNECTION_ABORTED);
      }
      case COMPLETING -> {
        state = State.ENDED;
        finish(completeRequest, NtStatus.CONNECTION_ABORTED);
      }
      case REPLIED, REQUESTED -> state = State.ENDED;
      case CONNECTED -> {
        notice.peerDisconnected = true;
        runtime.engine().disconnect(qp);
        notice.raise(this);
      }
      case DISCONNECTING -> finishDisconnect();
      default -> {}
    }
  }

  /**
   * Ends the connection, completes Disconnect and then flushes the QP (invariant 26). Interp of
   * ndkpi-spec 4 ("completes ... then the QP is implicitly flushed"): the datapath stops taking
   * work now; the flushed entries are queued right after the consumer's Disconnect completion code
   * has run, so nothing is cancelled before the Disconnect is seen to finish.
   */
  private void finishDisconnect() {
    runtime.engine().disconnect(qp);
    state = State.DISCONNECTED;
    SimQp flushed = qp;
    if (disconnectRequest != null && !disconnectRequest.isCompleting()) {
      completeRequest(
          disconnectRequest,
          NtStatus.SUCCESS,
          runtime.policy().controlCore(),
          0,
          flushed::flushAfterDisconnect);
    } else {
      flushed.flushAfterDisconnect();
    }
  }

  // ---- Lifetime ----

  @Override
  protected void onCloseIssued() {
    State before = state;
    state = State.ENDED;
    PendingRequest[] pending = {connectRequest, acceptRequest, completeRequest, disconnectRequest};
    for (PendingRequest request : pending) {
      finish(request, NtStatus.CANCELLED);
    }
    boolean live =
        before != State.IDLE
            && before != State.ENDED
            && before != State.DISCONNECTED
            && before != State.CONNECTING;
    if (live && remote != null) {
      SimConnector other = remote;
      home.fabric().send(other::onAborted);
    }
    if (qp != null && (before == State.CONNECTED || before == State.DISCONNECTING)) {
      runtime.engine().disconnect(qp);
    }
  }

  @Override
  protected void onGone() {
    releasePort();
    if (connectionReserved) {
      connectionReserved = false;
      home.ports().releaseConnection(local, peer);
    }
  }

  // ---- Helpers ----

  private void finish(PendingRequest request, NtStatus status) {
    if (request != null && !request.isCompleting()) {
      completeRequest(request, status, runtime.policy().controlCore(), 0);
    }
  }

  private SimQp usableQp(NdkQp qpArg) {
    if (!(qpArg instanceof SimQp own) || own.runtime() != runtime || !own.isOpen()) {
      return null;
    }
    return own.hasLiveConnector() || own.isConnected() ? null : own;
  }

  private void releasePort() {
    if (privatePort > 0) {
      home.ports().release(privatePort, this);
      privatePort = 0;
    }
  }

  private NdkAdapterInfo info() {
    return runtime.adapterInfo();
  }

  private static NdkAddressResult address(NdkSockAddr socket) {
    return socket == null
        ? new NdkAddressResult(NtStatus.INVALID_PARAMETER, null)
        : new NdkAddressResult(NtStatus.SUCCESS, socket);
  }
}
