package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.transport.QpState;
import org.rnicsim.model.adapter.transport.QueuePair;

/**
 * Every client's QPs connected to QPs on the server, set up the way a driver does it: CQs, then
 * QPs, then INIT, RTR (to the peer) and RTS, each a firmware command that takes simulated time.
 * Every machine has one send CQ and one receive CQ that all its QPs share; the server's are as many
 * times deeper as there are clients, since it completes work for all of them.
 */
public final class QpMesh {
  /** One machine's adapter and its two CQs. */
  public record Side(AdapterNode node, CompletionQueue sendCq, CompletionQueue receiveCq) {
    public Rnic rnic() {
      return node.rnic();
    }
  }

  /** A client QP and the server QP it is connected to. */
  public record Pair(QueuePair clientQp, QueuePair serverQp) {}

  private final Side server;
  private final List<Side> clients;
  private final List<List<Pair>> pairs;

  private QpMesh(Side server, List<Side> clients, List<List<Pair>> pairs) {
    this.server = server;
    this.clients = clients;
    this.pairs = pairs;
  }

  /** Sets everything up, running the simulation until it is done. */
  public static QpMesh connect(Machines machines, int qpsPerClient, int qpDepth, int cqDepth) {
    RnicSimulator simulator = machines.simulator();
    int clientCount = machines.clients().size();
    int serverCqDepth =
        (int) Math.min((long) cqDepth * clientCount, machines.hardware().limits().maxCqDepth());
    Side[] server = new Side[1];
    List<Side> clients = new ArrayList<>();
    Await await = new Await(simulator, "creating CQs");
    createSide(machines.server(), serverCqDepth, await, side -> server[0] = side);
    for (AdapterNode client : machines.clients()) {
      createSide(client, cqDepth, await, clients::add);
    }
    await.run();
    // Clients were created in order, but callbacks may not come back in order: sort by name.
    clients.sort((a, b) -> compareNames(a.rnic().name(), b.rnic().name()));

    List<List<Pair>> pairs = new ArrayList<>();
    QueuePair[][] clientQps = new QueuePair[clientCount][qpsPerClient];
    QueuePair[][] serverQps = new QueuePair[clientCount][qpsPerClient];
    await = new Await(simulator, "creating QPs");
    for (int c = 0; c < clientCount; c++) {
      for (int q = 0; q < qpsPerClient; q++) {
        int client = c;
        int index = q;
        createQp(clients.get(c), qpDepth, await, qp -> clientQps[client][index] = qp);
        createQp(server[0], qpDepth, await, qp -> serverQps[client][index] = qp);
      }
    }
    await.run();
    for (int c = 0; c < clientCount; c++) {
      List<Pair> ofClient = new ArrayList<>();
      for (int q = 0; q < qpsPerClient; q++) {
        ofClient.add(new Pair(clientQps[c][q], serverQps[c][q]));
      }
      pairs.add(ofClient);
    }
    connectAll(simulator, clients, server[0], pairs);
    return new QpMesh(server[0], List.copyOf(clients), pairs);
  }

  private static int compareNames(String a, String b) {
    return Integer.compare(a.length(), b.length()) != 0
        ? Integer.compare(a.length(), b.length())
        : a.compareTo(b);
  }

  private static void createSide(
      AdapterNode node, int cqDepth, Await await, java.util.function.Consumer<Side> done) {
    CompletionQueue[] cqs = new CompletionQueue[2];
    Runnable created =
        await.expect(
            () -> {
              if (cqs[0] != null && cqs[1] != null) {
                done.accept(new Side(node, cqs[0], cqs[1]));
              }
            },
            2);
    node.rnic()
        .createCq(
            cqDepth,
            null,
            cq -> {
              cqs[0] = cq;
              created.run();
            });
    node.rnic()
        .createCq(
            cqDepth,
            null,
            cq -> {
              cqs[1] = cq;
              created.run();
            });
  }

  private static void createQp(
      Side side, int qpDepth, Await await, java.util.function.Consumer<QueuePair> done) {
    Runnable created = await.expect(() -> {}, 1);
    side.rnic()
        .createQp(
            side.sendCq(),
            side.receiveCq(),
            qpDepth,
            qpDepth,
            qp -> {
              done.accept(qp);
              created.run();
            });
  }

  private static void connectAll(
      RnicSimulator simulator, List<Side> clients, Side server, List<List<Pair>> pairs) {
    Await init = new Await(simulator, "moving QPs to INIT");
    forEachPair(
        clients,
        server,
        pairs,
        (client, pair) -> {
          client.rnic().modifyQp(pair.clientQp(), QpState.INIT, init.expect(() -> {}, 1));
          server.rnic().modifyQp(pair.serverQp(), QpState.INIT, init.expect(() -> {}, 1));
        });
    init.run();
    Await rtr = new Await(simulator, "connecting QPs");
    forEachPair(
        clients,
        server,
        pairs,
        (client, pair) -> {
          client
              .rnic()
              .connectQp(
                  pair.clientQp(),
                  server.rnic().address(),
                  pair.serverQp().qpn(),
                  rtr.expect(() -> {}, 1));
          server
              .rnic()
              .connectQp(
                  pair.serverQp(),
                  client.rnic().address(),
                  pair.clientQp().qpn(),
                  rtr.expect(() -> {}, 1));
        });
    rtr.run();
    Await rts = new Await(simulator, "moving QPs to RTS");
    forEachPair(
        clients,
        server,
        pairs,
        (client, pair) -> {
          client.rnic().modifyQp(pair.clientQp(), QpState.RTS, rts.expect(() -> {}, 1));
          server.rnic().modifyQp(pair.serverQp(), QpState.RTS, rts.expect(() -> {}, 1));
        });
    rts.run();
  }

  private interface PairAction {
    void apply(Side client, Pair pair);
  }

  private static void forEachPair(
      List<Side> clients, Side server, List<List<Pair>> pairs, PairAction action) {
    for (int c = 0; c < clients.size(); c++) {
      for (Pair pair : pairs.get(c)) {
        action.apply(clients.get(c), pair);
      }
    }
  }

  public Side server() {
    return server;
  }

  /** Client {@code index}, counted from 0 ({@code client1} is 0). */
  public Side client(int index) {
    return clients.get(index);
  }

  public int clientCount() {
    return clients.size();
  }

  /** The QP pairs of client {@code index}, in creation order. */
  public List<Pair> pairs(int index) {
    return pairs.get(index);
  }
}
