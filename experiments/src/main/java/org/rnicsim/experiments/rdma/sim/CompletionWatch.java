package org.rnicsim.experiments.rdma.sim;

import java.util.IdentityHashMap;
import java.util.Map;
import org.rnicsim.experiments.study.CompletionPlan;
import org.rnicsim.experiments.study.CompletionSection;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.interrupt.EventQueue;
import org.rnicsim.model.adapter.interrupt.InterruptController;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;

/**
 * How a consumer learns that its CQ holds completions, on the host core it runs on.
 *
 * <ul>
 *   <li><b>Polling</b>: the core spins on the CQ ring and sees a CQE {@code host.cqPollDetect}
 *       after it lands.
 *   <li><b>Interrupts</b>: the CQ is armed on an event queue of the adapter; a CQE raises an event
 *       (subject to moderation, static or adaptive), the EQE and MSI-X cross PCIe, the ISR and DPC
 *       run on the consumer's core, and the handler polls the CQ (one more {@code cqPollDetect} for
 *       reading the CQEs) and re-arms it.
 * </ul>
 *
 * Either way the consumer's {@code onReady} runs on the core when the poll returns, and polls the
 * CQ itself.
 */
public final class CompletionWatch {
  private final CompletionPlan plan;
  private final long pollPs;
  private final Map<AdapterNode, EventQueue> eventQueues = new IdentityHashMap<>();

  /**
   * @param pollPs the CPU time of one poll that finds CQEs
   */
  public CompletionWatch(CompletionPlan plan, long pollPs) {
    this.plan = plan;
    this.pollPs = pollPs;
  }

  /** Calls {@code onReady} on {@code core} whenever {@code cq} of {@code node} has CQEs. */
  public void watch(AdapterNode node, CompletionQueue cq, CpuCore core, Runnable onReady) {
    if (plan.mode() == CompletionSection.Mode.POLLING) {
      new PolledCq(cq, core, onReady);
    } else {
      interrupts(node, cq, core, onReady);
    }
  }

  /** A CQ whose completions nobody waits for: they are consumed as they land, at no cost. */
  public static void drain(CompletionQueue cq) {
    cq.setListener(landed -> landed.consume(Integer.MAX_VALUE));
  }

  private final class PolledCq {
    private final CpuCore core;
    private final CpuCore.Work detect;
    private boolean detectPending;

    PolledCq(CompletionQueue cq, CpuCore core, Runnable onReady) {
      this.core = core;
      this.detect =
          new CpuCore.Work(
              CpuWorkKind.CONSUMER,
              pollPs,
              () -> {},
              () -> {
                detectPending = false;
                onReady.run();
              });
      cq.setListener(landed -> landed());
    }

    private void landed() {
      // One spinning core notices new CQEs once; the poll then takes all that have landed.
      if (!detectPending) {
        detectPending = true;
        core.submit(detect);
      }
    }
  }

  private void interrupts(AdapterNode node, CompletionQueue cq, CpuCore core, Runnable onReady) {
    InterruptController interrupts = node.interrupts();
    EventQueue eventQueue =
        eventQueues.computeIfAbsent(node, n -> throttled(n.createEventQueue(core.index())));
    int cqn = cq.cqn();
    CpuCore.Work poll =
        new CpuCore.Work(
            CpuWorkKind.CALLBACK,
            pollPs,
            () -> {},
            () -> {
              onReady.run();
              // Re-armed after the poll: CQEs that landed meanwhile raise the next event at once.
              interrupts.armCq(cqn);
            });
    node.connectToEventQueue(cq, eventQueue, id -> core.submit(poll));
    if (plan.mode() == CompletionSection.Mode.ADAPTIVE) {
      interrupts.enableAdaptiveModeration(cqn, plan.dim());
    } else {
      interrupts.setModeration(cqn, plan.moderation());
    }
    interrupts.armCq(cqn);
  }

  private EventQueue throttled(EventQueue eventQueue) {
    eventQueue.setMinimumGap(plan.throttle());
    return eventQueue;
  }

  /** Interrupts raised on the watched CQs' event queues since the last statistics reset. */
  public long interrupts() {
    long count = 0;
    for (EventQueue eventQueue : eventQueues.values()) {
      count += eventQueue.interruptCount();
    }
    return count;
  }

  /** CQEs that landed on the watched CQs' event queues since the last statistics reset. */
  public long interruptedCqes() {
    long count = 0;
    for (EventQueue eventQueue : eventQueues.values()) {
      count += eventQueue.cqeCount();
    }
    return count;
  }
}
