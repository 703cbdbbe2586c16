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
 * message.
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
      finishDisconnect();
      return NtStatus.PENDING;
    }
    c.state = State.DISCONNECTING;
    SimConnector other = c.remote;
    c.home.fabric().send(() -> other.teardown.onDisconnectRequest(c));
    return NtStatus.PENDING;
  }

  /** The peer disconnects: raise the event (unless we disconnected first) and reply. */
  void onDisconnectRequest(SimConnector from) {
    SimConnector c = connector;
    if (c.state == State.CONNECTED || c.state == State.DISCONNECTING) {
      c.notice.peerDisconnected = true;
      c.runtime().engine().disconnect(c.qp);
      c.notice.raise(c);
    }
    c.home.fabric().send(from.teardown::onDisconnectReply);
  }

  void onDisconnectReply() {
    if (connector.state == State.DISCONNECTING) {
      finishDisconnect();
    }
  }

  /** The peer closed its connector or gave up on the handshake. */
  void onAborted() {
    SimConnector c = connector;
    switch (c.state) {
      case CONNECTING -> c.handshake.onRejected(NtStatus.CONNECTION_REFUSED);
      case ACCEPTING -> {
        c.state = State.ENDED;
        c.finish(c.acceptRequest, NtStatus.CONNECTION_ABORTED);
      }
      case COMPLETING -> {
        c.state = State.ENDED;
        c.finish(c.completeRequest, NtStatus.CONNECTION_ABORTED);
      }
      case REPLIED, REQUESTED -> c.state = State.ENDED;
      case CONNECTED -> {
        c.notice.peerDisconnected = true;
        c.runtime().engine().disconnect(c.qp);
        c.notice.raise(c);
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
    SimConnector c = connector;
    c.runtime().engine().disconnect(c.qp);
    c.state = State.DISCONNECTED;
    SimQp flushed = c.qp;
    if (c.disconnectRequest != null && !c.disconnectRequest.isCompleting()) {
      c.completeRequest(
          c.disconnectRequest,
          NtStatus.SUCCESS,
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
      c.home.fabric().send(other.teardown::onAborted);
    }
    if (c.qp != null && (before == State.CONNECTED || before == State.DISCONNECTING)) {
      c.runtime().engine().disconnect(c.qp);
    }
  }
}
