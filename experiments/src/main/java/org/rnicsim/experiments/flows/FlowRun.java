package org.rnicsim.experiments.flows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.completion.Completion;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.transport.QueuePair;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.testbed.Testbed;

/**
 * One job of a {@code flows} study: the machines, the QP pools, the arrivals and every flow's life.
 * A flow arrives, takes an idle QP of its (sender, receiver) pair (or waits for one), posts up to
 * {@code window} WRITEs of {@code messageBytes} and one more each time one completes, and ends when
 * the send CQE of its last WRITE lands in the sender's memory: its FCT runs from its arrival to
 * that moment. A WRITE completing in error fails its flow with the status; a flow still going
 * {@code drainPs} after the last arrival fails as unfinished. Poisson flows are measured when they
 * arrive after the warm-up; flows that all start at once are all measured, the warm-up then being
 * the time to converge that Jain's index and the goodput leave out. The host CPU is not modelled
 * for flows: posts reach the adapter at arrival and at each completion (an assumption: a polling
 * core that reacts at once), so the FCT is the adapter's and the fabric's.
 */
final class FlowRun {
  /** Intervals the span from the first arrival to the last is sampled in (rates, queues). */
  static final int SAMPLES = 40;

  static final String UNFINISHED = "unfinished at the drain limit";
  static final String NO_QP = "still waiting for a free QP of its pair at the drain limit";
  static final String WRITE_ERROR = "a WRITE completed with ";

  private static final long LOCAL_ADDRESS = 0x1000_0000L;
  private static final long REMOTE_ADDRESS = 0x2000_0000L;

  /** One flow's life. */
  static final class Flow {
    final int sender;
    final int receiver;
    final long bytes;
    final long arrivalPs;
    final boolean measured;
    QueuePair qp;
    long postedBytes;
    long doneBytes;
    int outstanding;
    long progressPs;
    long endPs = -1;
    String failure;
    double[] sampleBytes;

    Flow(int sender, int receiver, long bytes, long arrivalPs, boolean measured) {
      this.sender = sender;
      this.receiver = receiver;
      this.bytes = bytes;
      this.arrivalPs = arrivalPs;
      this.measured = measured;
    }

    long fctPs() {
      return endPs - arrivalPs;
    }

    boolean ended() {
      return endPs >= 0 || failure != null;
    }
  }

  private final Testbed testbed;
  private final RnicSimulator simulator;
  private final FlowTraffic traffic;
  private final FlowQps qps;
  private final List<Map<Integer, Flow>> active = new ArrayList<>();
  private final Map<Long, ArrayDeque<Flow>> waiting = new HashMap<>();
  private final List<Completion> polled = new ArrayList<>();
  final List<Flow> flows = new ArrayList<>();
  final FabricProbe probe;
  final long startPs;
  final long samplePs;
  final double[][] txBytes;
  long waitedForQp;
  long setupEvents;
  private long lastArrivalPs;
  private int unended;

  private FlowRun(Testbed testbed, FlowTraffic traffic, List<int[]> destinations, long spanPs) {
    this.testbed = testbed;
    this.simulator = testbed.simulator();
    this.traffic = traffic;
    this.qps = FlowQps.connect(testbed, destinations, traffic.qpsPerPair(), traffic.window());
    for (int m = 0; m < testbed.size(); m++) {
      int machine = m;
      active.add(new HashMap<>());
      qps.sendCq(m).setListener(cq -> landed(machine, cq));
    }
    this.probe = new FabricProbe(testbed);
    this.startPs = simulator.nowPs();
    this.samplePs = Math.max(1, spanPs / SAMPLES);
    this.txBytes = new double[testbed.size()][SAMPLES];
  }

  /**
   * The machines of {@code plan} cabled by its topology, named host0 .. hostN-1: every host port of
   * a leaf-spine, the server and the clients on one switch.
   */
  static Testbed machines(TestbedPlan plan, int machines, long seed, int replication, String id) {
    List<String> names = new ArrayList<>();
    for (int m = 0; m < machines; m++) {
      names.add("host" + m);
    }
    RnicSimulator simulator = new RnicSimulator(id);
    StatisticsRegistry stats = new StatisticsRegistry(simulator);
    stats.observeOnly(FabricProbe::reads);
    return Testbed.builder(simulator, plan.hardware())
        .stats(stats)
        .names(names)
        .cabling(plan.topology().cabling())
        .interruptCosts(plan.completion().costs())
        .streams(new RandomStreams(seed, replication))
        .build();
  }

