package org.rnicsim.model.adapter.management;

import java.util.ArrayDeque;
import org.rnicsim.model.adapter.interrupt.CqArmType;
import org.rnicsim.model.adapter.interrupt.CqEventSource;
import org.rnicsim.model.adapter.interrupt.EventQueue;
import org.rnicsim.model.adapter.interrupt.InterruptController;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;

/**
 * QP1's receive CQ as the host's driver sees it: each landed MAD's CQE is reported to the interrupt
 * controller; the armed CQ raises an EQE and an MSI-X, the ISR and the DPC run on the event queue's
 * core, and the DPC hands every MAD landed so far to the management agent and re-arms the CQ, as a
 * driver's GSI completion handler does. A MAD that lands while the DPC is pending is picked up by
 * the same DPC; the event it raised later finds nothing new. The agent's own work on each MAD (its
 * CM state machine) is one {@link CpuWorkKind#CM_MAD} item on the DPC's core, queued behind the DPC
 * entry as every handler's work is ({@code InterruptCosts}); the agent hears of the MAD when that
 * work returns, so whatever it sends in answer leaves after it.
 */
public final class ManagementCompletions implements ManagementListener {
  /**
   * The CQ number the interrupt controller knows QP1's receive CQ by. The datapath numbers its CQs
   * from 1 and the NDK provider from 2^24, so 0 is free.
   */
  public static final int CQ_ID = 0;

  private final CqEventSource events;
  private final ManagementListener agent;
  private final CpuCore core;
  private final long madCostPs;
  private final ArrayDeque<Landed> landed = new ArrayDeque<>();

  private record Landed(int sourceAddress, Object message) {}

  /**
   * Binds QP1's CQ to {@code eventQueue}, armed; {@code agent} hears from the DPC, after {@code
   * madCostPs} of its own work per MAD on {@code core}, the event queue's core.
   */
  public ManagementCompletions(
      InterruptController interrupts,
      EventQueue eventQueue,
      CpuCore core,
      long madCostPs,
      ManagementListener agent) {
    if (madCostPs < 0) {
      throw new IllegalArgumentException("negative CM MAD cost " + madCostPs + " ps");
    }
    this.agent = agent;
    this.core = core;
    this.madCostPs = madCostPs;
    this.events = interrupts.createCq(CQ_ID, eventQueue, cqId -> deliver());
    events.arm(CqArmType.NEXT);
  }

  /** A MAD and its CQE are in host memory. */
  @Override
  public void onDatagram(int sourceAddress, Object message) {
    landed.addLast(new Landed(sourceAddress, message));
    events.onCqeLanded(false, false);
  }

  private void deliver() {
    while (!landed.isEmpty()) {
      Landed next = landed.removeFirst();
      core.submit(
          new CpuCore.Work(
              CpuWorkKind.CM_MAD,
              madCostPs,
              () -> {},
              () -> agent.onDatagram(next.sourceAddress(), next.message())));
    }
    events.arm(CqArmType.NEXT);
  }
}
