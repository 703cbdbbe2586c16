package org.rnicsim.ndk.provider.connection;

import java.net.InetAddress;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.adapter.AdapterConnections;
import org.rnicsim.ndk.provider.adapter.SimAdapter;
import org.rnicsim.ndk.provider.lifetime.Creation;
import org.rnicsim.ndk.provider.policy.CallbackKind;

/**
 * One provider's connection manager (ndkpi-spec 1, 2, 4): creates connectors, listeners and shared
 * endpoints, owns the ND ports of the provider's address, and takes incoming connection requests
 * from the {@link ConnectionFabric}. Several adapter instances of the provider share it.
 *
 * <p>Interp: these objects are connection-manager software, so their creates complete inline;
 * Listen completes inline too (the port is bound or refused at once).
 */
public final class SimConnections implements AdapterConnections {
  private final ConnectionFabric fabric;
  private final InetAddress address;
  private final PortTable ports = new PortTable();
  // Requests answered so far, by the active connector that sent them, so that a resent REQ is
  // recognised (looked up only, never iterated).
  private final Map<SimConnector, SimConnector> passiveByActive = new IdentityHashMap<>();

  /**
   * The connection manager answering on {@code address} for a provider built on {@code node}: its
   * messages leave and arrive through that node's adapter, and {@code address} maps to the
   * adapter's fabric address. Each MAD it sends or receives costs {@code cmMadCostPs} of host CPU
   * on the CM agent's core.
   */
  public SimConnections(
      ConnectionFabric fabric, InetAddress address, AdapterNode node, long cmMadCostPs) {
    this.fabric = fabric;
    this.address = address;
    fabric.register(address, this, node, cmMadCostPs);
  }

  public InetAddress address() {
    return address;
  }

  ConnectionFabric fabric() {
    return fabric;
  }

  PortTable ports() {
    return ports;
  }

  /** Sends {@code message} to the manager {@code to}, where {@code arrival} then runs. */
  void send(CmMessage message, SimConnections to, Runnable arrival) {
    fabric.send(message, this, to, arrival);
  }

  /** True once this manager's adapter was surprise-removed: it can neither send nor receive. */
  boolean adapterRemoved() {
    return fabric.isRemoved(this);
  }

  /** The passive connector is gone: a REQ resent by its active side is a new request now. */
  void forgetRequest(SimConnector active, SimConnector passive) {
    passiveByActive.remove(active, passive);
  }

  /** True if {@code socket} names this provider's address. */
  boolean isLocal(NdkSockAddr socket) {
    return socket != null && socket.ipAddress().equals(address);
  }

  @Override
  public NdkCreateResult<NdkSharedEndpoint> createSharedEndpoint(
      SimAdapter adapter,
      NdkSockAddr socket,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    if (!isLocal(socket)) {
      return NdkCreateResult.failed(NtStatus.INVALID_ADDRESS);
    }
    SimSharedEndpoint endpoint = new SimSharedEndpoint(adapter.runtime(), this);
    NtStatus[] failure = new NtStatus[1];
    int port = ports.bind(socket.port(), endpoint, failure);
    if (port < 0) {
      return NdkCreateResult.failed(failure[0]);
    }
    endpoint.bound(socket.withPort(port));
    endpoint.addAntecedent(adapter);
    return widen(Creation.complete(endpoint, createCompletion, requestContext, () -> {}));
  }

  @Override
  public NdkCreateResult<NdkConnector> createConnector(
      SimAdapter adapter, NdkFnCreateCompletion createCompletion, Object requestContext) {
    SimConnector connector = new SimConnector(adapter.runtime(), this);
    connector.addAntecedent(adapter);
    return widen(Creation.complete(connector, createCompletion, requestContext, () -> {}));
  }

  @Override
  public NdkCreateResult<NdkListener> createListener(
      SimAdapter adapter,
      NdkFnConnectEventCallback connectEvent,
      Object connectEventContext,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    SimListener listener =
        new SimListener(adapter.runtime(), this, adapter, connectEvent, connectEventContext);
    listener.addAntecedent(adapter);
    return widen(Creation.complete(listener, createCompletion, requestContext, () -> {}));
  }

  /**
   * A connection request arrived for this address. Without a listener on the port that accepts
   * events (none, paused, or its close issued: invariants 27, 28) it is refused with
   * CONNECTION_REFUSED (Interp of ndkpi-spec 4: "as if no listener existed"). Otherwise a passive
   * connector is made, a successor of the listener and the adapter, and handed to the consumer by
   * the connect event, which counts as a callback on the listener.
   */
  void onConnectRequest(
      SimConnector active,
      NdkSockAddr source,
      NdkSockAddr destination,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData) {
    SimConnector known = passiveByActive.get(active);
    if (known != null) {
      known.handshake.onRequestResent();
      return;
    }
    SimListener listener =
        ports.holder(destination.port()) instanceof SimListener l && l.acceptsConnections()
            ? l
            : null;
    if (listener == null) {
      refuse(active);
      return;
    }
    SimConnector passive = new SimConnector(listener.runtime(), this);
    passiveByActive.put(active, passive);
    passive.addAntecedent(listener.adapter());
    passive.addAntecedent(listener);
    passive.handshake.requested(
        active, destination, source, inboundReadLimit, outboundReadLimit, privateData);
    boolean[] delivered = new boolean[1];
    listener
        .runtime()
        .callbacks()
        .run(
            listener.runtime().policy().controlCore(),
            CallbackKind.CONNECT_EVENT,
            0,
            listener,
            List.of(listener, passive),
            listener::acceptsConnections,
            () -> {
              delivered[0] = true;
              passive.markDelivered();
              listener.connectEvent(passive);
            },
            () -> {
              if (!delivered[0]) {
                passive.markCreateFailed();
                passiveByActive.remove(active);
                refuse(active);
              }
            });
  }

  /** REJ: nobody takes the request (invariants 27, 28). */
  private void refuse(SimConnector active) {
    send(
        CmMessage.REJ, active.home, () -> active.handshake.onRejected(NtStatus.CONNECTION_REFUSED));
  }

  @SuppressWarnings("unchecked")
  private static <T extends NdkObject> NdkCreateResult<T> widen(
      NdkCreateResult<? extends T> result) {
    return (NdkCreateResult<T>) result;
  }
}