  /**
   * Runs case {@code loadIndex}: arrivals for {@code warmUpPs + durationPs}, flows arriving after
   * the warm-up measured, then up to the drain limit for the flows to end.
   */
  /** The machines and QP pools set up and the arrivals scheduled, nothing run since. */
  static FlowRun prepare(
      TestbedPlan plan,
      FlowTraffic traffic,
      int loadIndex,
      long seed,
      int replication,
      long warmUpPs,
      long durationPs) {
    String id =
        String.format(
            Locale.ROOT,
            "flows-%s-load%.2f-rep%d",
            traffic.pattern().fileName(),
            traffic.loads().get(loadIndex),
            replication);
    Testbed testbed = machines(plan, plan.topology().fabricHosts(), seed, replication, id);
    RandomStreams streams = testbed.streams();
    FlowPattern pattern = traffic.pattern();
    List<int[]> destinations =
        pattern.destinations(
            testbed.size(), traffic.incastSenders(), streams.stream("flows.permutation"));
    FlowRun flowRun = new FlowRun(testbed, traffic, destinations, warmUpPs + durationPs);
    long measureFromPs = flowRun.startPs + warmUpPs;
    long lastArrivalPs = flowRun.startPs + warmUpPs + durationPs;
    double meanGapPs = traffic.meanGapPs(loadIndex, plan.hardware().port().rateBitsPerSecond());
    for (int sender : pattern.senders(testbed.size(), traffic.incastSenders())) {
      SimRandom sizes = streams.stream("flows.host" + sender + ".sizes");
      SimRandom targets = streams.stream("flows.host" + sender + ".destinations");
      int[] choices = destinations.get(sender);
      Runnable arrive =
          () -> {
            int receiver = choices[(int) targets.nextLong(choices.length)];
            long now = flowRun.simulator.nowPs();
            flowRun.arrive(
                new Flow(
                    sender,
                    receiver,
                    traffic.sizes().draw(sizes),
                    now,
                    !traffic.poisson() || now >= measureFromPs));
          };
      if (traffic.poisson()) {
        SimRandom gaps = streams.stream("flows.host" + sender + ".arrivals");
        flowRun.poisson(arrive, gaps, meanGapPs, lastArrivalPs);
      } else {
        flowRun.simulator.scheduleAt(flowRun.startPs, arrive);
      }
    }
    flowRun.sample();
    flowRun.lastArrivalPs = lastArrivalPs;
    flowRun.setupEvents = flowRun.simulator.eventsExecuted();
    return flowRun;
  }

  /** Runs the arrivals, then up to the drain limit for the flows to end. */
  void runTraffic() {
    simulator.runUntil(lastArrivalPs);
    drain(lastArrivalPs + traffic.drainPs());
  }

  /**
   * The FCT of one flow of {@code bytes} alone on an idle network: machines 0 to {@code receiver}
   * cabled as the study's are, the flow from machine 0 to {@code receiver} on a QP made for it
   * beforehand.
   */
  static long loneFctPs(TestbedPlan plan, FlowTraffic traffic, long bytes, int receiver) {
    Testbed testbed = machines(plan, receiver + 1, 1, 0, "flows-alone-" + bytes + "B");
    List<int[]> destinations = new ArrayList<>();
    destinations.add(new int[] {receiver});
    for (int m = 1; m <= receiver; m++) {
      destinations.add(new int[0]);
    }
    FlowRun flowRun = new FlowRun(testbed, traffic, destinations, SimTime.PS_PER_MS);
    Flow flow = new Flow(0, receiver, bytes, flowRun.simulator.nowPs(), true);
    flowRun.arrive(flow);
    flowRun.drain(Long.MAX_VALUE);
    if (flow.endPs < 0) {
      throw new IllegalStateException(
          "a lone flow of " + bytes + " B did not finish: " + flow.failure);
    }
    return flow.fctPs();
  }

  private void poisson(Runnable arrive, SimRandom gaps, double meanGapPs, long lastPs) {
    long firstPs = startPs + gaps.exponentialPs(meanGapPs);
    if (firstPs > lastPs) {
      return;
    }
    simulator.scheduleAt(
        firstPs,
        new Runnable() {
          @Override
          public void run() {
            arrive.run();
            long nextPs = simulator.nowPs() + gaps.exponentialPs(meanGapPs);
            if (nextPs <= lastPs) {
              simulator.scheduleAt(nextPs, this);
            }
          }
        });
  }

  /** Schedules the samples at the end of each interval. */
  private void sample() {
    for (int k = 0; k < SAMPLES; k++) {
      simulator.scheduleAt(startPs + (k + 1) * samplePs, probe::sample);
    }
  }

