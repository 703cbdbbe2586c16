package org.rnicsim.ndk.provider.connection;

import org.rnicsim.ndk.api.NdkFnDisconnectEventCallback;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallbackEx;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.connection.SimConnector.State;
import org.rnicsim.ndk.provider.queue.SimQp;

/**
 * One connector's side of the handshake (ndkpi-spec 4, connection flow), as messages over the
 * {@link ConnectionFabric}. Active: Connect sends the request -> the peer's Accept replies and
 * Connect completes -> CompleteConnect sends ready-to-use -> established. Passive: the listener's
 * connect event delivers the connector -> Accept replies, or Reject refuses.
 *
 * <p>Interp choices: a request reaching no host fails with HOST_UNREACHABLE after one message
 * latency; CompleteConnect and Accept complete when the ready-to-use message reaches the passive
 * side, when both QPs join on the datapath.
 */
final class ConnectorHandshake {
  private final SimConnector connector;

  ConnectorHandshake(SimConnector connector) {
    this.connector = connector;
  }

  // ---- Active side ----

  NtStatus startConnect(
      NdkQp qpArg,
      SimSharedEndpoint endpoint,
      NdkSockAddr source,
      NdkSockAddr destination,
      long ird,
      long ord,
      byte[] privateData,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    SimConnector c = connector;
    SimQp own = c.usableQp(qpArg);
    if (c.state != State.IDLE
        || own == null
        || ConnectionTerms.tooLong(privateData, c.info().maxCallerData())) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (destination == null || (endpoint == null && !c.home.isLocal(source))) {
      return NtStatus.INVALID_ADDRESS;
    }
    NtStatus failure = c.bindLocal(endpoint, source, destination);
    if (failure != null) {
      return failure;
    }
    c.addAntecedent(own);
    if (endpoint != null) {
      c.addAntecedent(endpoint);
    }
    c.qp = own;
    c.terms.inboundReadLimit = ird;
    c.terms.outboundReadLimit = ord;
    c.state = State.CONNECTING;
    c.connectRequest = c.beginRequest("Connect", requestCompletion, requestContext);
    SimConnections target = c.home.fabric().host(destination.ipAddress());
    NdkSockAddr from = c.local;
    byte[] data = ConnectionTerms.copy(privateData);
    c.home
        .fabric()
        .send(
            () -> {
              if (target == null) {
                onRejected(NtStatus.HOST_UNREACHABLE);
              } else {
                target.onConnectRequest(c, from, destination, ird, ord, data);
              }
            });
    return NtStatus.PENDING;
  }

  /** The peer refused, or no host answered: Connect fails. */
  void onRejected(NtStatus status) {
    if (connector.state == State.CONNECTING) {
      connector.state = State.ENDED;
      connector.finish(connector.connectRequest, status);
    }
  }

  /** The peer accepted: Connect completes; CompleteConnect may follow. */
  void onReply(SimConnector passive, long peerIrd, long peerOrd, byte[] privateData) {
    if (connector.state != State.CONNECTING) {
      connector.home.fabric().send(passive.teardown::onAborted);
      return;
    }
    connector.remote = passive;
    connector.terms.fromPeer(peerIrd, peerOrd, privateData);
    connector.state = State.REPLIED;
    connector.finish(connector.connectRequest, NtStatus.SUCCESS);
  }

  NtStatus startComplete(
      NdkFnDisconnectEventCallback event,
      NdkFnDisconnectEventCallbackEx eventEx,
      Object eventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    SimConnector c = connector;
    if (c.state != State.REPLIED) {
      return NtStatus.CONNECTION_INVALID;
    }
    c.notice.register(event, eventEx, eventContext);
    c.state = State.COMPLETING;
    c.completeRequest = c.beginRequest("CompleteConnect", requestCompletion, requestContext);
    SimConnector passive = c.remote;
    c.home.fabric().send(() -> passive.handshake.onReadyToUse(c));
    return NtStatus.PENDING;
  }

  /** The passive side has joined the QPs: CompleteConnect completes. */
  void onEstablished() {
    if (connector.state == State.COMPLETING) {
      connector.state = State.CONNECTED;
      connector.finish(connector.completeRequest, NtStatus.SUCCESS);
    }
  }

  // ---- Passive side ----

  /** Made by a listener for an incoming request, before the connect event delivers it. */
  void requested(
      SimConnector active,
      NdkSockAddr localAddress,
      NdkSockAddr peerAddress,
      long peerIrd,
      long peerOrd,
      byte[] privateData) {
    connector.state = State.REQUESTED;
    connector.remote = active;
    connector.local = localAddress;
    connector.peer = peerAddress;
    connector.terms.fromPeer(peerIrd, peerOrd, privateData);
  }

  NtStatus startAccept(
      NdkQp qpArg,
      long ird,
      long ord,
      byte[] privateData,
      NdkFnDisconnectEventCallback event,
      NdkFnDisconnectEventCallbackEx eventEx,
      Object eventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    SimConnector c = connector;
    if (c.state != State.REQUESTED) {
      return NtStatus.CONNECTION_INVALID;
    }
    SimQp own = c.usableQp(qpArg);
    if (own == null || ConnectionTerms.tooLong(privateData, c.info().maxCalleeData())) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (!c.remote.handshake.isAwaitingReply()) {
      c.state = State.ENDED;
      return NtStatus.CONNECTION_ABORTED;
    }
    c.addAntecedent(own);
    c.qp = own;
    c.terms.inboundReadLimit = ird;
    c.terms.outboundReadLimit = ord;
    c.notice.register(event, eventEx, eventContext);
    c.state = State.ACCEPTING;
    c.acceptRequest = c.beginRequest("Accept", requestCompletion, requestContext);
    SimConnector active = c.remote;
    byte[] data = ConnectionTerms.copy(privateData);
    c.home.fabric().send(() -> active.handshake.onReply(c, ird, ord, data));
    return NtStatus.PENDING;
  }

  /** The active side's CompleteConnect arrived: both QPs join the datapath. */
  void onReadyToUse(SimConnector active) {
    SimConnector c = connector;
    if (c.state != State.ACCEPTING || !c.qp.isOpen() || !active.qp.isOpen()) {
      c.home.fabric().send(active.teardown::onAborted);
      c.teardown.onAborted();
      return;
    }
    c.runtime().engine().connect(c.qp, active.qp);
    c.state = State.CONNECTED;
    c.finish(c.acceptRequest, NtStatus.SUCCESS);
    active.handshake.onEstablished();
  }

  NtStatus reject(byte[] privateData) {
    SimConnector c = connector;
    if (c.state != State.REQUESTED) {
      return NtStatus.CONNECTION_INVALID;
    }
    if (ConnectionTerms.tooLong(privateData, c.info().maxCalleeData())) {
      return NtStatus.INVALID_PARAMETER;
    }
    c.state = State.ENDED;
    if (!c.remote.handshake.isAwaitingReply()) {
      return NtStatus.CONNECTION_ABORTED;
    }
    SimConnector active = c.remote;
    c.home.fabric().send(() -> active.handshake.onRejected(NtStatus.CONNECTION_REFUSED));
    return NtStatus.SUCCESS;
  }

  private boolean isAwaitingReply() {
    return connector.state == State.CONNECTING;
  }
}
