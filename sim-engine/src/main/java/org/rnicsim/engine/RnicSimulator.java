package org.rnicsim.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.LambdaSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.model.DsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ReplicationState;
import nl.tudelft.simulation.dsol.simulators.RunState;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;
import org.rnicsim.engine.trace.Trace;

/**
 * The rnicsim kernel: a DSOL {@code DevsSimulator<Long>} whose time is picoseconds and whose run
 * loop and event list are its own, built for speed.
 *
 * <p>Stock DSOL runs a replication on a worker thread, takes a lock, boxes the time, allocates an
 * event object and fires a TIME_CHANGED event for every event it executes. This subclass runs
 * synchronously on the caller's thread, keeps time as a primitive, and fires no per-event DSOL
 * events, so any number of simulations can run side by side in one JVM and each gives exactly the
 * result it gives alone. Events scheduled through the DSOL interface still work; they share the
 * same list and ordering.
 *
 * <p>Order of simultaneous events: time, then priority (higher first), then insertion order.
 */
public class RnicSimulator extends DevsSimulator<Long> {
  private static final long serialVersionUID = 1L;

  /** Same scale as DSOL's {@code SimEventInterface}: 1 (low) .. 10 (high), 5 normal. */
  public static final int PRIORITY_LOW = 1;

  public static final int PRIORITY_NORMAL = 5;
  public static final int PRIORITY_HIGH = 10;

  private final transient EventList eventList = new EventList();
  private final transient Trace trace = new Trace();
  private final transient Map<SimEventInterface<Long>, DsolEventAdapter> dsolEvents =
      new IdentityHashMap<>();
  private long nowPs;
  // Events waiting in EventFifos behind the first of each (which is in the list).
  int waitingInFifos;
  private long eventsExecuted;
  private boolean stopRequested;

  /**
   * DSOL's {@code Simulator} constructor re-registers its log category in djutils' static {@code
   * CategoryLogger} in several separately locked steps; two threads constructing at once can
   * interleave them and fail with a NullPointerException (seen about once in 2,000 parallel
   * constructions). Constructions of this class therefore take turns; running stays parallel.
   */
  private static final ReentrantLock DSOL_CONSTRUCTION = new ReentrantLock();

  public RnicSimulator(String id) {
    super(lockForConstruction(id));
    DSOL_CONSTRUCTION.unlock();
    this.runState = RunState.INITIALIZED;
  }

  private static String lockForConstruction(String id) {
    Objects.requireNonNull(id, "simulator id");
    DSOL_CONSTRUCTION.lock();
    return id;
  }

  /** The current simulated time in picoseconds. */
  public final long nowPs() {
    return nowPs;
  }

  /** This simulation's trace; off until a sink is added. */
  public final Trace trace() {
    return trace;
  }

  /** Events executed since this simulator was created. */
  public final long eventsExecuted() {
    return eventsExecuted;
  }

  /** Events waiting: in the event list, and behind the first of each {@link EventFifo}. */
  public final int pendingEventCount() {
    return eventList.size() + waitingInFifos;
  }

  /** Schedules {@code action} after {@code delayPs} at normal priority. */
  public final EventHandle schedule(long delayPs, Runnable action) {
    return scheduleAt(addDelay(delayPs), PRIORITY_NORMAL, action);
  }

  /**
   * Schedules {@code action} after {@code delayPs}; among simultaneous events higher runs first.
   */
  public final EventHandle schedule(long delayPs, int priority, Runnable action) {
    return scheduleAt(addDelay(delayPs), priority, action);
  }

  /** Schedules {@code action} at absolute time {@code timePs} at normal priority. */
  public final EventHandle scheduleAt(long timePs, Runnable action) {
    return scheduleAt(timePs, PRIORITY_NORMAL, action);
  }

  /** Schedules {@code action} at absolute time {@code timePs}. */
  public final EventHandle scheduleAt(long timePs, int priority, Runnable action) {
    RunnableEvent event = new RunnableEvent(action);
    reschedule(event, timePs, priority);
    return event;
  }

