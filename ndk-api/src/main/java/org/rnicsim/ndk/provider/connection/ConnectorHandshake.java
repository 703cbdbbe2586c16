package org.rnicsim.ndk.provider.connection;

import org.rnicsim.ndk.api.NdkFnDisconnectEventCallback;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallbackEx;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.connection.SimConnector.State;
import org.rnicsim.ndk.provider.lifetime.PendingRequest;
import org.rnicsim.ndk.provider.queue.SimQp;

/**
 * One connector's side of the handshake (ndkpi-spec 4, connection flow), as messages over the
 * {@link ConnectionFabric}. Active: Connect sends the request -> the peer's Accept replies and
 * Connect completes -> CompleteConnect sends ready-to-use -> established. Passive: the listener's
 * connect event delivers the connector -> Accept replies, or Reject refuses.
 *
 * <p>Where messages can be lost, REQ, REP and RTU are resent per {@link CmRetries} until answered
 * (REQ by REP, REJ or MRA; REP by RTU or MRA; RTU by its arrival), and a request whose retries run
 * out fails with IO_TIMEOUT (ndkpi-spec 4). A resent message that finds its work done is answered
 * as the IB CM does: a resent REQ while the passive consumer decides gets an MRA, a resent REP
 * while the active consumer has not called CompleteConnect gets an MRA and, after it, the RTU
 * again. After an MRA the sender waits without a limit (Interp: the MRA's service timeout is taken
 * as unbounded); closing the connector still ends the wait.
 *
 * <p>Interp choices: a request reaching no host fails with HOST_UNREACHABLE ({@link
 * ConnectionFabric}); when the ready-to-use message reaches the passive side both QPs join the
 * datapath and go INIT -> RTR -> RTS on their adapters (MODIFY_QP firmware commands), and
 * CompleteConnect and Accept complete only when both are RTS, so an established connection takes
 * posts at full speed (ndkpi-spec 4: "CompleteConnect -> established"); a firmware failure on the
 * way fails both with the provider's status for it (IO_TIMEOUT, DEVICE_REMOVED).
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
    if (target == null) {
      c.home.fabric().unreachable(() -> onRejected(NtStatus.HOST_UNREACHABLE));
      return NtStatus.PENDING;
    }
    NdkSockAddr from = c.local;
    byte[] data = ConnectionTerms.copy(privateData);
    c.retransmit.start(
        () ->
            c.home.send(
                CmMessage.REQ,
                target,
                () -> target.onConnectRequest(c, from, destination, ird, ord, data)),
        () -> giveUp(State.CONNECTING, c.connectRequest, null));
    return NtStatus.PENDING;
  }

  /**
   * The retries of the message sent in {@code waiting} ran out: the request fails with IO_TIMEOUT
   * and a peer that may still hold the connection is told, if the message gets through.
   */
  private void giveUp(State waiting, PendingRequest request, SimConnector peer) {
    SimConnector c = connector;
    if (c.state != waiting) {
      return;
    }
    c.state = State.ENDED;
    c.finish(request, NtStatus.IO_TIMEOUT);
    if (peer != null) {
      c.send(CmMessage.REJ, peer, peer.teardown::onAborted);
    }
  }

  /** The peer refused, or no host answered: Connect fails. */
  void onRejected(NtStatus status) {
    if (connector.state == State.CONNECTING) {
      connector.retransmit.cancel();
      connector.state = State.ENDED;
      connector.finish(connector.connectRequest, status);
    }
  }

  /** The peer accepted: Connect completes; CompleteConnect may follow. */
  void onReply(SimConnector passive, long peerIrd, long peerOrd, byte[] privateData) {
    SimConnector c = connector;
    if (c.state != State.CONNECTING && passive == c.remote) {
      onReplyResent();
      return;
    }
    if (c.state != State.CONNECTING) {
      c.send(CmMessage.REJ, passive, passive.teardown::onAborted);
      return;
    }
    c.retransmit.cancel();
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
    c.retransmit.start(
        () -> sendReadyToUse(passive), () -> giveUp(State.COMPLETING, c.completeRequest, passive));
    return NtStatus.PENDING;
  }

  private void sendReadyToUse(SimConnector passive) {
    SimConnector c = connector;
    c.send(CmMessage.RTU, passive, () -> passive.handshake.onReadyToUse(c));
  }

  /** The peer's REP came again: its REP or our RTU was lost, or our consumer is slow. */
  private void onReplyResent() {
    SimConnector c = connector;
    SimConnector passive = c.remote;
    if (c.state == State.REPLIED) {
      c.send(CmMessage.MRA, passive, passive.handshake::onReceiptAcknowledged);
    } else if (c.state == State.COMPLETING) {
      sendReadyToUse(passive);
    }
  }

  /** An MRA: the peer has our message and waits for its consumer; stop resending it. */
  void onReceiptAcknowledged() {
    if (connector.state == State.CONNECTING || connector.state == State.ACCEPTING) {
      connector.retransmit.cancel();
    }
  }

  /** The passive side has joined the QPs: CompleteConnect completes. */
  void onEstablished() {
    if (connector.state == State.COMPLETING) {
      connector.retransmit.cancel();
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
    c.retransmit.start(
        () -> c.send(CmMessage.REP, active, () -> active.handshake.onReply(c, ird, ord, data)),
        () -> giveUp(State.ACCEPTING, c.acceptRequest, active));
    return NtStatus.PENDING;
  }

  /** The active side sent its REQ again (ours got lost or is slow): answer as far as we got. */
  void onRequestResent() {
    SimConnector c = connector;
    SimConnector active = c.remote;
    if (c.state == State.REQUESTED) {
      c.send(CmMessage.MRA, active, active.handshake::onReceiptAcknowledged);
    } else if (c.state == State.ENDED) {
      // Rejected or given up, and that REJ was lost: say it again.
      c.send(CmMessage.REJ, active, () -> active.handshake.onRejected(NtStatus.CONNECTION_REFUSED));
    }
  }

  /**
   * The active side's CompleteConnect arrived: both QPs join the datapath and move to RTS on their
   * adapters; Accept and CompleteConnect complete once both are there ({@link #onJoined}).
   */
  void onReadyToUse(SimConnector active) {
    SimConnector c = connector;
    if (active == c.remote && c.state != State.ACCEPTING && c.state != State.ENDED) {
      return; // A resent RTU: the connection is up already, or its QPs are on the way.
    }
    if (c.state != State.ACCEPTING || !c.qp.isOpen() || !active.qp.isOpen()) {
      c.send(CmMessage.REJ, active, active.teardown::onAborted);
      c.teardown.onAborted();
      return;
    }
    c.retransmit.cancel();
    active.handshake.onReadyToUseArrived();
    c.state = State.JOINING;
    c.runtime()
        .engine()
        .connect(c.qp, active.qp, () -> onJoined(active), status -> onJoinFailed(active, status));
  }

  /** Both QPs are RTS: the connection is established on both sides. */
  private void onJoined(SimConnector active) {
    SimConnector c = connector;
    if (c.state != State.JOINING) {
      return;
    }
    c.state = State.CONNECTED;
    c.finish(c.acceptRequest, NtStatus.SUCCESS);
    active.handshake.onEstablished();
  }

  /**
   * A QP could not reach RTS (a MODIFY_QP timed out, an adapter was removed): Accept and
   * CompleteConnect fail with the provider's status for it, and the connection ends.
   */
  private void onJoinFailed(SimConnector active, NtStatus status) {
    SimConnector c = connector;
    if (c.state != State.JOINING) {
      return;
    }
    c.state = State.ENDED;
    c.runtime().engine().disconnect(c.qp);
    c.finish(c.acceptRequest, status);
    if (active.state == State.COMPLETING) {
      active.state = State.ENDED;
      active.finish(active.completeRequest, status);
    }
  }

  /** Our RTU reached the passive side: stop resending it (CmRetries: RTU until its arrival). */
  private void onReadyToUseArrived() {
    if (connector.state == State.COMPLETING) {
      connector.retransmit.cancel();
    }
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
    c.send(CmMessage.REJ, active, () -> active.handshake.onRejected(NtStatus.CONNECTION_REFUSED));
    return NtStatus.SUCCESS;
  }

  private boolean isAwaitingReply() {
    return connector.state == State.CONNECTING;
  }
}
