package org.rnicsim.model.adapter.interrupt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent.DimProfileChanged;
import org.rnicsim.model.host.HostCpu;
import org.rnicsim.model.pcie.DeviceToHostWrites;

/**
 * The adapter's completion-event and interrupt logic as a driver programs it: event queues bound to
 * host cores, CQs bound to event queues, per-CQ arm and moderation (static or adaptive), and the
 * entry the datapath calls when a CQE has landed in host memory.
 *
 * <p>Typical use: {@code createEventQueue(core)}, {@code createCq(cq, eq, handler)}, {@code
 * armCq(cq)}; the datapath calls {@code onCqeLanded(cq, solicited, error)}; the handler runs in the
 * DPC, polls the CQ and calls {@code armCq(cq)} again when it wants the next event.
 *
 * <p>Statistics: see {@link EventQueue}; per CQ with adaptive moderation, the gauge {@code
 * <adapter>.irq.cq<id>.dimProfileIndex}.
 */
public final class InterruptController {
  private final RnicSimulator simulator;
  private final StatisticsRegistry stats;
  private final String adapterName;
  private final DeviceToHostWrites writes;
  private final HostCpu hostCpu;
  private final InterruptCosts costs;
  private final Trace trace;
  private final List<EventQueue> eventQueues = new ArrayList<>();
  private final Map<Integer, CqEventSource> cqs = new HashMap<>();
  private final Map<Integer, TimeWeightedGauge> dimGauges = new HashMap<>();
  private CommandCompletionListener commandListener = token -> {};
  private boolean removed;

  public InterruptController(
      RnicSimulator simulator,
      StatisticsRegistry stats,
      String adapterName,
      DeviceToHostWrites writes,
      HostCpu hostCpu,
      InterruptCosts costs) {
    this.simulator = simulator;
    this.stats = stats;
    this.adapterName = adapterName;
    this.writes = writes;
    this.hostCpu = hostCpu;
    this.costs = costs;
    this.trace = simulator.trace();
  }

  /** A new event queue whose MSI-X vector is steered to {@code coreIndex}, not throttled. */
  public EventQueue createEventQueue(int coreIndex) {
    return createEventQueue(coreIndex, MinimumInterruptGap.NONE);
  }

  public EventQueue createEventQueue(int coreIndex, MinimumInterruptGap minimumGap) {
    EventQueue eq =
        new EventQueue(
            eventQueues.size(),
            simulator,
            writes,
            hostCpu.core(coreIndex),
            costs,
            minimumGap,
            this,
            stats,
            adapterName);
    eventQueues.add(eq);
    return eq;
  }

  public EventQueue eventQueue(int id) {
    return eventQueues.get(id);
  }

  /**
   * Binds a CQ to an event queue; it starts disarmed with moderation off.
   *
   * @return the CQ's event logic, for callers that report CQEs without a lookup by id
   */
  public CqEventSource createCq(int cqId, EventQueue eventQueue, CqEventHandler handler) {
    if (cqs.containsKey(cqId)) {
      throw new IllegalArgumentException(adapterName + ": CQ " + cqId + " exists already");
    }
    CqEventSource cq = new CqEventSource(cqId, eventQueue, handler, simulator);
    cqs.put(cqId, cq);
    return cq;
  }

  /** The CQ raises no more events; an EQE already written for it is dropped by the DPC. */
  public void destroyCq(int cqId) {
    cq(cqId).stop();
    cqs.remove(cqId);
  }

  /** Arms the CQ for its next CQE (one-shot). */
  public void armCq(int cqId) {
    armCq(cqId, CqArmType.NEXT);
  }

  /** Arms the CQ; re-arming before it fires keeps the stronger type. */
  public void armCq(int cqId, CqArmType type) {
    cq(cqId).arm(type);
  }

  public boolean isArmed(int cqId) {
    return cq(cqId).isArmed();
  }