  /**
   * Schedules a reusable event after {@code delayPs} at normal priority, without allocating. The
   * event must not be waiting in the list already.
   */
  public final void schedule(SimEvent event, long delayPs) {
    reschedule(event, addDelay(delayPs), PRIORITY_NORMAL);
  }

  /** Schedules a reusable event at absolute time {@code timePs}. */
  public final void reschedule(SimEvent event, long timePs, int priority) {
    checkNotPast(timePs);
    eventList.add(event, timePs, priority);
  }

  /** The place among simultaneous events of one of {@code priority} scheduled now. */
  final long takeTieBreak(int priority) {
    return eventList.tieBreak(priority);
  }

  /**
   * Schedules {@code event} in the place {@code tieBreak}, from {@link #takeTieBreak}, gave it; the
   * caller has checked that it is not waiting already and not due before now.
   */
  final void scheduleInPlace(SimEvent event, long timePs, long tieBreak) {
    eventList.insert(event, timePs, tieBreak);
  }

  final void checkNotPast(long timePs) {
    if (timePs < nowPs) {
      throw new IllegalArgumentException(
          "cannot schedule an event in the past: "
              + SimTime.format(timePs)
              + " < now "
              + SimTime.format(nowPs));
    }
  }

  /**
   * Makes {@code event} run no later than {@code timePs}: it keeps its place when it already waits
   * for that time or earlier, and moves to {@code timePs} otherwise. For a timer that only ever
   * needs to wake at the earliest of its deadlines.
   */
  public final void scheduleNoLaterThan(SimEvent event, long timePs, int priority) {
    if (event.isScheduled()) {
      if (event.timePs <= timePs) {
        return;
      }
      eventList.remove(event);
    }
    reschedule(event, timePs, priority);
  }

  /** Removes a scheduled event; false if it already ran or was cancelled. */
  public final boolean cancel(EventHandle handle) {
    return handle instanceof SimEvent event && eventList.remove(event);
  }

  /**
   * Runs every event due at or before {@code endPs}, then advances the clock to {@code endPs}.
   *
   * @return the number of events executed
   */
  public final long runUntil(long endPs) {
    long before = eventsExecuted;
    beginRun();
    try {
      while (!stopRequested && eventList.size() > 0 && eventList.firstTimePs() <= endPs) {
        executeNext();
      }
      if (!stopRequested && endPs > nowPs) {
        nowPs = endPs;
      }
    } finally {
      endRun();
    }
    return eventsExecuted - before;
  }

  /** Runs events until {@code stopWhen} holds after an event, or no event is left. */
  public final long runUntil(BooleanSupplier stopWhen) {
    long before = eventsExecuted;
    beginRun();
    try {
      while (!stopRequested && eventList.size() > 0 && !stopWhen.getAsBoolean()) {
        executeNext();
      }
    } finally {
      endRun();
    }
    return eventsExecuted - before;
  }

  /** Runs at most {@code maxEvents} events. */
  public final long runEvents(long maxEvents) {
    long before = eventsExecuted;
    beginRun();
    try {
      for (long i = 0; i < maxEvents && !stopRequested && eventList.size() > 0; i++) {
        executeNext();
      }
    } finally {
      endRun();
    }
    return eventsExecuted - before;
  }

  /** Runs until the event list is empty. */
  public final long runToEnd() {
    return runUntil(() -> false);
  }

  /** Asks the running loop to return after the current event; called from inside an event. */
  public final void requestStop() {
    stopRequested = true;
  }

  private void executeNext() {
    SimEvent event = eventList.removeFirst();
    nowPs = event.timePs;
    eventsExecuted++;
    event.fire();
  }

  private void beginRun() {
    stopRequested = false;
    this.runState = RunState.STARTED;
  }

  private void endRun() {
    this.runState = RunState.STOPPED;
  }

  private long addDelay(long delayPs) {
    if (delayPs < 0) {
      throw new IllegalArgumentException("negative delay " + delayPs + " ps");
    }
    return Math.addExact(nowPs, delayPs);
  }

  // ---- The DSOL face: the same list and clock behind DSOL's scheduling interface. ----

  @Override
  public Long getSimulatorTime() {
    return nowPs;
  }

