package org.rnicsim.engine.queue;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.LatencyHistogram;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.engine.trace.EngineTraceEvent.QueueArrival;
import org.rnicsim.engine.trace.EngineTraceEvent.QueueDeparture;
import org.rnicsim.engine.trace.EngineTraceEvent.QueueDrop;
import org.rnicsim.engine.trace.Trace;

/**
 * One server in front of a FIFO queue: a DMA engine, a firmware command processor, a link
 * direction. Each job's service time is asked for when its service starts. With a capacity, a job
 * that finds the station full (in service + waiting) is dropped.
 *
 * <p>Statistics, under the queue's name: {@code .waitPs} (arrival to service start), {@code
 * .sojournPs} (arrival to departure), {@code .inSystem} and {@code .busy} (time-weighted), {@code
 * .drops}.
 *
 * @param <T> the job type
 */
public final class SingleServerQueue<T> {
  private final RnicSimulator simulator;
  private final String name;
  private final int capacity;
  private final ToLongFunction<? super T> serviceTimePs;
  private final Consumer<? super T> onDeparture;
  private final Trace trace;

  private final ArrayDeque<T> waiting = new ArrayDeque<>();
  private final ArrayDeque<Long> arrivalTimesPs = new ArrayDeque<>();
  private final LatencyHistogram waitHistogram;
  private final LatencyHistogram sojournHistogram;
  private final TimeWeightedGauge inSystemGauge;
  private final TimeWeightedGauge busyGauge;
  private final Counter drops;
  private final Departure departure = new Departure();

  private T inService;
  private long inServiceArrivalPs;
  private long inServiceWaitPs;

  /**
   * @param capacity most jobs in the station (in service + waiting); 0 means unbounded
   */
  public SingleServerQueue(
      RnicSimulator simulator,
      String name,
      int capacity,
      ToLongFunction<? super T> serviceTimePs,
      Consumer<? super T> onDeparture,
      StatisticsRegistry stats) {
    if (capacity < 0) {
      throw new IllegalArgumentException(name + ": capacity must be >= 0 (0 = unbounded)");
    }
    this.simulator = simulator;
    this.name = name;
    this.capacity = capacity;
    this.serviceTimePs = serviceTimePs;
    this.onDeparture = onDeparture;
    this.trace = simulator.trace();
    this.waitHistogram = stats.histogram(name + ".waitPs");
    this.sojournHistogram = stats.histogram(name + ".sojournPs");
    this.inSystemGauge = stats.gauge(name + ".inSystem");
    this.busyGauge = stats.gauge(name + ".busy");
    this.drops = stats.counter(name + ".drops");
  }

  public String name() {
    return name;
  }

  /** Jobs in service plus waiting. */
  public int inSystem() {
    return waiting.size() + (inService == null ? 0 : 1);
  }

  public boolean isBusy() {
    return inService != null;
  }

  /** Offers a job; false if the station was full and the job was dropped. */
  public boolean arrive(T job) {
    long now = simulator.nowPs();
    if (capacity > 0 && inSystem() >= capacity) {
      drops.increment();
      if (trace.isOn()) {
        trace.emit(new QueueDrop(now, name, job, capacity));
      }
      return false;
    }
    if (inService == null) {
      startService(job, now, now);
    } else {
      waiting.addLast(job);
      arrivalTimesPs.addLast(now);
    }
    inSystemGauge.set(inSystem());
    if (trace.isOn()) {
      trace.emit(new QueueArrival(now, name, job, inSystem()));
    }
    return true;
  }

  private void startService(T job, long arrivalPs, long now) {
    inService = job;
    inServiceArrivalPs = arrivalPs;
    inServiceWaitPs = now - arrivalPs;
    waitHistogram.recordPs(inServiceWaitPs);
    busyGauge.set(1);
    long servicePs = serviceTimePs.applyAsLong(job);
    if (servicePs < 0) {
      throw new IllegalStateException(name + ": negative service time " + servicePs + " ps");
    }
    simulator.schedule(departure, servicePs);
  }

  private void depart() {
    long now = simulator.nowPs();
    T job = inService;
    long sojournPs = now - inServiceArrivalPs;
    sojournHistogram.recordPs(sojournPs);
    if (trace.isOn()) {
      trace.emit(new QueueDeparture(now, name, job, inServiceWaitPs, sojournPs));
    }
    inService = null;
    busyGauge.set(0);
    if (!waiting.isEmpty()) {
      startService(waiting.removeFirst(), arrivalTimesPs.removeFirst(), now);
    }
    inSystemGauge.set(inSystem());
    onDeparture.accept(job);
  }

  /** The one reusable departure event: a single server has at most one job in service. */
  private final class Departure extends SimEvent {
    @Override
    protected void fire() {
      depart();
    }
  }
}