  /** The datapath reports a CQE that is now visible in the CQ ring in host memory. */
  public void onCqeLanded(int cqId, boolean solicited, boolean error) {
    cq(cqId).onCqeLanded(solicited, error);
  }

  /** Static moderation; replaces any earlier setting, adaptive moderation included. */
  public void setModeration(int cqId, CqModeration moderation) {
    CqEventSource cq = cq(cqId);
    cq.setAdaptive(null);
    cq.setModeration(moderation);
  }

  public CqModeration moderation(int cqId) {
    return cq(cqId).moderation();
  }

  /** Adaptive moderation walking {@code table} from its start index (calibration I2). */
  public void enableAdaptiveModeration(int cqId, DimProfileTable table) {
    CqEventSource cq = cq(cqId);
    AdaptiveModeration adaptive = new AdaptiveModeration(table);
    cq.setAdaptive(adaptive);
    cq.setModeration(table.moderation(adaptive.profileIndex()));
    dimGauge(cqId).set(adaptive.profileIndex());
  }

  /** The CQ's current DIM profile index, or -1 without adaptive moderation. */
  public int dimProfileIndex(int cqId) {
    AdaptiveModeration adaptive = cq(cqId).adaptive();
    return adaptive == null ? -1 : adaptive.profileIndex();
  }

  /** The firmware's command completion EQE, written to {@code eventQueue}. */
  public void postCommandCompletion(EventQueue eventQueue, long commandToken) {
    eventQueue.write(new EventQueueEntry.CommandDone(commandToken, simulator.nowPs()));
  }

  public void setCommandCompletionListener(CommandCompletionListener listener) {
    this.commandListener = listener;
  }

  /** Surprise removal: the adapter raises no event and sends no interrupt from now on. */
  public void deviceRemoved() {
    removed = true;
    // The CQs stay known, so a driver that still arms or reconfigures them meets no error.
    cqs.values().forEach(CqEventSource::stop);
    eventQueues.forEach(EventQueue::deviceRemoved);
  }

  public boolean isDeviceRemoved() {
    return removed;
  }

  /** Called by an event queue's DPC for each EQE it drains. */
  void dispatch(EventQueueEntry entry) {
    if (entry instanceof EventQueueEntry.Completion completion) {
      dispatchCompletion(completion);
    } else if (entry instanceof EventQueueEntry.CommandDone done) {
      commandListener.onCommandCompletion(done.commandToken());
    }
  }

  private void dispatchCompletion(EventQueueEntry.Completion completion) {
    CqEventSource cq = cqs.get(completion.cqId());
    if (cq == null) {
      return;
    }
    AdaptiveModeration adaptive = cq.adaptive();
    if (adaptive != null) {
      int before = adaptive.profileIndex();
      if (adaptive.onEvent(simulator.nowPs(), completion.cqeCount())) {
        applyProfile(cq, adaptive, before);
      }
    }
    cq.handler().onCqEvent(completion.cqId());
  }

  private void applyProfile(CqEventSource cq, AdaptiveModeration adaptive, int before) {
    int after = adaptive.profileIndex();
    DimProfileTable table = adaptive.table();
    cq.setModeration(table.moderation(after));
    dimGauge(cq.cqId()).set(after);
    if (trace.isOn()) {
      DimProfile profile = table.profile(after);
      trace.emit(
          new DimProfileChanged(
              simulator.nowPs(), cq.cqId(), before, after, profile.periodUs(), profile.maxCount()));
    }
  }

  private TimeWeightedGauge dimGauge(int cqId) {
    return dimGauges.computeIfAbsent(
        cqId, id -> stats.gauge(adapterName + ".irq.cq" + id + ".dimProfileIndex"));
  }

  private CqEventSource cq(int cqId) {
    CqEventSource cq = cqs.get(cqId);
    if (cq == null) {
      throw new IllegalArgumentException(adapterName + ": no CQ " + cqId);
    }
    return cq;
  }
}
