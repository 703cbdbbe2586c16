package org.rnicsim.model.adapter.transport;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.QueueStatistic;
import org.rnicsim.engine.stats.StatisticsRegistry;

/**
 * A fixed-function pipeline stage of the adapter (doorbell unit, send pipeline, receive pipeline):
 * it accepts at most one item per issue gap and adds a fixed latency. Like the link serialisers it
 * is arithmetic, not an event: {@link #pass} returns when the item leaves the stage.
 *
 * <p>Statistics: {@code <name>.busyPs} (utilisation = busyPs / observed time), {@code
 * <name>.items}, and the queue {@code <name>}: an item is in it from when it is ready until it
 * leaves the stage.
 */
public final class PipelineStage {
  private final RnicSimulator simulator;
  private final long issueGapPs;
  private final long latencyPs;
  private final Counter busyPs;
  private final Counter items;
  private final QueueStatistic queue;
  private long nextFreePs;

  public PipelineStage(
      RnicSimulator simulator,
      String name,
      long issueGapPs,
      long latencyPs,
      StatisticsRegistry stats) {
    if (issueGapPs < 0 || latencyPs < 0) {
      throw new IllegalArgumentException(name + ": negative gap or latency");
    }
    this.simulator = simulator;
    this.issueGapPs = issueGapPs;
    this.latencyPs = latencyPs;
    this.busyPs = stats.counter(name + ".busyPs");
    this.items = stats.counter(name + ".items");
    this.queue = stats.queue(name);
  }

  /** The earliest time the stage takes its next item. */
  public long nextFreePs() {
    return nextFreePs;
  }

  /**
   * An item ready at {@code readyAtPs} enters when the stage may take it; returns when it leaves.
   */
  public long pass(long readyAtPs) {
    long arrivalPs = Math.max(readyAtPs, simulator.nowPs());
    long enterPs = Math.max(arrivalPs, nextFreePs);
    nextFreePs = enterPs + issueGapPs;
    busyPs.add(issueGapPs);
    items.increment();
    queue.record(arrivalPs, enterPs + latencyPs);
    return enterPs + latencyPs;
  }
}
