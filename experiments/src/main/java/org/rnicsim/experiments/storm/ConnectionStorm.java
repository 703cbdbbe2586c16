package org.rnicsim.experiments.storm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.experiments.rdma.sim.NdkConsumerSetup;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkCloseableObject;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.consumer.ScriptSettings;
import org.rnicsim.ndk.consumer.SimulatedHosts;

/**
 * One replication of a connection storm: a client host opens {@code pairs} connected QP pairs to a
 * server host as fast as the NDK lets it, then tears them all down, every call through the lifetime
 * verifier. At time zero the client issues every CreateQp and CreateConnector and the server every
 * CreateQp (one firmware command queue per adapter serialises them); the client connects each pair
 * as soon as its QP and connector exist, the server accepts each connect event with its next
 * created QP, and the client answers each Connect completion with CompleteConnect. A pair's setup
 * time runs from the client's Connect call to its CompleteConnect completion (the QP's MODIFY_QP
 * steps and the CM's MADs, queued behind whatever else the firmware has). Teardown starts once
 * every pair is up: the client disconnects every connector, the server disconnects each on its
 * disconnect event, and each side closes connector and QP when its Disconnect completes.
 */
final class ConnectionStorm {
  /** The port the server listens on. */
  private static final int PORT = 4791;

  /** IRD and ORD asked for on every connection. */
  private static final long READ_LIMIT = 8;

  /** Queue depths of every QP: the storm posts nothing, the depth only sizes the QP. */
  private static final long QUEUE_DEPTH = 16;

  /** How often the firmware queues are sampled while the storm builds up. */
  static final long SAMPLE_EVERY_PS = 5_000_000;

  private final int pairs;
  private final SimulatedHosts hosts;
  private final RnicSimulator simulator;
  private final Side client;
  private final Side server;
  private final long[] connectCalledPs;
  private final long[] setupPs;
  private final ArrayDeque<NdkConnector> unanswered = new ArrayDeque<>();
  private final List<long[]> occupancySamples = new ArrayList<>();
  private NdkListener serverListener;
  private long stormStartPs;
  private int acceptsIssued;
  private int clientsConnected;
  private int serversAccepted;
  private int qpsClosed;
  private boolean established;

  /** One host's NDK objects. */
  private static final class Side {
    final String host;
    NdkAdapter adapter;
    NdkPd pd;
    NdkCq cq;
    final ArrayDeque<NdkQp> freeQps = new ArrayDeque<>();
    NdkQp[] qps;
    NdkConnector[] connectors;

    Side(String host, int pairs) {
      this.host = host;
      this.qps = new NdkQp[pairs];
      this.connectors = new NdkConnector[pairs];
    }
  }

  /** What one replication measured. */
  record Outcome(
      long establishPs,
      long[] setupPs,
      long teardownPs,
      List<long[]> occupancySamples,
      int violations,
      long eventsExecuted) {}

  private ConnectionStorm(ScriptSettings settings, int pairs) {
    this.pairs = pairs;
    this.hosts = new SimulatedHosts(settings, entry -> {});
    this.simulator = hosts.simulator();
    this.client = new Side(settings.hosts().get(1), pairs);
    this.server = new Side(settings.hosts().get(0), pairs);
    this.connectCalledPs = new long[pairs];
    this.setupPs = new long[pairs];
  }

  /** Runs the storm of {@code pairs} connections on the hosts {@code settings} describe. */
  static Outcome run(ScriptSettings settings, int pairs) {
    ConnectionStorm storm = new ConnectionStorm(settings, pairs);
    storm.open(storm.server);
    storm.open(storm.client);
    storm.listen();
    storm.stormStartPs = storm.simulator.nowPs();
    storm.createAll();
    storm.sample();
    storm.simulator.runUntil(() -> storm.established);
    if (!storm.established) {
      throw new IllegalStateException(
          "the connection storm stalled: "
              + storm.clientsConnected
              + " of "
              + pairs
              + " pairs connected at the client, "
              + storm.serversAccepted
              + " accepted at the server");
    }
    long establishPs = storm.simulator.nowPs() - storm.stormStartPs;
    long teardownStartPs = storm.simulator.nowPs();
    storm.tearDown();
    storm.simulator.runUntil(() -> storm.qpsClosed == 2 * pairs);
    if (storm.qpsClosed < 2 * pairs) {
      throw new IllegalStateException(
          "the teardown stalled with " + storm.qpsClosed + " of " + 2 * pairs + " QPs closed");
    }
    long teardownPs = storm.simulator.nowPs() - teardownStartPs;
    storm.closeRest();
    return new Outcome(
        establishPs,
        storm.setupPs,
        teardownPs,
        storm.occupancySamples,
        storm.hosts.verifier().violations().size(),
        storm.simulator.eventsExecuted());
  }

