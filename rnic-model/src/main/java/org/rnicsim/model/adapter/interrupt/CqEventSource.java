package org.rnicsim.model.adapter.interrupt;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent.CqEventRaised;

/**
 * The adapter's event logic for one CQ: the one-shot arm, the CQEs not yet reported by an event,
 * and the moderation timer. An event is raised when the CQ is armed, holds a CQE that satisfies the
 * arm, and its moderation is satisfied; raising it disarms the CQ and starts a new count.
 *
 * <p>{@link InterruptController#createCq} returns it, so the datapath's CQ can keep it and report
 * CQEs without a lookup by id.
 */
public final class CqEventSource {
  private static final long NEVER = Long.MIN_VALUE;

  private final int cqId;
  private final EventQueue eventQueue;
  private final CqEventHandler handler;
  private final RnicSimulator simulator;
  private final Trace trace;
  private final ModerationTimer timer = new ModerationTimer();

  private CqModeration moderation = CqModeration.OFF;
  private AdaptiveModeration adaptive;
  private CqArmType arm;
  private int unreportedCqes;
  private boolean unreportedSolicited;
  private long firstUnreportedPs = NEVER;
  private long lastEventPs = NEVER;
  private long eligibleSincePs = NEVER;
  private boolean stopped;

  CqEventSource(int cqId, EventQueue eventQueue, CqEventHandler handler, RnicSimulator simulator) {
    this.cqId = cqId;
    this.eventQueue = eventQueue;
    this.handler = handler;
    this.simulator = simulator;
    this.trace = simulator.trace();
  }

  public int cqId() {
    return cqId;
  }

  EventQueue eventQueue() {
    return eventQueue;
  }

  CqEventHandler handler() {
    return handler;
  }

  CqModeration moderation() {
    return moderation;
  }

  AdaptiveModeration adaptive() {
    return adaptive;
  }

  public boolean isArmed() {
    return arm != null;
  }

  /** A CQE of this CQ is now visible in host memory. */
  public void onCqeLanded(boolean solicited, boolean error) {
    if (stopped) {
      return;
    }
    eventQueue.countCqe();
    if (unreportedCqes == 0) {
      firstUnreportedPs = simulator.nowPs();
    }
    unreportedCqes++;
    // Error completions always count as solicited (ndkpi-spec section 4, CQ arming).
    unreportedSolicited |= solicited || error;
    evaluate();
  }

  /** Arms the CQ (one-shot); re-arming before it fires keeps the stronger type. */
  public void arm(CqArmType type) {
    if (stopped) {
      return;
    }
    arm = CqArmType.stronger(arm, type);
    evaluate();
  }

  /** The latest setting wins and applies at once, also to a wait already under way. */
  void setModeration(CqModeration newModeration) {
    this.moderation = newModeration;
    if (!stopped) {
      evaluate();
    }
  }

  void setAdaptive(AdaptiveModeration newAdaptive) {
    this.adaptive = newAdaptive;
  }

  /** The CQ is destroyed or the adapter removed: no more events. */
  void stop() {
    stopped = true;
    arm = null;
    simulator.cancel(timer);
  }

  private void evaluate() {
    boolean eligible =
        arm != null && unreportedCqes > 0 && (arm == CqArmType.NEXT || unreportedSolicited);
    if (!eligible) {
      simulator.cancel(timer);
      return;
    }
    long nowPs = simulator.nowPs();
    if (eligibleSincePs == NEVER) {
      eligibleSincePs = nowPs;
    }
    long duePs = dueTimePs(nowPs);
    if (duePs <= nowPs) {
      raiseEvent();
    } else if (duePs == Long.MAX_VALUE) {
      simulator.cancel(timer);
    } else if (!timer.isScheduled() || timer.timePs() != duePs) {
      simulator.cancel(timer);
      simulator.reschedule(timer, duePs, RnicSimulator.PRIORITY_NORMAL);
    }
  }

  /** When moderation lets the pending event go; Long.MAX_VALUE while only more CQEs can. */
  private long dueTimePs(long nowPs) {
    if (moderation.isOff() || unreportedCqes >= moderation.maxCount()) {
      return nowPs;
    }
    if (moderation.periodPs() == CqModeration.NO_LIMIT) {
      return Long.MAX_VALUE;
    }
    long startPs =
        moderation.timerStart() == ModerationTimerStart.CQE ? firstUnreportedPs : lastEventPs;
    if (startPs == NEVER) {
      // Timer from the EQE with no event yet: the period has long passed.
      return nowPs;
    }
    long duePs = startPs + moderation.periodPs();
    return duePs < startPs ? Long.MAX_VALUE : duePs;
  }

  private void raiseEvent() {
    long nowPs = simulator.nowPs();
    int cqeCount = unreportedCqes;
    long eligiblePs = eligibleSincePs;
    arm = null;
    unreportedCqes = 0;
    unreportedSolicited = false;
    firstUnreportedPs = NEVER;
    eligibleSincePs = NEVER;
    lastEventPs = nowPs;
    simulator.cancel(timer);
    if (trace.isOn()) {
      trace.emit(
          new CqEventRaised(nowPs, eventQueue.adapterName(), cqId, eventQueue.id(), cqeCount));
    }
    eventQueue.write(new EventQueueEntry.Completion(cqId, cqeCount, eligiblePs, nowPs));
  }

  private final class ModerationTimer extends SimEvent {
    @Override
    protected void fire() {
      evaluate();
    }
  }
}
