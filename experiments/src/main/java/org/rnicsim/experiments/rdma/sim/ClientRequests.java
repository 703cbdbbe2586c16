package org.rnicsim.experiments.rdma.sim;

import org.rnicsim.engine.RnicSimulator;

/**
 * A client's requests as the bandwidth and open loops drive them, whether the client posts to the
 * adapter directly ({@link RequestIssuer}) or as an NDK consumer ({@link NdkRequests}): each
 * arrives, waits in a backlog until fewer than the window are in flight, and its latency, from
 * arrival to the poll that sees its completion, goes to the loop's {@link RequestIssuer.Listener}.
 */
abstract class ClientRequests {
  /** Arrival times of the requests not yet posted, oldest first. */
  final LongFifo backlog = new LongFifo();

  final RnicSimulator simulator;

  /** Requests posted and not yet completed. */
  int inFlight;

  ClientRequests(RnicSimulator simulator) {
    this.simulator = simulator;
  }

  /** A request arrives now; it is posted as soon as the window (and the core) allow. */
  void arrive() {
    backlog.add(simulator.nowPs());
    pump();
  }

  /** Requests arrived and not yet completed: waiting in the backlog or in flight. */
  int inSystem() {
    return backlog.size() + inFlight;
  }

  /** Requests arrived and not yet posted. */
  int backlog() {
    return backlog.size();
  }

  /** Posts what the backlog holds, as far as the window allows. */
  abstract void pump();
}