  private void open(Side side) {
    side.adapter =
        hosts
            .verified(side.host)
            .openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2))
            .adapter();
    side.cq = create(cb -> side.adapter.createCq(QUEUE_DEPTH, null, null, null, cb, null));
    side.pd = create(cb -> side.adapter.createPd(cb, null));
  }

  private void listen() {
    NdkListener listener =
        create(
            cb ->
                server.adapter.createListener(
                    (ctx, connector) -> connectEvent(connector), null, cb, null));
    NtStatus[] listened = new NtStatus[1];
    NtStatus status =
        listener.listen(hosts.address(server.host, PORT), (ctx, s) -> listened[0] = s, null);
    if (status.isPending()) {
      simulator.runUntil(() -> listened[0] != null);
      status = listened[0];
    }
    NdkConsumerSetup.require(status, "Listen");
    serverListener = listener;
  }

  /** Time zero: every create the storm needs, queued at once. */
  private void createAll() {
    for (int i = 0; i < pairs; i++) {
      int pair = i;
      createPending(
          cb -> createQp(client, cb),
          qp -> {
            client.qps[pair] = qp;
            connectWhenReady(pair);
          });
      createPending(
          cb -> client.adapter.createConnector(cb, null),
          connector -> {
            client.connectors[pair] = connector;
            connectWhenReady(pair);
          });
      createPending(
          cb -> createQp(server, cb),
          qp -> {
            server.freeQps.addLast(qp);
            acceptWaiting();
          });
    }
  }

  private NdkCreateResult<NdkQp> createQp(Side side, NdkFnCreateCompletion cb) {
    return side.pd.createQp(side.cq, side.cq, null, QUEUE_DEPTH, QUEUE_DEPTH, 1, 1, 0, cb, null);
  }

  private void connectWhenReady(int pair) {
    NdkQp qp = client.qps[pair];
    NdkConnector connector = client.connectors[pair];
    if (qp == null || connector == null) {
      return;
    }
    connectCalledPs[pair] = simulator.nowPs();
    request(
        done ->
            connector.connect(
                qp,
                hosts.address(client.host, 0),
                hosts.address(server.host, PORT),
                READ_LIMIT,
                READ_LIMIT,
                null,
                done,
                null),
        "Connect",
        () -> connected(pair));
  }

  private void connected(int pair) {
    request(
        done -> client.connectors[pair].completeConnect(ctx -> {}, null, done, null),
        "CompleteConnect",
        () -> {
          setupPs[pair] = simulator.nowPs() - connectCalledPs[pair];
          clientsConnected++;
          checkEstablished();
        });
  }

  private void connectEvent(NdkConnector passive) {
    unanswered.addLast(passive);
    acceptWaiting();
  }

  /** Accepts waiting connect events while the server has created QPs to give them. */
  private void acceptWaiting() {
    while (!unanswered.isEmpty() && !server.freeQps.isEmpty()) {
      NdkConnector passive = unanswered.pollFirst();
      NdkQp qp = server.freeQps.pollFirst();
      acceptOne(passive, qp);
    }
  }

  private void acceptOne(NdkConnector passive, NdkQp qp) {
    int slot = acceptsIssued++;
    server.connectors[slot] = passive;
    server.qps[slot] = qp;
    request(
        done ->
            passive.accept(
                qp,
                READ_LIMIT,
                READ_LIMIT,
                null,
                ctx -> disconnectAndClose(server, slot),
                null,
                done,
                null),
        "Accept",
        () -> {
          serversAccepted++;
          checkEstablished();
        });
  }

  private void checkEstablished() {
    if (clientsConnected == pairs && serversAccepted == pairs) {
      established = true;
    }
  }

  /** Samples both adapters' firmware queues (waiting or executing) until every pair is up. */
  private void sample() {
    occupancySamples.add(
        new long[] {
          simulator.nowPs() - stormStartPs,
          hosts.machines().node(1).firmware().outstanding(),
          hosts.machines().node(0).firmware().outstanding()
        });
    if (!established) {
      simulator.schedule(SAMPLE_EVERY_PS, this::sample);
    }
  }

  private void tearDown() {
    for (int i = 0; i < pairs; i++) {
      disconnectAndClose(client, i);
    }
  }

  /** Disconnect, then close the connector and the QP once the Disconnect has completed. */
  private void disconnectAndClose(Side side, int pair) {
    NdkConnector connector = side.connectors[pair];
    request(
        done -> connector.disconnect(done, null),
        "Disconnect",
        () -> {
          close(connector, () -> {});
          close(side.qps[pair], () -> qpsClosed++);
        });
  }

  /** The listener, CQs and PDs, once no QP uses them. */
  private void closeRest() {
    int[] closed = new int[1];
    List<NdkCloseableObject> rest =
        List.of(serverListener, server.pd, server.cq, client.pd, client.cq);
    for (NdkCloseableObject object : rest) {
      close(object, () -> closed[0]++);
    }
    simulator.runUntil(() -> closed[0] == rest.size());
  }

  private void close(NdkCloseableObject object, Runnable closed) {
    NtStatus status = object.closeObject(ctx -> closed.run(), null);
    if (!status.isPending()) {
      NdkConsumerSetup.require(status, "Close");
      closed.run();
    }
  }

  private <T extends NdkObject> void createPending(
      Function<NdkFnCreateCompletion, NdkCreateResult<T>> call, Consumer<T> created) {
    NdkCreateResult<T> result =
        call.apply(
            (ctx, status, object) -> {
              NdkConsumerSetup.require(status, "a create");
              @SuppressWarnings("unchecked")
              T typed = (T) object;
              created.accept(typed);
            });
    if (!result.isPending()) {
      NdkConsumerSetup.require(result.status(), "a create");
      created.accept(result.object());
    }
  }

  private <T extends NdkObject> T create(Function<NdkFnCreateCompletion, NdkCreateResult<T>> call) {
    return NdkConsumerSetup.create(simulator, call);
  }

  /**
   * Issues a request and runs {@code then} once it has succeeded: in its request completion when it
   * pends, at once when it completes inline (no completion is delivered then).
   */
  private static void request(
      Function<NdkFnRequestCompletion, NtStatus> call, String what, Runnable then) {
    NtStatus status =
        call.apply(
            (ctx, completed) -> {
              NdkConsumerSetup.require(completed, what);
              then.run();
            });
    if (!status.isPending()) {
      NdkConsumerSetup.require(status, what);
      then.run();
    }
  }
}
