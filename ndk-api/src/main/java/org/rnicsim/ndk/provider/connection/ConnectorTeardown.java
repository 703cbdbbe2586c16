package org.rnicsim.ndk.provider.connection;

import org.rnicsim.engine.EventHandle;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.connection.SimConnector.State;
import org.rnicsim.ndk.provider.lifetime.PendingRequest;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * How one connector's connection ends (ndkpi-spec 4, invariants 25, 26): NdkDisconnect lets the
 * QP's initiator requests drain on the datapath, then sends a disconnect request; the peer raises
 * its disconnect event unless it called Disconnect itself (at most once, without flushing) and
 * replies; the reply ends the datapath connection, Disconnect completes once every request of the
 * QP is reported, and then the QP is flushed. A Disconnect after the peer disconnected completes
 * without a message. The DREQ is resent per {@link CmRetries}; when its retries run out Disconnect
 * completes with IO_TIMEOUT (ndkpi-spec 4: "abort/timeout -> failure") and the QP is flushed all
 * the same. The DREP is not resent: a resent DREQ gets another.
 *
 * <p>Interp of invariant 26 ("completes only after (peer disconnect, abort or timeout) AND all DMA
 * on the QP is done"): the peer's QP leaves service when the DREQ reaches it, which would fail a
 * request of ours still on the wire, so the DREQ waits until the QP's initiator queue has drained
 * (every request rung to the adapter reported; at most {@link ConnectionFabric#drainLimitPs});
 * requests rung after the DREQ left fail when the connection ends, and Disconnect completes only
 * after they are reported too. Written but unrung DEFER requests never reached the adapter: the
 * flush cancels them.
 *
 * <p>Interp: closing a connector cancels its pending requests (STATUS_CANCELLED) and aborts the
 * connection: the peer's Connect fails with CONNECTION_REFUSED, its Accept with CONNECTION_ABORTED,
 * its CompleteConnect still to come with CONNECTION_ABORTED, and a peer that holds the connection
 * established (CompleteConnect done) gets its disconnect event.
 */
final class ConnectorTeardown {
  private final SimConnector connector;
  // The drain limit's timer while Disconnect waits for the QP to go idle, else null.
  private EventHandle drainLimit;

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
    if (c.home.adapterRemoved()) {
      // Checked before the peer's state, as for Connect, Accept and CompleteConnect.
      c.state = State.DISCONNECTING;
      onAdapterRemoved();
      return NtStatus.PENDING;
    }
    if (c.notice.peerDisconnected) {
      finishDisconnect(NtStatus.SUCCESS);
      return NtStatus.PENDING;
    }
    c.state = State.DISCONNECTING;
    drainLimit =
        c.runtime().simulator().schedule(c.home.fabric().drainLimitPs(), this::drainedOrLimit);
    c.qp.whenInitiatorDrained(this::drainedOrLimit);
    return NtStatus.PENDING;
  }

  /**
   * The QP's initiator queue drained (or the drain limit passed): send the DREQ, unless the peer's
   * came first.
   */
  private void drainedOrLimit() {
    SimConnector c = connector;
    if (drainLimit == null) {
      return; // told already, or the connector was closed meanwhile
    }
    c.runtime().simulator().cancel(drainLimit);
    drainLimit = null;
    if (c.state != State.DISCONNECTING) {
      return;
    }
    if (c.notice.peerDisconnected) {
      finishDisconnect(NtStatus.SUCCESS);
      return;
    }
    SimConnector other = c.remote;
    c.retransmit.start(
        () -> c.send(CmMessage.DREQ, other, () -> other.teardown.onDisconnectRequest(c)),
        () -> {
          if (c.state == State.DISCONNECTING) {
            finishDisconnect(NtStatus.IO_TIMEOUT);
          }
        });
  }

  /**
   * Our own adapter was removed before Disconnect or while it waits for its QP to drain or for the
   * DREP: no DREQ or resend would leave and no DREP can arrive, so Disconnect fails with
   * DEVICE_REMOVED, still only once every rung request of the QP is reported (invariant 26; the
   * removed adapter reports them itself), and the QP is flushed as after any Disconnect.
   */
  void onAdapterRemoved() {
    SimConnector c = connector;
    if (c.state != State.DISCONNECTING) {
      return;
    }
    if (drainLimit != null) {
      c.runtime().simulator().cancel(drainLimit);
      drainLimit = null;
    }
    finishDisconnect(FirmwareGateway.DEVICE_REMOVED);
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
    if (connector.state == State.DISCONNECTING && drainLimit == null) {
      finishDisconnect(NtStatus.SUCCESS);
    }
  }

  /** The peer closed its connector or gave up on the handshake. */
  void onAborted() {
    SimConnector c = connector;
    switch (c.state) {
      case CONNECTING, READYING -> c.handshake.onRejected(NtStatus.CONNECTION_REFUSED);
      case ACCEPTING, JOINING -> {
        // The passive QP is RTR already, or on its way there.
        c.retransmit.cancel();
        c.end(c.acceptRequest, NtStatus.CONNECTION_ABORTED);
      }
      case REPLIED -> {
        c.state = State.ABORTED;
        c.runtime().engine().disconnect(c.qp);
      }
      case REQUESTED -> c.state = State.ENDED;
      case CONNECTED -> {
        c.notice.peerDisconnected = true;
        c.runtime().engine().disconnect(c.qp);
        c.notice.raise(c);
      }
      case DISCONNECTING -> {
        c.notice.peerDisconnected = true;
        c.runtime().engine().disconnect(c.qp);
        if (drainLimit == null) {
          finishDisconnect(NtStatus.SUCCESS);
        }
      }
      default -> {}
    }
  }

  /**
   * Ends the connection and, once every rung initiator request of the QP is reported, completes
   * Disconnect and then flushes the QP (invariant 26). Interp of ndkpi-spec 4 ("completes ... then
   * the QP is implicitly flushed"): the datapath stops taking work now; the flushed entries are
   * queued right after the consumer's Disconnect completion code has run, so nothing is cancelled
   * before the Disconnect is seen to finish.
   */
  private void finishDisconnect(NtStatus status) {
    SimConnector c = connector;
    c.retransmit.cancel();
    c.runtime().engine().disconnect(c.qp);
    c.state = State.DISCONNECTED;
    SimQp flushed = c.qp;
    PendingRequest request = c.disconnectRequest;
    flushed.whenInitiatorDrained(() -> completeThenFlush(request, status, flushed));
  }

  private void completeThenFlush(PendingRequest request, NtStatus status, SimQp flushed) {
    SimConnector c = connector;
    if (request != null && !request.isCompleting()) {
      c.completeRequest(
          request, status, c.runtime().policy().controlCore(), 0, flushed::flushAfterDisconnect);
    } else {
      flushed.flushAfterDisconnect();
    }
  }

  /** The consumer issued the close: cancel what pends and tell a live peer. */
  void closeIssued() {
    SimConnector c = connector;
    State before = c.state;
    c.retransmit.cancel();
    if (drainLimit != null) {
      c.runtime().simulator().cancel(drainLimit);
      drainLimit = null;
    }
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
            && before != State.ABORTED
            && before != State.DISCONNECTED
            && before != State.CONNECTING;
    if (live && c.remote != null) {
      SimConnector other = c.remote;
      boolean established = before == State.CONNECTED || before == State.DISCONNECTING;
      c.send(established ? CmMessage.DREQ : CmMessage.REJ, other, other.teardown::onAborted);
    }
    // From Accept on (passive) and the REP's arrival on (active) the QP is RTR, RTS or on its way.
    boolean joined =
        before == State.CONNECTED
            || before == State.DISCONNECTING
            || before == State.ACCEPTING
            || before == State.JOINING
            || before == State.READYING
            || before == State.REPLIED;
    if (c.qp != null && joined) {
      c.runtime().engine().disconnect(c.qp);
    }
  }
}
