package org.rnicsim.ndk.verifier;

import java.util.function.Function;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/**
 * Connectors, listeners and shared endpoints (ndkpi-spec 1, 4): the QP/endpoint/listener ->
 * connector links that invariant 10 uses, and invariants 25 (disconnect event), 26 (a finished
 * Disconnect flushes), 27 and 28 (no connect event after a listener close or while paused), 29
 * (busy addresses).
 *
 * <p>Only explicit ports are tracked for invariant 29 (port 0 binds a port the verifier does not
 * learn), and addresses match exactly (a wildcard IP does not cover a specific one).
 */
final class ConnectionRules {

  private final VerifierCore core;

  ConnectionRules(VerifierCore core) {
    this.core = core;
  }

  /**
   * Connect, ConnectWithSharedEndpoint, Accept[Ex]: links the QP (and shared endpoint) to the
   * connector; the links go again if the request fails.
   *
   * @param source the explicit local address of an NdkConnect, else null
   */
  NtStatus connect(
      ConnectorShadow c,
      String op,
      NdkObject qp,
      NdkObject sharedEndpoint,
      NdkSockAddr source,
      NdkFnRequestCompletion completion,
      Function<NdkFnRequestCompletion, NtStatus> call) {
    VerifierCore.Admission a = core.admit(c, op, Frame.OpGroup.NONE);
    if (a == VerifierCore.Admission.RAW) {
      return call.apply(completion);
    }
    core.requireOpenArgument(c, op, qp);
    core.requireOpenArgument(c, op, sharedEndpoint);
    QpShadow q = core.shadowOf(qp) instanceof QpShadow s ? s : null;
    Shadow endpoint = core.shadowOf(sharedEndpoint);
    if (q != null) {
      Shadow.link(q, c);
      c.qp = q;
      q.connector = c;
      q.connectIssued = true;
    }
    Shadow.link(endpoint, c);
    Shadow busy = null;
    if (source != null && !source.isWildcardPort()) {
      busy = busyHolder(source, true);
      c.privateSource = source;
      core.addressHolders.add(c);
    }
    Shadow busyAtIssue = busy;
    return core.requests.forward(
        c,
        op,
        completion,
        call,
        status -> {
          if (NtStatusText.isSuccess(status) && busyAtIssue != null) {
            reportBusy(c, op, source, busyAtIssue);
          } else if (!NtStatusText.isSuccess(status)) {
            Shadow.unlink(q, c);
            Shadow.unlink(endpoint, c);
            c.privateSource = null;
          }
        });
  }

  /** NdkDisconnect: once it finishes, the QP is flushed (26) and no event may follow (25). */
  NtStatus disconnect(
      ConnectorShadow c,
      NdkFnRequestCompletion completion,
      Function<NdkFnRequestCompletion, NtStatus> call) {
    VerifierCore.Admission a = core.admit(c, "Disconnect", Frame.OpGroup.NONE);
    if (a == VerifierCore.Admission.RAW) {
      return call.apply(completion);
    }
    c.disconnectIssued = true;
    return core.requests.forward(
        c,
        "Disconnect",
        completion,
        call,
        status -> {
          c.disconnectDonePs = core.now();
          if (c.qp != null) {
            core.posts.onDisconnectDone(c.qp);
          }
        });
  }

  /** A disconnect event (plain or Ex) for {@code c}; {@code deliver} calls the consumer. */
  void disconnectEvent(ConnectorShadow c, Object detail, Runnable deliver) {
    Frame.Callback f = core.callbacks.start(c, CallbackKind.DISCONNECT_EVENT, detail, null);
    try {
      c.disconnectEvents++;
      if (f.ownerGone) {
        c.disconnectEvents--; // reported as 3, 6 or 11 already
      } else if (c.disconnectEvents > 1) {
        core.violate(
            Invariant.I25,
            Side.PROVIDER,
            c,
            "the disconnect event of " + c + " fired a second time for one connection");
      } else if (c.disconnectDonePs >= 0) {
        core.violate(
            Invariant.I25,
            Side.PROVIDER,
            c,
            "the disconnect event of "
                + c
                + " fired after the consumer's own Disconnect had completed");
      }
      deliver.run();
    } catch (NdkMisuseException refusedInside) {
      core.callbacks.refusedInside(f, refusedInside);
    } finally {
      core.callbacks.end(f);
    }
  }

  /** NdkListen: a successful Listen on a busy address breaks invariant 29. */
  NtStatus listen(
      ListenerShadow l,
      NdkSockAddr address,
      NdkFnRequestCompletion completion,
      Function<NdkFnRequestCompletion, NtStatus> call) {
    VerifierCore.Admission a = core.admit(l, "Listen", Frame.OpGroup.NONE);
    if (a == VerifierCore.Admission.RAW) {
      return call.apply(completion);
    }
    boolean explicit = address != null && !address.isWildcardPort();
    Shadow busy = explicit ? busyHolder(address, false) : null;
    return core.requests.forward(
        l,
        "Listen",
        completion,
        call,
        status -> {
          if (!NtStatusText.isSuccess(status)) {
            return;
          }
          if (busy != null) {
            reportBusy(l, "Listen", address, busy);
          }
          if (explicit) {
            l.address = address;
            core.addressHolders.add(l);
          }
        });
  }

