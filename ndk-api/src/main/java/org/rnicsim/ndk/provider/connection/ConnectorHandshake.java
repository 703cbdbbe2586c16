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
import org.rnicsim.ndk.provider.work.FirmwareGateway;
import org.rnicsim.ndk.provider.work.WorkRequestEngine;

/**
 * One connector's side of the handshake (ndkpi-spec 4, connection flow), as messages over the
 * {@link ConnectionFabric}. Active: Connect sends the request -> the peer's Accept replies and
 * Connect completes -> CompleteConnect sends ready-to-use -> established. Passive: the listener's
 * connect event delivers the connector -> Accept replies, or Reject refuses.
 *
 * <p>The QPs change state where the InfiniBand CM changes them (IBA vol. 1 ch. 12; Linux ib_cm and
 * rdma_cm), each step a MODIFY_QP firmware command on the QP's own adapter: Accept moves the
 * passive QP to RTR and only then sends the REP, so it can receive as soon as the active side
 * sends; the REP's arrival moves the active QP to RTR and RTS, and only then does Connect complete;
 * CompleteConnect sends the RTU and completes, its QP being RTS and the peer's RTR (posts run at
 * once: ndkpi-spec 4, "CompleteConnect -> established"); the RTU's arrival moves the passive QP to
 * RTS, and then Accept completes ("Accept completes once the active side has called
 * CompleteConnect"). A MODIFY_QP that fails (timeout, surprise removal) fails the request waiting
 * on it with the provider's status for it (IO_TIMEOUT, DEVICE_REMOVED) and tells the peer (REJ
 * before the RTU, DREQ after it).
 *
 * <p>Where messages can be lost, REQ and REP are resent per {@link CmRetries} until answered (REQ
 * by REP, REJ or MRA; REP by RTU or MRA), and a request whose retries run out fails with IO_TIMEOUT
 * (ndkpi-spec 4). The RTU is not resent on a timer: as in the IB CM, a resent REP gets it again. A
 * resent message that finds its work in progress is answered with an MRA: a resent REQ while the
 * passive consumer decides or its QP moves to RTR, a resent REP while the active QP moves to RTS or
 * its consumer has not called CompleteConnect. After an MRA the sender waits without a limit
 * (Interp: the MRA's service timeout is taken as unbounded); closing the connector still ends the
 * wait.
 *
 * <p>Interp choices: a request reaching no host fails with HOST_UNREACHABLE ({@link
 * ConnectionFabric}); a QP whose peer's QP was torn down on the way (the peer closed or gave up)
 * fails Connect with CONNECTION_REFUSED and Accept with CONNECTION_ABORTED, as the peer's message
 * would. A peer that gives up between its REP and our CompleteConnect (its REJ arrives, or its QP
 * left the connection) fails CompleteConnect inline with CONNECTION_ABORTED ("peer gave up",
 * ndkpi-spec 4, request table; inline, so no callback: invariant 12); CONNECTION_INVALID stays for
 * a connector that is not connecting: never connected, Connect failed, or CompleteConnect done.
 *
 * <p>Interp (ndkpi-spec names no status for a removed device): Connect, ConnectWithSharedEndpoint,
 * Accept and CompleteConnect called after our own adapter was surprise-removed return PENDING and
 * fail with STATUS_DEVICE_REMOVED in their callback (invariant 12), as every other request on a
 * removed adapter does here; the removal is checked before any peer's state, since it is what the
 * caller can know, and no message is sent. A Connect or Accept already waiting for the peer when
 * the removal comes fails then with DEVICE_REMOVED ({@link #onAdapterRemoved}).
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
    if (c.home.adapterRemoved()) {
      return endOnRemovedAdapter(c.connectRequest);
    }
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
    c.end(request, NtStatus.IO_TIMEOUT);
    if (peer != null) {
      c.send(CmMessage.REJ, peer, peer.teardown::onAborted);
    }
  }

  /**
   * Our own adapter was surprise-removed before the call or while it waited: {@code request} fails
   * with STATUS_DEVICE_REMOVED in a callback of its own, as every request on a removed adapter does
   * in this provider (its firmware command fails, {@link FirmwareGateway}), and no message is sent
   * (none could leave). The peer, hearing nothing, gives up on its own (IO_TIMEOUT).
   */
  private NtStatus endOnRemovedAdapter(PendingRequest request) {
    SimConnector c = connector;
    c.end(request, FirmwareGateway.DEVICE_REMOVED);
    return NtStatus.PENDING;
  }

  /**
   * Our own adapter was removed while Connect waits for the REP or Accept for the RTU: the request
   * fails now with DEVICE_REMOVED, its resends stop (none would leave), and the peer, hearing
   * nothing more, gives up on its own as it does today (IO_TIMEOUT or CONNECTION_ABORTED). Accept
   * still moving its QP to RTR ends the same way; the failing MODIFY_QP then finds it ended.
   */
  void onAdapterRemoved() {
    SimConnector c = connector;
    PendingRequest waiting =
        switch (c.state) {
          case CONNECTING -> c.connectRequest;
          case ACCEPTING -> c.acceptRequest;
          default -> null;
        };
    if (waiting != null) {
      c.retransmit.cancel();
      endOnRemovedAdapter(waiting);
    }
  }

  /** The peer refused, or no host answered: Connect fails. */
  void onRejected(NtStatus status) {
    SimConnector c = connector;
    if (c.state == State.CONNECTING || c.state == State.READYING) {
      c.retransmit.cancel();
      c.end(c.connectRequest, status);
    }
  }

  /** The peer accepted: the QP moves to RTR and RTS, then Connect completes ({@link #onRts}). */
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
    c.remote = passive;
    c.terms.fromPeer(peerIrd, peerOrd, privateData);
    c.state = State.READYING;
    SimQp own = c.qp;
    c.runtime()
        .engine()
        .readyToReceive(
            own,
            passive.qp,
            () -> c.runtime().engine().readyToSend(own, this::onRts, this::onReadyingFailed),
            this::onReadyingFailed);
  }

  /** The active QP is RTS and the passive one RTR (it was before its REP left): Connect is done. */
  private void onRts() {
    if (connector.state == State.READYING) {
      connector.state = State.REPLIED;
      connector.finish(connector.connectRequest, NtStatus.SUCCESS);
    }
  }

  /** The active QP could not reach RTS: Connect fails and the passive side is told. */
  private void onReadyingFailed(NtStatus status) {
    SimConnector c = connector;
    if (c.state != State.READYING) {
      return;
    }
    boolean peerGone = WorkRequestEngine.PEER_GONE.equals(status);
    c.end(c.connectRequest, peerGone ? NtStatus.CONNECTION_REFUSED : status);
    SimConnector passive = c.remote;
    c.send(CmMessage.REJ, passive, passive.teardown::onAborted);
  }

  NtStatus startComplete(
      NdkFnDisconnectEventCallback event,
      NdkFnDisconnectEventCallbackEx eventEx,
      Object eventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    SimConnector c = connector;
    if ((c.state == State.REPLIED || c.state == State.ABORTED) && c.home.adapterRemoved()) {
      c.completeRequest = c.beginRequest("CompleteConnect", requestCompletion, requestContext);
      return endOnRemovedAdapter(c.completeRequest);
    }
    if (c.state == State.REPLIED && !c.qp.isConnected()) {
      // The passive QP left the connection without a word reaching us (its REJ died with it).
      c.state = State.ABORTED;
    }
    if (c.state == State.ABORTED) {
      return NtStatus.CONNECTION_ABORTED;
    }
    if (c.state != State.REPLIED) {
      return NtStatus.CONNECTION_INVALID;
    }
    c.notice.register(event, eventEx, eventContext);
    c.state = State.CONNECTED;
    c.completeRequest = c.beginRequest("CompleteConnect", requestCompletion, requestContext);
    sendReadyToUse(c.remote);
    c.finish(c.completeRequest, NtStatus.SUCCESS);
    return NtStatus.PENDING;
  }

  private void sendReadyToUse(SimConnector passive) {
    SimConnector c = connector;
    c.send(CmMessage.RTU, passive, () -> passive.handshake.onReadyToUse(c));
  }

  /** The peer's REP came again: its REP or our RTU was lost, or our QP or consumer is slow. */
  private void onReplyResent() {
    SimConnector c = connector;
    SimConnector passive = c.remote;
    if (c.state == State.READYING || c.state == State.REPLIED) {
      c.send(CmMessage.MRA, passive, passive.handshake::onReceiptAcknowledged);
    } else if (c.state == State.CONNECTED) {
      sendReadyToUse(passive);
    }
  }

  /** An MRA: the peer has our message and waits for its consumer; stop resending it. */
  void onReceiptAcknowledged() {
    if (connector.state == State.CONNECTING || connector.state == State.ACCEPTING) {
      connector.retransmit.cancel();
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
    if (c.home.adapterRemoved()) {
      c.addAntecedent(own);
      c.qp = own;
      c.acceptRequest = c.beginRequest("Accept", requestCompletion, requestContext);
      return endOnRemovedAdapter(c.acceptRequest);
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
    // The REQ carried the active QP's number: the passive QP can move to RTR before the REP.
    c.runtime()
        .engine()
        .readyToReceive(
            own, active.qp, () -> sendReply(active, ird, ord, data), this::onAcceptFailed);
    return NtStatus.PENDING;
  }

  /** The passive QP is RTR: the REP goes out, resent until the RTU (or an MRA) comes. */
  private void sendReply(SimConnector active, long ird, long ord, byte[] data) {
    SimConnector c = connector;
    if (c.state != State.ACCEPTING) {
      return;
    }
    c.retransmit.start(
        () -> c.send(CmMessage.REP, active, () -> active.handshake.onReply(c, ird, ord, data)),
        () -> giveUp(State.ACCEPTING, c.acceptRequest, active));
  }

  /** The passive QP could not reach RTR: Accept fails and the active side is refused. */
  private void onAcceptFailed(NtStatus status) {
    SimConnector c = connector;
    if (c.state != State.ACCEPTING) {
      return;
    }
    c.end(c.acceptRequest, acceptStatus(status));
    SimConnector active = c.remote;
    c.send(CmMessage.REJ, active, active.teardown::onAborted);
  }

  /** A QP torn down from the peer's side means the peer aborted (class comment). */
  private static NtStatus acceptStatus(NtStatus status) {
    return WorkRequestEngine.PEER_GONE.equals(status) ? NtStatus.CONNECTION_ABORTED : status;
  }

  /** The active side sent its REQ again (ours got lost or is slow): answer as far as we got. */
  void onRequestResent() {
    SimConnector c = connector;
    SimConnector active = c.remote;
    if (c.state == State.REQUESTED || c.state == State.ACCEPTING) {
      c.send(CmMessage.MRA, active, active.handshake::onReceiptAcknowledged);
    } else if (c.state == State.ENDED) {
      // Rejected or given up, and that REJ was lost: say it again.
      c.send(CmMessage.REJ, active, () -> active.handshake.onRejected(NtStatus.CONNECTION_REFUSED));
    }
  }

  /**
   * The active side's CompleteConnect arrived: the passive QP moves to RTS, then Accept completes
   * ({@link #onJoined}).
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
    c.state = State.JOINING;
    c.runtime().engine().readyToSend(c.qp, this::onJoined, status -> onJoinFailed(active, status));
  }

  /** The passive QP is RTS: the connection is established on this side too. */
  private void onJoined() {
    SimConnector c = connector;
    if (c.state != State.JOINING) {
      return;
    }
    c.state = State.CONNECTED;
    c.finish(c.acceptRequest, NtStatus.SUCCESS);
  }

  /**
   * The passive QP could not reach RTS (a MODIFY_QP timed out, the adapter was removed, the active
   * QP was torn down): Accept fails with the provider's status for it, and the active side, which
   * holds the connection established, is told with a DREQ (the IB CM's way out after the RTU).
   */
  private void onJoinFailed(SimConnector active, NtStatus status) {
    SimConnector c = connector;
    if (c.state != State.JOINING) {
      return;
    }
    c.end(c.acceptRequest, acceptStatus(status));
    c.send(CmMessage.DREQ, active, () -> active.teardown.onDisconnectRequest(c));
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
