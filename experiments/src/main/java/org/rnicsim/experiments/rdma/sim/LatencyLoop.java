package org.rnicsim.experiments.rdma.sim;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;
import org.rnicsim.model.profile.HostProfile;

/**
 * One client's perftest latency loop against the server, one message in flight at a time.
 *
 * <ul>
 *   <li>SEND (ib_send_lat): a ping-pong; each side sees the receive completion, re-posts the
 *       receive and sends back. One-way latency is half the round trip.
 *   <li>WRITE (ib_write_lat): a ping-pong of WRITEs; each side polls the last byte of its buffer,
 *       so it sees the message {@code cqPollDetect} after the payload lands, and writes back.
 *       One-way latency is half the round trip.
 *   <li>READ (ib_read_lat): the client READs and waits for the completion; the latency is the whole
 *       round trip, as ib_read_lat reports it.
 * </ul>
 *
 * Posting costs {@code postSendCpu} and the doorbell follows when the post returns; send
 * completions of SEND and WRITE are signalled but nobody waits for them.
 */
final class LatencyLoop {
  /** Lets the receive prefetch settle before the first round, as perftest's setup does. */
  static final long SETTLE_PS = 100_000_000L;

  private static final long CLIENT_BUFFER = 0x1000_0000L;
  private static final long SERVER_BUFFER = 0x4000_0000L;

  private final RnicSimulator simulator;
  private final HostProfile host;
  private final QpMesh.Side client;
  private final QpMesh.Side server;
  private final QueuePair clientQp;
  private final QueuePair serverQp;
  private final CpuCore clientCore;
  private final CpuCore serverCore;
  private final RdmaOperation operation;
  private final long bytes;
  private final boolean inline;
  private final int warmUp;
  private final int iterations;
  private final long bufferOffset;
  private final LatencySamples samples;
  private final MeasurementWindow window;
  private long roundStartPs;
  private int rounds;
  private long nextWrId;

  /** The client's loop settings and where it reports. */
  record Settings(
      RdmaOperation operation,
      long bytes,
      boolean inline,
      int warmUp,
      int iterations,
      LatencySamples samples,
      MeasurementWindow window) {}

  LatencyLoop(
      Machines machines, QpMesh mesh, int clientIndex, CpuCore serverCore, Settings settings) {
    this.simulator = machines.simulator();
    this.host = machines.hardware().host();
    this.client = mesh.client(clientIndex);
    this.server = mesh.server();
    QpMesh.Pair pair = mesh.pairs(clientIndex).get(0);
    this.clientQp = pair.clientQp();
    this.serverQp = pair.serverQp();
    this.clientCore = client.node().host().core(0);
    this.serverCore = serverCore;
    this.operation = settings.operation();
    this.bytes = settings.bytes();
    this.inline = settings.inline();
    this.warmUp = settings.warmUp();
    this.iterations = settings.iterations();
    this.samples = settings.samples();
    this.window = settings.window();
    // Each client's messages go to their own buffer on the server, page aligned.
    this.bufferOffset = clientIndex * ((bytes + 4095) / 4096 * 4096);
  }

  /** Hooks the loop to the dispatchers of its side's CQs and memory, then starts it. */
  void start(
      CqDispatch clientReceives,
      CqDispatch serverReceives,
      CqDispatch clientSends,
      WriteDispatch clientWrites,
      WriteDispatch serverWrites) {
    switch (operation) {
      case SEND -> {
        prePostReceives(client.rnic(), clientQp, CLIENT_BUFFER);
        prePostReceives(server.rnic(), serverQp, SERVER_BUFFER + bufferOffset);
        clientReceives.route(clientQp.qpn(), completion -> received(false));
        serverReceives.route(serverQp.qpn(), completion -> received(true));
      }
      case WRITE -> {
        clientWrites.route(clientQp, () -> landed(false));
        serverWrites.route(serverQp, () -> landed(true));
      }
      case READ -> clientSends.route(clientQp.qpn(), completion -> roundDone(simulator.nowPs()));
    }
    if (warmUp == 0) {
      window.warmedUp();
    }
    simulator.schedule(SETTLE_PS, () -> clientCore.submit(post(false)));
  }

  private void prePostReceives(Rnic rnic, QueuePair qp, long buffer) {
    for (int i = 0; i < qp.receiveQueueDepth(); i++) {
      rnic.postReceive(qp, nextWrId++, buffer, bytes);
    }
    rnic.ringReceiveDoorbell(qp);
  }

  private CpuCore.Work post(boolean fromServer) {
    Rnic rnic = fromServer ? server.rnic() : client.rnic();
    QueuePair qp = fromServer ? serverQp : clientQp;
    long local = fromServer ? SERVER_BUFFER + bufferOffset : CLIENT_BUFFER;
    long remote = fromServer ? CLIENT_BUFFER : SERVER_BUFFER + bufferOffset;
    SendWorkRequest request =
        new SendWorkRequest(
            nextWrId++,
            operation.opcode(),
            local,
            bytes,
            operation == RdmaOperation.SEND ? 0 : remote,
            true,
            inline);
    return new CpuCore.Work(
        CpuWorkKind.POST,
        host.postSendCpuPs(),
        () -> {
          if (!fromServer) {
            // perftest stamps the round right before ibv_post_send.
            roundStartPs = simulator.nowPs();
          }
          if (!rnic.postSend(qp, request)) {
            throw new IllegalStateException("send queue full or QP not ready: " + qp.describe());
          }
        },
        () -> rnic.ringSendDoorbell(qp));
  }

  /** A SEND arrived (its receive completion was polled): re-post the receive, then answer. */
  private void received(boolean atServer) {
    Rnic rnic = atServer ? server.rnic() : client.rnic();
    QueuePair qp = atServer ? serverQp : clientQp;
    long buffer = atServer ? SERVER_BUFFER + bufferOffset : CLIENT_BUFFER;
    CpuCore core = atServer ? serverCore : clientCore;
    long arrivedPs = simulator.nowPs();
    // perftest re-posts the receive before answering.
    core.submit(
        new CpuCore.Work(
            CpuWorkKind.POST,
            host.postRecvCpuPs(),
            () -> {
              rnic.postReceive(qp, nextWrId++, buffer, bytes);
              rnic.ringReceiveDoorbell(qp);
            },
            () -> {}));
    if (atServer) {
      core.submit(post(true));
    } else {
      roundDone(arrivedPs);
    }
  }

  /** A WRITE landed: the polling core sees its last byte a cache-line transfer later. */
  private void landed(boolean atServer) {
    CpuCore core = atServer ? serverCore : clientCore;
    core.submit(
        new CpuCore.Work(
            CpuWorkKind.CONSUMER,
            host.cqPollDetectPs(),
            () -> {},
            () -> {
              if (atServer) {
                core.submit(post(true));
              } else {
                roundDone(simulator.nowPs());
              }
            }));
  }

  /** The round's answer was seen at {@code seenPs}; the next round starts on the client core. */
  private void roundDone(long seenPs) {
    long roundPs = seenPs - roundStartPs;
    rounds++;
    if (rounds > warmUp) {
      samples.recordPs(operation == RdmaOperation.READ ? roundPs : roundPs / 2);
    }
    if (rounds == warmUp) {
      window.warmedUp();
    }
    if (rounds == warmUp + iterations) {
      window.finished();
      return;
    }
    clientCore.submit(post(false));
  }
}
