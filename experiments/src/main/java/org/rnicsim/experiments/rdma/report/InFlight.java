package org.rnicsim.experiments.rdma.report;

import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.rdma.sim.OpenLoopRun;

/** When the open loop's in-flight samples were taken: the middle of each of equal intervals. */
final class InFlight {
  private InFlight() {}

  /** Sample {@code i}'s time after the warm-up, in microseconds. */
  static double sampleTimeUs(int i, long durationPs) {
    int samples = OpenLoopRun.IN_FLIGHT_SAMPLES;
    return (2.0 * i + 1) * durationPs / (2.0 * samples) / SimTime.PS_PER_US;
  }
}
