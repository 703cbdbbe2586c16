package org.rnicsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import org.junit.jupiter.api.Test;

/** A model written the DSOL way runs on rnicsim's kernel, synchronously, with no worker thread. */
class DsolFaceTest {
  @Test
  void aDsolModelAndReplicationRunToTheEndTimeOnTheCallersThread() {
    RnicSimulator sim = new RnicSimulator("dsol-face");
    List<String> log = new ArrayList<>();
    Thread caller = Thread.currentThread();
    AbstractDsolModel<Long, RnicSimulator> model =
        new AbstractDsolModel<>(sim) {
          private static final long serialVersionUID = 1L;

          @Override
          public void constructModel() {
            sim.scheduleEventRel(
                100L,
                () ->
                    log.add(
                        "tick@"
                            + sim.getSimulatorTime()
                            + " same thread: "
                            + (Thread.currentThread() == caller)));
            sim.scheduleEventRel(5_000L, () -> log.add("after the end"));
          }
        };
    SingleReplication<Long> replication = new SingleReplication<>("dsol-face-rep", 0L, 0L, 1_000L);
    try {
      sim.initialize(model, replication);
      sim.start();
      assertEquals(List.of("tick@100 same thread: true"), log);
      assertEquals(1_000L, sim.getSimulatorTime());
      assertEquals(1, sim.pendingEventCount(), "events past the end time stay pending");
    } finally {
      sim.cleanUp();
      replication.removeFromContext();
    }
  }

  @Test
  void theDsolEventListCannotBeSwappedUnderTheKernel() {
    RnicSimulator sim = new RnicSimulator("dsol-face-2");
    assertThrows(UnsupportedOperationException.class, sim::getEventList);
  }
}
