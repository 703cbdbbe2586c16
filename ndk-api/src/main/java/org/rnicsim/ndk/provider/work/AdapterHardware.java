package org.rnicsim.ndk.provider.work;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.model.adapter.firmware.FirmwareCommandQueue;
import org.rnicsim.model.adapter.interrupt.EventQueue;
import org.rnicsim.model.adapter.interrupt.InterruptController;
import org.rnicsim.model.host.HostCpu;

/**
 * One RNIC and its host as the provider drives them (rnic-model on main): the host cores, the
 * interrupt controller with one command event queue and one completion event queue per core, and
 * the firmware command queue. Several NDK adapter instances opened on one provider share it, as
 * they share one miniport. EQEs and MSI-X messages travel the adapter's modelled PCIe link.
 */
public final class AdapterHardware {
  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final String name;
  private final HostCpu hostCpu;
  private final InterruptController interrupts;
  private final EventQueue commandEventQueue;
  private final FirmwareCommandQueue firmware;
  private final List<EventQueue> completionQueues = new ArrayList<>();
  private final AdapterNode node;
  private int nextCqId;

  /**
   * The hardware of an rnic-model {@link AdapterNode}: its host cores, its interrupt controller
   * with event queue 0 for command completions, and its firmware command queue, which the
   * datapath's own control commands (create QP, modify QP, register memory) share with the
   * provider's. Interp: the provider numbers its CQ event sources from 2^24 up, so they never
   * collide with the datapath's CQ numbers in the shared interrupt controller.
   */
  public AdapterHardware(AdapterNode node, StatisticsRegistry stats) {
    this.simulator = node.rnic().simulator();
    this.stats = stats;
    this.name = node.rnic().name();
    this.hostCpu = node.host();
    this.interrupts = node.interrupts();
    this.commandEventQueue = node.interrupts().eventQueue(0);
    this.firmware = node.firmware();
    this.nextCqId = 1 << 24;
    this.node = node;
  }

  /** The rnic-model adapter node this hardware is. */
  public AdapterNode node() {
    return node;
  }

  public RnicSimulator simulator() {
    return simulator;
  }

  public StatisticsRegistry stats() {
    return stats;
  }

  public String name() {
    return name;
  }

  public HostCpu hostCpu() {
    return hostCpu;
  }

  public InterruptController interrupts() {
    return interrupts;
  }

  public FirmwareCommandQueue firmware() {
    return firmware;
  }

  /** The core whose DPC completes firmware commands. */
  public int commandCore() {
    return commandEventQueue.coreIndex();
  }

  /**
   * The completion event queue (MSI-X vector) of a core, created on first use; CQs bound to it
   * raise their events there, and its DPC runs on that core.
   */
  public EventQueue completionEventQueue(int coreIndex) {
    int core = Math.floorMod(coreIndex, hostCpu.coreCount());
    while (completionQueues.size() <= core) {
      completionQueues.add(null);
    }
    EventQueue eq = completionQueues.get(core);
    if (eq == null) {
      eq = interrupts.createEventQueue(core);
      completionQueues.set(core, eq);
    }
    return eq;
  }

  /** A fresh hardware CQ number. */
  public int allocateCqId() {
    return nextCqId++;
  }

  /**
   * Fault: the adapter node is surprise-removed now; every outstanding and later firmware command
   * fails, no more interrupts arrive, the datapath's QPs go to ERROR, and the node's removal
   * listeners (the providers on it) hear of it.
   */
  public void surpriseRemoval() {
    node.surpriseRemove();
  }
}
