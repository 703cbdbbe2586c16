package org.rnicsim.model.adapter.interrupt;

import java.util.ArrayDeque;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.LatencyHistogram;
import org.rnicsim.engine.stats.QueueStatistic;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent.DpcDrained;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent.IsrStarted;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent.MsiXSent;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;
import org.rnicsim.model.pcie.DeviceToHostWrites;

/**
 * One event queue in host memory and its MSI-X vector, bound to one host core.
 *
 * <p>The adapter writes each EQE as a posted write and, if the EQ is armed, an MSI-X message right
 * behind it (posted writes stay in order, so the message never overtakes the EQE). Sending the
 * message disarms the EQ. The ISR queues the DPC on the same core; the DPC drains every EQE that
 * has landed, dispatches each, and when it returns re-arms the EQ with its consumer index: if the
 * adapter wrote EQEs the DPC did not consume, the adapter interrupts again at once. So a busy EQ
 * takes one interrupt per DPC, however many CQs share it.
 *
 * <p>Statistics under {@code <adapter>.irq.eq<id>}: {@code .interrupts} (MSI-X messages, with their
 * rate), {@code .cqes} (CQEs landed on the EQ's CQs, for interrupts per completion), {@code
 * .eventDelayPs} (from when a CQ could first have interrupted to the ISR that reports it; for an
 * EQE that lands after that ISR started, to the DPC that drains it). The adapter's event queues
 * share the queue {@code <adapter>.eventQueues}: an EQE is in it from its write until the DPC
 * consumes it.
 */
public final class EventQueue {
  /** Size of one EQE write; mlx5 EQEs are 64 bytes (assumption for other adapters). */
  public static final long EQE_BYTES = 64;

  private final int id;
  private final String adapterName;
  private final RnicSimulator simulator;
  private final DeviceToHostWrites writes;
  private final CpuCore core;
  private final InterruptController controller;
  private final Trace trace;
  private final ArrayDeque<EventQueueEntry> landed = new ArrayDeque<>();
  private final CpuCore.Work isrWork;
  private final CpuCore.Work dpcWork;
  private final DeferredMsiX deferredMsiX = new DeferredMsiX();
  private final Runnable onMsiXDelivered;
  private final Counter interrupts;
  private final Counter cqes;
  private final LatencyHistogram eventDelay;
  private final QueueStatistic queue;

  private MinimumInterruptGap minimumGap;
  private long writtenCount;
  private long consumedCount;
  private boolean armed = true;
  private boolean removed;
  private long lastMsiXPs = Long.MIN_VALUE;
  private long isrStartPs;

  EventQueue(
      int id,
      RnicSimulator simulator,
      DeviceToHostWrites writes,
      CpuCore core,
      InterruptCosts costs,
      MinimumInterruptGap minimumGap,
      InterruptController controller,
      StatisticsRegistry stats,
      String adapterName) {
    this.id = id;
    this.adapterName = adapterName;
    this.simulator = simulator;
    this.writes = writes;
    this.core = core;
    this.controller = controller;
    this.trace = simulator.trace();
    this.minimumGap = minimumGap;
    this.isrWork = new CpuCore.Work(CpuWorkKind.ISR, costs.isrCostPs(), this::isrStart, () -> {});
    this.dpcWork = new CpuCore.Work(CpuWorkKind.DPC, costs.dpcCostPs(), this::drain, this::rearm);
    this.onMsiXDelivered = () -> core.submit(isrWork);
    String prefix = adapterName + ".irq.eq" + id;
    this.interrupts = stats.counter(prefix + ".interrupts");
    this.cqes = stats.counter(prefix + ".cqes");
    this.eventDelay = stats.histogram(prefix + ".eventDelayPs");
    this.queue = stats.queue(adapterName + ".eventQueues");
  }

  public int id() {
    return id;
  }

  /** The adapter this event queue belongs to. */
  public String adapterName() {
    return adapterName;
  }

  /** The host core that runs this EQ's ISR and DPC. */
  public int coreIndex() {
    return core.index();
  }

  public MinimumInterruptGap minimumGap() {
    return minimumGap;
  }

  /** Takes effect for the next MSI-X message. */
  public void setMinimumGap(MinimumInterruptGap gap) {
    this.minimumGap = gap;
  }

  /** MSI-X messages sent since the last statistics reset. */
  public long interruptCount() {
    return interrupts.count();
  }

  /** CQEs that landed on this EQ's CQs, since the last statistics reset. */
  public long cqeCount() {
    return cqes.count();
  }

  /** MSI-X messages per CQE since the last statistics reset; NaN before the first CQE. */
  public double interruptsPerCompletion() {
    return cqes.count() == 0 ? Double.NaN : interrupts.count() / (double) cqes.count();
  }

  void countCqe() {
    cqes.increment();
  }

  /** The adapter posts an EQE; an MSI-X follows if the EQ is armed and the gap allows. */
  void write(EventQueueEntry entry) {
    if (removed) {
      return;
    }
    writtenCount++;
    writes.postWrite(EQE_BYTES, () -> landed.addLast(entry));
    requestInterrupt();
  }

  /** Surprise removal: the adapter writes and signals nothing more. */
  void deviceRemoved() {
    removed = true;
    simulator.cancel(deferredMsiX);
  }

  private void requestInterrupt() {
    if (!armed || removed || writtenCount == consumedCount || deferredMsiX.isScheduled()) {
      return;
    }
    long nowPs = simulator.nowPs();
    long gapPs = minimumGap.gapPs();
    if (lastMsiXPs != Long.MIN_VALUE && lastMsiXPs + gapPs > nowPs) {
      simulator.reschedule(deferredMsiX, lastMsiXPs + gapPs, RnicSimulator.PRIORITY_NORMAL);
      return;
    }
    sendMsiX();
  }

  private void sendMsiX() {
    armed = false;
    lastMsiXPs = simulator.nowPs();
    interrupts.increment();
    if (trace.isOn()) {
      trace.emit(new MsiXSent(lastMsiXPs, adapterName, id));
    }
    writes.postMsiX(onMsiXDelivered);
  }

  private void isrStart() {
    isrStartPs = simulator.nowPs();
    if (trace.isOn()) {
      trace.emit(new IsrStarted(isrStartPs, adapterName, id, core.index()));
    }
    // Queued from inside the ISR, the DPC runs next on this core, ahead of work arriving later.
    core.submit(dpcWork);
  }

  private void drain() {
    long nowPs = simulator.nowPs();
    int drained = 0;
    while (!landed.isEmpty()) {
      EventQueueEntry entry = landed.removeFirst();
      consumedCount++;
      drained++;
      queue.record(entry.writtenPs(), nowPs);
      if (entry instanceof EventQueueEntry.Completion completion) {
        long reportedPs = completion.writtenPs() <= isrStartPs ? isrStartPs : nowPs;
        eventDelay.recordPs(Math.max(0, reportedPs - completion.eligibleSincePs()));
      }
      controller.dispatch(entry);
    }
    if (trace.isOn()) {
      trace.emit(new DpcDrained(nowPs, adapterName, id, drained));
    }
  }

  private void rearm() {
    armed = true;
    requestInterrupt();
  }

  private final class DeferredMsiX extends SimEvent {
    @Override
    protected void fire() {
      if (armed && !removed && writtenCount != consumedCount) {
        sendMsiX();
      }
    }
  }
}