  @Override
  public SimEventInterface<Long> scheduleEvent(SimEventInterface<Long> event) {
    long timePs = event.getAbsoluteExecutionTime();
    if (timePs < nowPs) {
      throw new SimRuntimeException(
          "cannot schedule event " + event + " in the past: " + timePs + " < " + nowPs);
    }
    DsolEventAdapter adapter = new DsolEventAdapter(event);
    dsolEvents.put(event, adapter);
    eventList.add(adapter, timePs, event.getPriority());
    return event;
  }

  @Override
  public SimEventInterface<Long> scheduleEventRel(
      Long relativeDelay, short priority, Object target, String method, Object[] args) {
    return scheduleEvent(
        new nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEvent<>(
            addDelay(relativeDelay), priority, target, method, args));
  }

  @Override
  public SimEventInterface<Long> scheduleEventNow(
      short priority, Object target, String method, Object[] args) {
    return scheduleEventRel(Long.valueOf(0L), priority, target, method, (Object[]) args);
  }

  @Override
  public SimEventInterface<Long> scheduleEventRel(
      Long relativeDelay, short priority, Executable executable) {
    return scheduleEvent(new LambdaSimEvent<>(addDelay(relativeDelay), priority, executable));
  }

  @Override
  public SimEventInterface<Long> scheduleEventNow(short priority, Executable executable) {
    return scheduleEventRel(Long.valueOf(0L), priority, executable);
  }

  @Override
  public boolean cancelEvent(SimEventInterface<Long> event) {
    DsolEventAdapter adapter = dsolEvents.remove(event);
    return adapter != null && eventList.remove(adapter);
  }

  @Override
  public EventListInterface<Long> getEventList() {
    throw new UnsupportedOperationException(
        "rnicsim keeps its own event list; use pendingEventCount() or the run methods");
  }

  @Override
  public void setEventList(EventListInterface<Long> list) {
    throw new UnsupportedOperationException("rnicsim's event list cannot be replaced");
  }

  /**
   * Binds a DSOL model and replication without starting DSOL's worker thread or touching its
   * JVM-wide naming context: the clock starts at the replication's start time and the model is
   * constructed on the caller's thread.
   */
  @Override
  public void initialize(
      DsolModel<Long, ? extends SimulatorInterface<Long>> dsolModel,
      Replication<Long> dsolReplication,
      boolean cleanUp) {
    eventList.clear();
    waitingInFifos = 0;
    dsolEvents.clear();
    this.replication = dsolReplication;
    this.model = dsolModel;
    this.nowPs = dsolReplication.getStartTime();
    dsolModel.constructModel();
    this.runState = RunState.INITIALIZED;
    this.replicationState = ReplicationState.INITIALIZED;
  }

  /** Runs the bound replication to its end time, synchronously. */
  @Override
  public void start() {
    requireReplication();
    this.replicationState = ReplicationState.STARTED;
    runUntil(replication.getEndTime());
    this.replicationState = ReplicationState.ENDING;
  }

  @Override
  public void runUpTo(Long stopTime) {
    runUntil(stopTime - 1);
    nowPs = Math.max(nowPs, stopTime);
  }

  @Override
  public void runUpToAndIncluding(Long stopTime) {
    runUntil(stopTime.longValue());
  }

  @Override
  public void step() {
    runEvents(1);
  }

  @Override
  public void stop() {
    requestStop();
  }

  @Override
  public void run() {
    runToEnd();
  }

  @Override
  public void cleanUp() {
    eventList.clear();
    waitingInFifos = 0;
    dsolEvents.clear();
  }

  private void requireReplication() {
    if (replication == null) {
      throw new SimRuntimeException("no replication bound: call initialize(model, replication)");
    }
  }

  /** Lets a DSOL event wait in rnicsim's list. */
  private final class DsolEventAdapter extends SimEvent {
    private final SimEventInterface<Long> event;

    DsolEventAdapter(SimEventInterface<Long> event) {
      this.event = event;
    }

    @Override
    protected void fire() {
      dsolEvents.remove(event);
      event.execute();
    }
  }
}
