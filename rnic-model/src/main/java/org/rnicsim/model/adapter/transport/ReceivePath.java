package org.rnicsim.model.adapter.transport;

import java.util.ArrayDeque;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.congestion.CnpPacer;
import org.rnicsim.model.adapter.congestion.Dcqcn;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.fabric.PacketSink;

/**
 * The adapter's receive pipeline: every packet from the port passes the receive pipeline stage and
 * a QP context lookup, then goes to the responder (requests) or the requester (responses).
 *
 * <p>Per QP, packets are handled strictly in arrival order. When one has to wait (a context or
 * translation fill, a receive WQE still being fetched) it stays at the head of the QP's backlog and
 * later packets of that QP queue behind it; other QPs go on. The backlog is allocated the first
 * time a QP has to wait.
 *
 * <p>With DCQCN on, a CNP goes straight to its QP's reaction point (assumption: without taking a
 * slot of the receive pipeline or a context lookup), and a CE-marked request, once through the
 * receive pipeline, to its QP's notification point, whatever then becomes of the packet.
 *
 * <p>Statistics: {@code <adapter>.rx.packets}, {@code <adapter>.rx.dropped} (no such QP, wrong
 * state, adapter removed), {@code <adapter>.rx.waits} (packets that had to wait).
 */
final class ReceivePath implements PacketSink {
  private final TransportContext ctx;
  private final Responder responder;
  private final Requester requester;
  private final Counter packets;
  private final Counter dropped;
  private final Counter waits;

  ReceivePath(
      TransportContext ctx, Responder responder, Requester requester, StatisticsRegistry stats) {
    this.ctx = ctx;
    this.responder = responder;
    this.requester = requester;
    this.packets = stats.counter(ctx.adapterName + ".rx.packets");
    this.dropped = stats.counter(ctx.adapterName + ".rx.dropped");
    this.waits = stats.counter(ctx.adapterName + ".rx.waits");
  }

  @Override
  public void receive(Packet packet) {
    packets.increment();
    QueuePair qp = ctx.qps.get(packet.destinationQpn());
    if (ctx.removed || qp == null || !accepts(qp, packet)) {
      dropped.increment();
      return;
    }
    Dcqcn dcqcn = ctx.dcqcn;
    if (dcqcn != null && packet.opcode().isCongestionNotification()) {
      cnpArrived(qp, dcqcn);
      return;
    }
    if (packet.payloadBytes() > 0 && !ctx.receiveBuffer.admits(packet.payloadBytes())) {
      dropped.increment();
      return;
    }
    long readyPs = ctx.receivePipeline.pass(ctx.nowPs());
    if (dcqcn != null && packet.congestionExperienced()) {
      cnpPacer(qp, dcqcn).marked(readyPs);
    }
    if (qp.rxBlocked || (qp.rxBacklog != null && !qp.rxBacklog.isEmpty())) {
      backlog(qp).addLast(packet);
      ctx.rxBackloggedPackets.add(1);
      ctx.receiveBuffer.backlogged(packet.payloadBytes());
      return;
    }
    dispatch(qp, packet, readyPs);
  }

  private void cnpArrived(QueuePair qp, Dcqcn dcqcn) {
    if (qp.reactionPoint == null) {
      qp.reactionPoint = dcqcn.newReactionPoint(() -> requester.reactivate(qp));
    }
    qp.reactionPoint.cnpReceived();
    dcqcn.countCnpReceived();
  }

  private CnpPacer cnpPacer(QueuePair qp, Dcqcn dcqcn) {
    if (qp.cnpPacer == null) {
      qp.cnpPacer =
          dcqcn.newCnpPacer(
              readyAtPs -> {
                if (ctx.qps.get(qp.qpn) == qp && !ctx.removed) {
                  ctx.sendCnp(qp, readyAtPs);
                }
              });
    }
    return qp.cnpPacer;
  }

  private static boolean accepts(QueuePair qp, Packet packet) {
    return packet.opcode().isRequest() ? qp.state.receivesRequests() : qp.state == QpState.RTS;
  }

  /** Handles {@code packet}; false if it had to wait and is now the head of the backlog. */
  private boolean dispatch(QueuePair qp, Packet packet, long readyAtPs) {
    long contextPs = readyAtPs;
    if (!qp.rxContextHeld) {
      contextPs = ctx.context(qp.qpn, readyAtPs);
      if (contextPs < 0) {
        waitForFill(qp, packet);
        return false;
      }
      // Held until this packet is done, so a later fill it waits for cannot evict it into a loop.
      qp.rxContextHeld = true;
    }
    int result = Responder.DONE;
    if (packet.opcode().isRequest()) {
      result = responder.handleRequest(qp, packet, contextPs);
    } else {
      requester.responses().handleResponse(qp, packet, contextPs);
    }
    if (result == Responder.BLOCKED_ON_CACHE) {
      waitForFill(qp, packet);
      return false;
    }
    if (result == Responder.BLOCKED_ON_RECEIVE_WQE) {
      waits.increment();
      qp.rxBlocked = true;
      backlog(qp).addFirst(packet);
      ctx.rxBackloggedPackets.add(1);
      ctx.receiveBuffer.backlogged(packet.payloadBytes());
      return false;
    }
    qp.rxContextHeld = false;
    return true;
  }

  private void waitForFill(QueuePair qp, Packet packet) {
    waits.increment();
    qp.rxBlocked = true;
    backlog(qp).addFirst(packet);
    ctx.rxBackloggedPackets.add(1);
    ctx.receiveBuffer.backlogged(packet.payloadBytes());
    ctx.resumeAfterMiss(qp, () -> resume(qp));
  }

  /** A receive WQE the head packet may be waiting for has arrived. */
  void receiveWqeArrived(QueuePair qp) {
    if (qp.rxBlocked) {
      resume(qp);
    }
  }

  private void resume(QueuePair qp) {
    qp.rxBlocked = false;
    ArrayDeque<Packet> backlog = qp.rxBacklog;
    while (!qp.rxBlocked && backlog != null && !backlog.isEmpty()) {
      Packet packet = backlog.pollFirst();
      ctx.rxBackloggedPackets.add(-1);
      ctx.receiveBuffer.backlogged(-packet.payloadBytes());
      if (!dispatch(qp, packet, ctx.nowPs())) {
        return;
      }
    }
  }

  /** Forgets what a QP had waiting: it left service. */
  static void clear(QueuePair qp, TransportContext ctx) {
    qp.rxBlocked = false;
    qp.rxContextHeld = false;
    if (qp.rxBacklog != null) {
      ctx.rxBackloggedPackets.add(-qp.rxBacklog.size());
      for (Packet packet : qp.rxBacklog) {
        ctx.receiveBuffer.backlogged(-packet.payloadBytes());
      }
      qp.rxBacklog.clear();
    }
  }

  private static ArrayDeque<Packet> backlog(QueuePair qp) {
    if (qp.rxBacklog == null) {
      qp.rxBacklog = new ArrayDeque<>(4);
    }
    return qp.rxBacklog;
  }
}
