package org.rnicsim.model.host;

import java.util.ArrayDeque;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;

/**
 * One host core: runs work items one at a time, in arrival order. A work item starts at t, its
 * action runs at t (so what it schedules happens from t on), and the core is free again at t +
 * cost. That is how a callback "starts at t and returns at t + its cost": {@code onReturn} runs at
 * the return time, which is where the NDK provider learns the callback has returned.
 */
public final class CpuCore {
  /** A piece of host work: what it does when it starts, and what happens when it returns. */
  public record Work(CpuWorkKind kind, long costPs, Runnable onStart, Runnable onReturn) {
    public Work {
      if (costPs < 0) {
        throw new IllegalArgumentException("negative CPU cost " + costPs + " ps");
      }
    }
  }

  private final RnicSimulator simulator;
  private final int index;
  private final ArrayDeque<Work> waiting = new ArrayDeque<>();
  private final TimeWeightedGauge busy;
  private final TimeWeightedGauge queued;
  private final Completion completion = new Completion();
  private Work running;

  CpuCore(RnicSimulator simulator, String hostName, int index, StatisticsRegistry stats) {
    this.simulator = simulator;
    this.index = index;
    String prefix = hostName + ".cpu" + index;
    this.busy = stats.gauge(prefix + ".busy");
    this.queued = stats.gauge(prefix + ".queued");
  }

  public int index() {
    return index;
  }

  /** True while a work item is running. */
  public boolean isBusy() {
    return running != null;
  }

  /** Work items waiting behind the running one. */
  public int queuedCount() {
    return waiting.size();
  }

  /** Queues {@code work}; it starts now if the core is idle. */
  public void submit(Work work) {
    if (running == null) {
      start(work);
    } else {
      waiting.addLast(work);
      queued.set(waiting.size());
    }
  }

  private void start(Work work) {
    running = work;
    busy.set(1);
    simulator.schedule(completion, work.costPs());
    work.onStart().run();
  }

  private void finish() {
    Work done = running;
    running = null;
    busy.set(0);
    done.onReturn().run();
    if (running == null && !waiting.isEmpty()) {
      Work next = waiting.removeFirst();
      queued.set(waiting.size());
      start(next);
    }
  }

  private final class Completion extends SimEvent {
    @Override
    protected void fire() {
      finish();
    }
  }
}
