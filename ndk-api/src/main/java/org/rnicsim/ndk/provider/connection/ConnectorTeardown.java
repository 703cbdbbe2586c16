package org.rnicsim.ndk.provider.connection;

import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.connection.SimConnector.State;
import org.rnicsim.ndk.provider.lifetime.PendingRequest;
import org.rnicsim.ndk.provider.queue.SimQp;

/**
 * How one connector's connection ends (ndkpi-spec 4, invariants 25, 26): NdkDisconnect sends a
 * disconnect request; the peer raises its disconnect event unless it called Disconnect itself (at
 * most once, without flushing) and replies; the reply ends the datapath connection and flushes the
 * QP, then Disconnect completes. A Disconnect after the peer disconnected completes without a
 * message. Where messages can be lost the DREQ is resent per {@link CmRetries}; when its retries
 * run out Disconnect completes with IO_TIMEOUT (ndkpi-spec 4: "abort/timeout -> failure") and the
 * QP is flushed all the same. The DREP is not resent: a resent DREQ gets another.
 *
 * <p>Interp: closing a connector cancels its pending requests (STATUS_CANCELLED) and aborts the
 * connection: the peer's Connect fails with CONNECTION_REFUSED, its Accept or CompleteConnect with
 * CONNECTION_ABORTED, an established peer gets its disconnect event.
 */
final class ConnectorTeardown {
  private final SimConnector connector;

  ConnectorTeardown(SimConnector connector) {
    this.connector = connector;
  }

  NtStatus disconnect(NdkFnRequestCompletion requestCompletion, Object requestContext) {
    SimConnector c = connector;
    if (c.state != State.CONNECTED) {
      return NtStatus.CONNECTION_INVALID;
    }
    c.notice.localDisconnectCalled = true;
    c.disconnectRequest = c.beginRequest("Disconnect", requestCompletion, requestContext);
    if (c.notice.peerDisconnected) {
      finishDisconnect(NtStatus.SUCCESS);
      return NtStatus.PENDING;
    }
    c.state = State.DISCONNECTING;
    SimConnector other = c.remote;
    c.retransmit.start(
        () -> c.send(CmMessage.DREQ, other, () -> other.teardown.onDisconnectRequest(c)),
        () -> {
          if (c.state == State.DISCONNECTING) {
            finishDisconnect(NtStatus.IO_TIMEOUT);
          }
        });
    return NtStatus.PENDING;
  }

  /** The peer disconnects: raise the event (unless we disconnected first) and reply. */
  void onDisconnectRequest(SimConnector from) {
    SimConnector c = connector;
    boolean live = c.state == State.CONNECTED || c.state == State.DISCONNECTING;
    if (live && !c.notice.peerDisconnected) {
      c.notice.peerDisconnected = true;
      c.runtime().engine().disconnect(c.qp);
      c.notice.raise(c);
    }
    c.send(CmMessage.DREP, from, from.teardown::onDisconnectReply);
  }

  void onDisconnectReply() {
    if (connector.state == State.DISCONNECTING) {
      finishDisconnect(NtStatus.SUCCESS);
    }
  }

  /** The peer closed its connector or gave up on the handshake. */
  void onAborted() {
    SimConnector c = connector;
    switch (c.state) {
      case CONNECTING -> c.handshake.onRejected(NtStatus.CONNECTION_REFUSED);
      case ACCEPTING -> {
        c.retransmit.cancel();
        c.state = State.ENDED;
        c.finish(c.acceptRequest, NtStatus.CONNECTION_ABORTED);
      }
      case COMPLETING -> {
        c.retransmit.cancel();
        c.state = State.ENDED;
        c.finish(c.completeRequest, NtStatus.CONNECTION_ABORTED);
      }
      case REPLIED, REQUESTED -> c.state = State.ENDED;
      case CONNECTED -> {
        c.notice.peerDisconnected = true;
        c.runtime().engine().disconnect(c.qp);
        c.notice.raise(c);
      }
      case DISCONNECTING -> finishDisconnect(NtStatus.SUCCESS);
      default -> {}
    }
  }

  /**
   * Ends the connection, completes Disconnect and then flushes the QP (invariant 26). Interp of
   * ndkpi-spec 4 ("completes ... then the QP is implicitly flushed"): the datapath stops taking
   * work now; the flushed entries are queued right after the consumer's Disconnect completion code
   * has run, so nothing is cancelled before the Disconnect is seen to finish.
   */
  private void finishDisconnect(NtStatus status) {
    SimConnector c = connector;
    c.retransmit.cancel();
    c.runtime().engine().disconnect(c.qp);
    c.state = State.DISCONNECTED;
    SimQp flushed = c.qp;
    if (c.disconnectRequest != null && !c.disconnectRequest.isCompleting()) {
      c.completeRequest(
          c.disconnectRequest,
          status,
          c.runtime().policy().controlCore(),
          0,
          flushed::flushAfterDisconnect);
    } else {
      flushed.flushAfterDisconnect();
    }
  }

  /** The consumer issued the close: cancel what pends and tell a live peer. */
  void closeIssued() {
    SimConnector c = connector;
    State before = c.state;
    c.retransmit.cancel();
    c.state = State.ENDED;
    PendingRequest[] pending = {
      c.connectRequest, c.acceptRequest, c.completeRequest, c.disconnectRequest
    };
    for (PendingRequest request : pending) {
      c.finish(request, NtStatus.CANCELLED);
    }
    boolean live =
        before != State.IDLE
            && before != State.ENDED
            && before != State.DISCONNECTED
            && before != State.CONNECTING;
    if (live && c.remote != null) {
      SimConnector other = c.remote;
      boolean established = before == State.CONNECTED || before == State.DISCONNECTING;
      c.send(established ? CmMessage.DREQ : CmMessage.REJ, other, other.teardown::onAborted);
    }
    if (c.qp != null && (before == State.CONNECTED || before == State.DISCONNECTING)) {
      c.runtime().engine().disconnect(c.qp);
    }
  }
}
