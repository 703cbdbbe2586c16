package org.rnicsim.experiments.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import org.djutils.event.EventListener;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;

/**
 * The hold model on stock DSOL: {@code DevsSimulator<Double>} (time in microseconds), lambda
 * events, its default red-black-tree event list, run the DSOL way on its worker thread until the
 * replication ends. This is what a DSOL user would write; it is the baseline of target a/b.
 */
final class StockDsolHold implements HoldModel {
  private static final double MEAN_HOLD_US = MEAN_HOLD_PS / 1e6;
  private static int instances;

  @Override
  public String engineName() {
    return "stock DSOL DevsSimulator<Double>";
  }

  @Override
  public Measurement run(int pendingEvents, long events, long seed) {
    // Each replication binds a JVM-wide naming context under its id, so ids must be unique.
    String id = "rnicsim-bench-dsol-" + nextInstance();
    DevsSimulator<Double> simulator = new DevsSimulator<>(id);
    SimRandom random = new RandomStreams(seed, 0).stream("hold");
    long[] executed = new long[1];
    AbstractDsolModel<Double, DevsSimulator<Double>> model =
        new AbstractDsolModel<>(simulator) {
          private static final long serialVersionUID = 1L;

          @Override
          public void constructModel() {
            for (int i = 0; i < pendingEvents; i++) {
              hold(simulator, random, executed);
            }
          }
        };
    // N events with mean hold 1 us execute N events per simulated microsecond.
    double runLengthUs = (double) events / pendingEvents;
    SingleReplication<Double> replication = new SingleReplication<>(id, 0.0, 0.0, runLengthUs);
    CountDownLatch ended = new CountDownLatch(1);
    EventListener onEnd = event -> ended.countDown();
    try {
      simulator.addListener(onEnd, Replication.END_REPLICATION_EVENT);
      simulator.initialize(model, replication);
      long start = System.nanoTime();
      simulator.start();
      if (!ended.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("stock DSOL hold model did not end");
      }
      long elapsed = System.nanoTime() - start;
      return new Measurement(executed[0], elapsed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for DSOL", interrupted);
    } finally {
      simulator.cleanUp();
      replication.removeFromContext();
    }
  }

  private static synchronized int nextInstance() {
    return ++instances;
  }

  private static void hold(DevsSimulator<Double> simulator, SimRandom random, long[] executed) {
    simulator.scheduleEventRel(
        random.exponential(MEAN_HOLD_US),
        () -> {
          executed[0]++;
          hold(simulator, random, executed);
        });
  }
}
