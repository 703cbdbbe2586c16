package org.rnicsim.experiments.rdma.sim;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.model.host.CpuCore;
import org.rnicsim.model.host.CpuWorkKind;

/**
 * A client's requests as the bandwidth and open loops drive them, whether the client posts to the
 * adapter directly ({@link RequestIssuer}) or as an NDK consumer ({@link NdkRequests}): each
 * arrives, waits in a backlog until fewer than the window are in flight, and its latency, from
 * arrival to the poll that sees its completion, goes to the loop's {@link RequestIssuer.Listener}.
 * Posts are batched as ib_write_bw batches them: whatever is waiting when the client's core is free
 * is posted in one go, costing the core {@code postSendCpu} each; the clients differ only in what
 * they do as the calls start and once they have returned.
 */
abstract class ClientRequests {
  /** Arrival times of the requests not yet posted, oldest first. */
  final LongFifo backlog = new LongFifo();

  final RnicSimulator simulator;

  private final CpuCore core;
  private final int window;
  private final long postCpuPs;

  /** Requests posted and not yet completed. */
  int inFlight;

  private int batch;
  private boolean posting;

  ClientRequests(RnicSimulator simulator, CpuCore core, int window, long postCpuPs) {
    this.simulator = simulator;
    this.core = core;
    this.window = window;
    this.postCpuPs = postCpuPs;
  }

  /** A request arrives now; it is posted as soon as the window and the core allow. */
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

  /** Posts what the backlog holds, as far as the window allows, once the core is free. */
  final void pump() {
    if (posting || backlog.size() == 0 || inFlight >= window) {
      return;
    }
    posting = true;
    batch = Math.min(backlog.size(), window - inFlight);
    core.submit(
        new CpuCore.Work(
            CpuWorkKind.POST, batch * postCpuPs, () -> callsStarting(batch), this::returned));
  }

  /** The core starts on the calls posting the oldest {@code batch} requests of the backlog. */
  abstract void callsStarting(int batch);

  /** The calls posting {@code batch} requests have returned. */
  abstract void callsReturned(int batch);

  private void returned() {
    callsReturned(batch);
    posting = false;
    pump();
  }
}
