package org.rnicsim.experiments.rdma.sim;

/**
 * A client's requests as the bandwidth and open loops drive them, whether the client posts to the
 * adapter directly ({@link RequestIssuer}) or as an NDK consumer ({@link NdkRequests}): each
 * arrives, waits in a backlog until fewer than the window are in flight, and its latency, from
 * arrival to the poll that sees its completion, goes to the loop's {@link RequestIssuer.Listener}.
 */
interface ClientRequests {
  /** A request arrives now; it is posted as soon as the window allows. */
  void arrive();

  /** Requests arrived and not yet completed: waiting in the backlog or in flight. */
  int inSystem();

  /** Requests arrived and not yet posted. */
  int backlog();
}
