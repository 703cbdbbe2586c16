package org.rnicsim.experiments.rdma.sim;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.Testbed;

/**
 * The machines of one job: a server and its clients, each a host with an adapter as a driver sees
 * it (datapath, firmware command queue, event queues and interrupts), cabled back to back or
 * through a switch by the model's {@link Testbed}. Adapters are named {@code server} and {@code
 * client1} .. {@code clientN}, so their statistics read {@code client1.latency.write.onWirePs}.
 */
public final class Machines {
  private final TestbedPlan plan;
  private final Testbed testbed;

  /**
   * @param seed the study's master seed
   * @param replication with the seed, decides every random number of the job
   * @param id names the simulator in messages
   */
  public Machines(TestbedPlan plan, long seed, int replication, String id) {
    this.plan = plan;
    List<String> names = new ArrayList<>();
    names.add("server");
    for (int c = 1; c <= plan.topology().clients(); c++) {
      names.add("client" + c);
    }
    this.testbed =
        Testbed.builder(new RnicSimulator(id), plan.hardware())
            .names(names)
            .cabling(plan.topology().cabling())
            .interruptCosts(plan.completion().costs())
            .streams(new RandomStreams(seed, replication))
            .build();
  }

  /** Packets the switch dropped on any port since the statistics were last reset; 0 unswitched. */
  public long switchDrops() {
    return testbed.switchDrops();
  }

  public RnicSimulator simulator() {
    return testbed.simulator();
  }

  public StatisticsRegistry stats() {
    return testbed.stats();
  }

  public RandomStreams streams() {
    return testbed.streams();
  }

  public TestbedPlan plan() {
    return plan;
  }

  public HardwareProfile hardware() {
    return plan.hardware();
  }

  public AdapterNode server() {
    return testbed.node(0);
  }

  public List<AdapterNode> clients() {
    return testbed.nodes().subList(1, testbed.size());
  }
}
