package org.rnicsim.experiments.rdma.sim;

import org.rnicsim.ndk.api.struct.NdkResult;

/**
 * The client of an {@code api: ndk} bandwidth or open loop: each request waits in a backlog until
 * fewer than {@code window} are in flight, then the client consumer posts it (NdkSend, NdkWrite or
 * NdkRead) with its arrival time as the request context; its latency runs to the poll (or the CQ
 * notification) that hands the consumer its completion. A batch's calls are made as the core
 * returns from them, all but the last with NDK_OP_FLAG_DEFER so the batch rings one doorbell, as
 * ib_write_bw's chained post does (a doorbell per post would push every WQE with its doorbell, a
 * BlueFlame write the hardware loop's batches do not get); the provider then takes its post cost to
 * ring it, so a request reaches the adapter no sooner than the hardware loop's.
 */
final class NdkRequests extends ClientRequests {
  private final NdkConsumerPair pair;
  private final RequestIssuer.Listener listener;

  NdkRequests(NdkConsumerPair pair, int window, RequestIssuer.Listener listener) {
    super(pair.simulator(), pair.core(NdkConsumerPair.CLIENT), window, pair.postCpuPs());
    this.pair = pair;
    this.listener = listener;
  }

  /** The pair's handler: a client completion ends a request; the server's receives need nothing. */
  void completed(int side, NdkResult result) {
    if (side != NdkConsumerPair.CLIENT) {
      return;
    }
    inFlight--;
    listener.completed(simulator.nowPs() - (Long) result.requestContext());
    pump();
  }

  @Override
  void callsStarting(int batch) {}

  @Override
  void callsReturned(int batch) {
    for (int i = 0; i < batch; i++) {
      inFlight++;
      pair.post(NdkConsumerPair.CLIENT, backlog.remove(), i < batch - 1);
    }
  }
}