  private void drain(long limitPs) {
    simulator.runUntil(() -> unended == 0 || simulator.nowPs() >= limitPs);
    for (Flow flow : flows) {
      if (flow.ended()) {
        continue;
      }
      flow.failure =
          flow.qp == null
              ? NO_QP
              : String.format(
                  Locale.ROOT, "%s (%d of %d bytes done)", UNFINISHED, flow.doneBytes, flow.bytes);
    }
  }

  private void arrive(Flow flow) {
    flows.add(flow);
    unended++;
    QueuePair qp = qps.queue(flow.sender, flow.receiver).poll();
    if (qp == null) {
      waitedForQp++;
      waiting.computeIfAbsent(pairKey(flow), k -> new ArrayDeque<>()).add(flow);
    } else {
      start(flow, qp);
    }
  }

  private static long pairKey(Flow flow) {
    return ((long) flow.sender << 32) | flow.receiver;
  }

  private void start(Flow flow, QueuePair qp) {
    flow.qp = qp;
    flow.progressPs = simulator.nowPs();
    active.get(flow.sender).put(qp.qpn(), flow);
    post(flow);
  }

  private void post(Flow flow) {
    Rnic nic = testbed.node(flow.sender).rnic();
    boolean posted = false;
    while (flow.outstanding < traffic.window() && flow.postedBytes < flow.bytes) {
      long length = Math.min(traffic.messageBytes(), flow.bytes - flow.postedBytes);
      SendWorkRequest write =
          SendWorkRequest.write(flows.size(), LOCAL_ADDRESS, length, REMOTE_ADDRESS);
      if (!nic.postSend(flow.qp, write)) {
        throw new IllegalStateException("send queue smaller than the window: " + flow.qp);
      }
      flow.postedBytes += length;
      flow.outstanding++;
      posted = true;
    }
    if (posted) {
      nic.ringSendDoorbell(flow.qp);
    }
  }

  private void landed(int machine, CompletionQueue cq) {
    polled.clear();
    cq.poll(Integer.MAX_VALUE, polled);
    long now = simulator.nowPs();
    for (Completion completion : polled) {
      Flow flow = active.get(machine).get(completion.qpn());
      if (flow == null) {
        continue;
      }
      if (!completion.isSuccess()) {
        active.get(machine).remove(completion.qpn());
        flow.failure = WRITE_ERROR + completion.status();
        unended--;
        continue;
      }
      // RC completes a QP's WRITEs in order: this is the oldest outstanding one.
      long length = Math.min(traffic.messageBytes(), flow.bytes - flow.doneBytes);
      spread(flow, flow.progressPs, now, length);
      flow.progressPs = now;
      flow.doneBytes += length;
      flow.outstanding--;
      if (flow.doneBytes == flow.bytes) {
        finish(flow, now);
      } else {
        post(flow);
      }
    }
  }

  private void finish(Flow flow, long now) {
    flow.endPs = now;
    unended--;
    active.get(flow.sender).remove(flow.qp.qpn());
    ArrayDeque<Flow> queued = waiting.get(pairKey(flow));
    Flow next = queued == null ? null : queued.poll();
    if (next != null) {
      start(next, flow.qp);
    } else {
      qps.queue(flow.sender, flow.receiver).add(flow.qp);
    }
  }

  /**
   * Counts {@code bytes} as sent evenly over [{@code fromPs}, {@code toPs}] in the sampled
   * intervals, for the sender and the flow: a rate from whole WRITEs without their steps.
   */
  private void spread(Flow flow, long fromPs, long toPs, long bytes) {
    if (toPs <= fromPs) {
      addSample(flow, (int) ((toPs - startPs) / samplePs), bytes);
      return;
    }
    double perPs = (double) bytes / (toPs - fromPs);
    int first = (int) ((fromPs - startPs) / samplePs);
    for (int k = first; k < SAMPLES; k++) {
      long lowPs = Math.max(fromPs, startPs + k * samplePs);
      long highPs = Math.min(toPs, startPs + (k + 1) * samplePs);
      if (lowPs >= toPs) {
        break;
      }
      addSample(flow, k, perPs * (highPs - lowPs));
    }
  }

  private void addSample(Flow flow, int k, double bytes) {
    if (k < 0 || k >= SAMPLES) {
      return;
    }
    txBytes[flow.sender][k] += bytes;
    if (flow.sampleBytes == null) {
      flow.sampleBytes = new double[SAMPLES];
    }
    flow.sampleBytes[k] += bytes;
  }

  long eventsExecuted() {
    return simulator.eventsExecuted();
  }
}
