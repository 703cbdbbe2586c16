package org.rnicsim.ndk.provider.work;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.EventHandle;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * A stand-in datapath: each connected QP executes its initiator requests one after another, each
 * taking {@link LoopbackTiming#serviceTimePs}; a Send (or SendAndInvalidate) then consumes the
 * peer's next receive and completes it before completing itself. Both QPs of a connection must use
 * the same engine (one engine per simulator serves any number of providers).
 *
 * <p>Assumptions, to be replaced by the rnic-model datapath: no DMA, PCIe or link contention; a
 * Send finding no receive at the peer waits until one is posted (an endless receiver-not-ready
 * retry) instead of failing; a receive buffer shorter than the send takes what fits and succeeds;
 * requests on a QP whose peer is gone complete with STATUS_CONNECTION_RESET (0xC000020D,
 * provider-defined per ndkpi-spec 5).
 */
public final class LoopbackWorkEngine implements WorkRequestEngine {

  private final RnicSimulator simulator;
  private final LoopbackTiming timing;
  // Looked up by identity only; never iterated, so its order cannot leak into the simulation.
  private final Map<WorkQueuePair, Endpoint> endpoints = new IdentityHashMap<>();

  public LoopbackWorkEngine(RnicSimulator simulator, LoopbackTiming timing) {
    this.simulator = simulator;
    this.timing = timing;
  }

  @Override
  public void connect(WorkQueuePair a, WorkQueuePair b) {
    Endpoint ea = endpoint(a);
    Endpoint eb = endpoint(b);
    if (ea.peer != null || eb.peer != null) {
      throw new IllegalStateException("a QP can be connected only once");
    }
    ea.peer = eb;
    eb.peer = ea;
  }

  @Override
  public boolean isConnected(WorkQueuePair qp) {
    Endpoint e = endpoints.get(qp);
    return e != null && e.peer != null;
  }

  @Override
  public void disconnect(WorkQueuePair qp) {
    Endpoint e = endpoints.get(qp);
    if (e == null || e.peer == null) {
      return;
    }
    Endpoint peer = e.peer;
    e.peer = null;
    peer.peer = null;
    e.wakeWaiters();
    peer.wakeWaiters();
    e.waitingForReceive = false;
    peer.waitingForReceive = false;
    e.kick();
    peer.kick();
  }

  @Override
  public void initiatorDoorbell(WorkQueuePair qp, List<WorkRequest> requests) {
    Endpoint e = endpoint(qp);
    e.queue.addAll(requests);
    e.kick();
  }

  @Override
  public void receiveDoorbell(WorkQueuePair qp) {
    Endpoint e = endpoints.get(qp);
    if (e != null) {
      e.wakeWaiters();
    }
  }

  @Override
  public List<WorkRequest> flush(WorkQueuePair qp) {
    Endpoint e = endpoints.get(qp);
    if (e == null) {
      return List.of();
    }
    if (e.head != null) {
      simulator.cancel(e.head);
      e.head = null;
    }
    if (e.waitingForReceive && e.peer != null) {
      e.peer.waiters.remove(e);
    }
    e.waitingForReceive = false;
    List<WorkRequest> left = new ArrayList<>(e.queue);
    e.queue.clear();
    return left;
  }

  @Override
  public boolean isIdle(WorkQueuePair qp) {
    Endpoint e = endpoints.get(qp);
    return e == null || e.queue.isEmpty();
  }

  @Override
  public void forget(WorkQueuePair qp) {
    disconnect(qp);
    flush(qp);
    endpoints.remove(qp);
  }

  private Endpoint endpoint(WorkQueuePair qp) {
    return endpoints.computeIfAbsent(qp, Endpoint::new);
  }

  private static boolean isLocal(NdkOperationType type) {
    return type == NdkOperationType.BIND
        || type == NdkOperationType.FAST_REGISTER
        || type == NdkOperationType.INVALIDATE;
  }

  /** One QP's side of the engine. */
  private final class Endpoint {
    final WorkQueuePair qp;
    final ArrayDeque<WorkRequest> queue = new ArrayDeque<>();
    final List<Endpoint> waiters = new ArrayList<>();
    Endpoint peer;
    EventHandle head;
    boolean waitingForReceive;

    Endpoint(WorkQueuePair qp) {
      this.qp = qp;
    }

    void kick() {
      if (head != null || waitingForReceive || queue.isEmpty()) {
        return;
      }
      WorkRequest request = queue.peekFirst();
      head =
          simulator.schedule(
              timing.serviceTimePs(isLocal(request.type()), request.bytes()), this::headDone);
    }

    void headDone() {
      head = null;
      WorkRequest request = queue.peekFirst();
      if (request == null) {
        return;
      }
      if (!isLocal(request.type()) && peer == null) {
        complete(request, PEER_GONE);
        return;
      }
      if (request.consumesReceive()) {
        WorkRequest receive = peer.qp.takeReceive();
        if (receive == null) {
          waitingForReceive = true;
          peer.waiters.add(this);
          return;
        }
        NdkOperationType type =
            request.invalidateToken() != 0
                ? NdkOperationType.RECEIVE_AND_INVALIDATE
                : NdkOperationType.RECEIVE;
        peer.qp.receiveDone(
            receive,
            NtStatus.SUCCESS,
            Math.min(request.bytes(), receive.bytes()),
            type,
            request.invalidateToken(),
            request.solicitsEvent());
      }
      complete(request, NtStatus.SUCCESS);
    }

    void complete(WorkRequest request, NtStatus status) {
      queue.removeFirst();
      qp.initiatorDone(request, status);
      kick();
    }

    void wakeWaiters() {
      List<Endpoint> woken = new ArrayList<>(waiters);
      waiters.clear();
      for (Endpoint waiter : woken) {
        if (waiter.waitingForReceive) {
          waiter.waitingForReceive = false;
          waiter.headDone();
        }
      }
    }
  }
}
