package org.rnicsim.model.adapter;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.completion.CompletionQueue;
import org.rnicsim.model.adapter.completion.CompletionStatus;
import org.rnicsim.model.adapter.firmware.FirmwareCommandQueue;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.model.adapter.firmware.FirmwareControlPath;
import org.rnicsim.model.adapter.interrupt.CqEventSource;
import org.rnicsim.model.adapter.interrupt.EventQueue;
import org.rnicsim.model.adapter.interrupt.InterruptController;
import org.rnicsim.model.adapter.interrupt.InterruptCosts;
import org.rnicsim.model.adapter.management.ManagementCompletions;
import org.rnicsim.model.adapter.management.ManagementListener;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.profile.HardwareProfile;

/**
 * One host with its adapter, assembled as a driver sees it: the datapath ({@link Rnic}), its
 * control commands executed by the firmware command queue, and CQEs that raise events through event
 * queues, MSI-X, an ISR and a DPC on the host's cores. Event queue 0 on core 0 carries firmware
 * command completions; CQs get their own event queues from {@link #createEventQueue}.
 */
public final class AdapterNode {
  private final Rnic rnic;
  private final HostCpu host;
  private final InterruptController interrupts;
  private final FirmwareCommandQueue firmware;
  private final List<Runnable> removalListeners = new ArrayList<>();
  private boolean removed;
  private CpuCore agentCore;
  private long madCostPs;

  public AdapterNode(
      RnicSimulator simulator,
      String name,
      int address,
      HardwareProfile profile,
      HostCpu host,
      FirmwareConfig firmwareConfig,
      InterruptCosts interruptCosts,
      RandomStreams streams,
      StatisticsRegistry stats) {
    this.host = host;
    FirmwareControlPath controlPath = new FirmwareControlPath();
    this.rnic = new Rnic(simulator, name, address, profile, controlPath, stats);
    this.interrupts =
        new InterruptController(
            simulator, stats, name, rnic.deviceToHostWrites(), host, interruptCosts);
    EventQueue commandEventQueue = interrupts.createEventQueue(0);
    this.firmware =
        new FirmwareCommandQueue(
            simulator, stats, streams, name, firmwareConfig, interrupts, commandEventQueue);
    controlPath.attach(firmware);
  }

  public Rnic rnic() {
    return rnic;
  }

  public HostCpu host() {
    return host;
  }

  public InterruptController interrupts() {
    return interrupts;
  }

  public FirmwareCommandQueue firmware() {
    return firmware;
  }

  /** An event queue whose MSI-X vector runs its ISR and DPC on {@code coreIndex}. */
  public EventQueue createEventQueue(int coreIndex) {
    return interrupts.createEventQueue(coreIndex);
  }

  /**
   * Connects a CQ to an event queue: from now on every CQE that lands in it is reported to the
   * interrupt controller, which raises an event when the CQ is armed (subject to moderation). Error
   * CQEs count as solicited, so they satisfy any arm.
   */
  public CqEventSource connectToEventQueue(
      CompletionQueue cq,
      EventQueue eventQueue,
      org.rnicsim.model.adapter.interrupt.CqEventHandler handler) {
    CqEventSource source = interrupts.createCq(cq.cqn(), eventQueue, handler);
    cq.setListener(
        landed -> {
          CompletionStatus status = landed.newestLandedStatus();
          boolean error = status != null && status != CompletionStatus.SUCCESS;
          source.onCqeLanded(error, error);
        });
    return source;
  }

  /**
   * Registers the host's management agent (its connection manager): management datagrams that
   * arrive for this adapter reach it from the DPC of an event queue on {@code coreIndex}, after the
   * MAD's DMA, its CQE, the EQE, the MSI-X, the ISR and {@code madCostPs} of the agent's own work
   * (see {@link ManagementCompletions}). Its sends ({@link #sendManagementDatagram}) cost the same
   * on that core before their doorbell. Once per node.
   */
  public void setManagementAgent(int coreIndex, long madCostPs, ManagementListener agent) {
    if (agentCore != null) {
      throw new IllegalStateException(rnic.name() + " has a management agent already");
    }
    EventQueue eventQueue = interrupts.createEventQueue(coreIndex);
    agentCore = host.core(eventQueue.coreIndex());
    this.madCostPs = madCostPs;
    rnic.setManagementReceiver(
        new ManagementCompletions(interrupts, eventQueue, agentCore, madCostPs, agent));
  }

  /**
   * The management agent builds a MAD carrying {@code message} and posts it to QP1 for the adapter
   * at {@code destinationAddress}: its CPU work on the agent's core comes first, then the doorbell.
   */
  public void sendManagementDatagram(int destinationAddress, Object message) {
    if (agentCore == null) {
      throw new IllegalStateException(rnic.name() + " has no management agent");
    }
    agentCore.submit(
        new CpuCore.Work(
            CpuWorkKind.CM_MAD,
            madCostPs,
            () -> {},
            () -> rnic.sendManagementDatagram(destinationAddress, message)));
  }

  /**
   * Tells {@code listener} when this adapter is surprise-removed, after the hardware is gone, as
   * the bus's PnP surprise-removal notification tells the device's driver (on Windows the driver
   * learns of it from the device, not from its consumer). Listeners run in the order they were
   * added, once.
   */
  public void addRemovalListener(Runnable listener) {
    removalListeners.add(listener);
  }

  /**
   * The adapter disappears: QPs go to ERROR, commands fail, no more interrupts; then the removal
   * listeners hear of it. A second removal of a removed adapter changes nothing.
   */
  public void surpriseRemove() {
    if (removed) {
      return;
    }
    removed = true;
    rnic.surpriseRemove();
    firmware.surpriseRemoval();
    interrupts.deviceRemoved();
    for (Runnable listener : List.copyOf(removalListeners)) {
      listener.run();
    }
  }

  /** True once {@link #surpriseRemove} ran. */
  public boolean isRemoved() {
    return removed;
  }
}