  /** NdkControlConnectEvents: paused from its return on, resumed from its start (28). */
  void controlConnectEvents(ListenerShadow l, boolean pause, Runnable call) {
    if (!pause) {
      l.paused = false;
    }
    core.run(
        l,
        pause ? "ControlConnectEvents(pause)" : "ControlConnectEvents(resume)",
        Frame.OpGroup.NONE,
        call);
    if (pause && !l.state.isCloseIssued()) {
      l.paused = true;
    }
  }

  /** A connect event: checks 27 and 28, then hands the consumer a wrapped new connector. */
  void connectEvent(
      ListenerShadow l, NdkFnConnectEventCallback callback, Object ctx, NdkConnector connector) {
    Frame.Callback f = core.callbacks.start(l, CallbackKind.CONNECT_EVENT, null, null);
    try {
      boolean closing = l.state == ObjectState.CLOSING || l.state == ObjectState.CLOSE_PENDING;
      if (closing && !f.ownerGone) {
        core.violate(
            Invariant.I27,
            Side.PROVIDER,
            l,
            "a ConnectEvent for " + l + " fired after the consumer had issued its close");
      } else if (l.paused && !f.ownerGone) {
        core.violate(
            Invariant.I28,
            Side.PROVIDER,
            l,
            "a ConnectEvent for " + l + " fired while ControlConnectEvents had paused it");
      }
      NdkObject delivered = connector;
      if (connector != null) {
        ConnectorShadow c =
            core.adopt(
                new ConnectorShadow(
                    core.nextRef(NdkObjectType.CONNECTOR), l.root(), l.root(), core.historyDepth));
        Shadow.link(l, c);
        core.note(c, "handed out by the ConnectEvent of ", l);
        delivered = core.creates.deliver(c, connector, x -> {});
      }
      if (callback != null) {
        callback.connectEvent(ctx, delivered instanceof NdkConnector w ? w : connector);
      }
    } catch (NdkMisuseException refusedInside) {
      core.callbacks.refusedInside(f, refusedInside);
    } finally {
      core.callbacks.end(f);
    }
  }

  /** CreateSharedEndpoint: the address it will hold, and whether it was busy when asked for. */
  Shadow sharedEndpointRequested(EndpointShadow e, NdkSockAddr address) {
    if (address == null || address.isWildcardPort()) {
      return null;
    }
    e.address = address;
    return busyHolder(address, false);
  }

  /** The shared endpoint was delivered: report a busy address, start holding it. */
  void sharedEndpointDelivered(EndpointShadow e, Shadow busyAtIssue) {
    if (e.address == null) {
      return;
    }
    if (busyAtIssue != null) {
      reportBusy(e, "CreateSharedEndpoint", e.address, busyAtIssue);
    }
    core.addressHolders.add(e);
  }

  private void reportBusy(Shadow on, String op, NdkSockAddr address, Shadow holder) {
    core.violate(
        Invariant.I29,
        Side.PROVIDER,
        on,
        op
            + " on "
            + address
            + " succeeded although "
            + holder
            + " still held that address"
            + (holder.state.isCloseIssued()
                ? " (its close is issued, but " + stillUsing(holder) + ")"
                : ""));
  }

  private static String stillUsing(Shadow holder) {
    for (Shadow s : holder.successors) {
      if (s.type() == NdkObjectType.CONNECTOR && s.state != ObjectState.CLOSED) {
        return s + " using it is still open";
      }
    }
    return "it has not finished closing";
  }

  /**
   * Who holds {@code address} now, or null. Listeners and shared endpoints hold it until they and
   * every connector using them are closed; a connector's private endpoint holds it against Listen
   * and CreateSharedEndpoint until the connector is closed.
   */
  Shadow busyHolder(NdkSockAddr address, boolean forConnect) {
    core.addressHolders.removeIf(
        h -> h instanceof ConnectorShadow ? !h.state.isOpen() : released(h));
    for (Shadow h : core.addressHolders) {
      if (h instanceof ListenerShadow l && address.equals(l.address) && !released(l)) {
        return l;
      }
      if (h instanceof EndpointShadow e && address.equals(e.address) && !released(e)) {
        return e;
      }
      if (!forConnect
          && h instanceof ConnectorShadow c
          && address.equals(c.privateSource)
          && c.state.isOpen()) {
        return c;
      }
    }
    return null;
  }

  private static boolean released(Shadow holder) {
    if (holder.state.isOpen()) {
      return false;
    }
    for (Shadow s : holder.successors) {
      if (s.type() == NdkObjectType.CONNECTOR && s.state.isOpen()) {
        return false;
      }
    }
    return true;
  }
}
