package org.rnicsim.experiments.flows;

import java.util.List;

/**
 * A validated {@code flows} workload in engine units.
 *
 * @param sizes the flow-size distribution
 * @param pattern who sends to whom
 * @param incastSenders incast: machines 1..incastSenders send to machine 0
 * @param poisson Poisson arrivals at each load, else every sender starts one flow at once
 * @param loads the cases: offered payload load of a sender's link (incast: of the receiver's)
 * @param messageBytes the WRITEs a flow is cut into
 * @param window WRITEs in flight per flow
 * @param qpsPerPair connected QPs per (sender, receiver) pair
 * @param drainPs how long after the last arrival flows may take to finish
 */
record FlowTraffic(
    FlowSizeCdf sizes,
    FlowPattern pattern,
    int incastSenders,
    boolean poisson,
    List<Double> loads,
    long messageBytes,
    int window,
    int qpsPerPair,
    long drainPs) {
  FlowTraffic {
    loads = List.copyOf(loads);
  }

  /** The mean gap between a sender's arrivals at case {@code loadIndex}, in ps. */
  double meanGapPs(int loadIndex, long linkBitsPerSecond) {
    double load = loads.get(loadIndex);
    if (pattern == FlowPattern.INCAST) {
      load /= incastSenders;
    }
    double flowsPerSecond = load * linkBitsPerSecond / (8 * sizes.meanBytes());
    return 1e12 / flowsPerSecond;
  }
}
