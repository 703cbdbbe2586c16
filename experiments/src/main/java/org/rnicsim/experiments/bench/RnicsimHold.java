package org.rnicsim.experiments.bench;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.random.SimRandom;

/** The hold model on rnicsim's engine, written as a model would be: reusable events. */
final class RnicsimHold implements HoldModel {
  @Override
  public String engineName() {
    return "rnicsim";
  }

  @Override
  public Measurement run(int pendingEvents, long events, long seed) {
    RnicSimulator sim = new RnicSimulator("bench-hold");
    SimRandom random = new RandomStreams(seed, 0).stream("hold");
    for (int i = 0; i < pendingEvents; i++) {
      sim.schedule(new Hold(sim, random), random.exponentialPs(MEAN_HOLD_PS));
    }
    long start = System.nanoTime();
    long executed = sim.runEvents(events);
    return new Measurement(executed, System.nanoTime() - start);
  }

  private static final class Hold extends SimEvent {
    private final RnicSimulator sim;
    private final SimRandom random;

    Hold(RnicSimulator sim, SimRandom random) {
      this.sim = sim;
      this.random = random;
    }

    @Override
    protected void fire() {
      sim.schedule(this, random.exponentialPs(MEAN_HOLD_PS));
    }
  }
}
