package org.rnicsim.experiments.bench;

import java.util.List;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimEvent;
import org.rnicsim.experiments.rdma.sim.NdkConsumerSetup;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.NdkHosts;
import org.rnicsim.ndk.provider.SimNdkProvider;
import org.rnicsim.ndk.provider.queue.SimQp;
import org.rnicsim.ndk.verifier.LifetimeVerifier;
import org.rnicsim.ndk.verifier.ProviderProbe;

/**
 * The 64 B WRITE closed loop of {@code bench model}, driven through the NDK instead of the adapter
 * directly: two back-to-back hosts, a consumer on host A that keeps {@code window} signalled
 * NdkWrites outstanding on one QP and busy-polls its CQ with GetCqResults (it notices an entry the
 * moment the provider queues it, as a spinning core would), posting one WRITE per completion. With
 * {@code verified} the consumer reaches the provider through the lifetime verifier, whose probe
 * also hears of every queued entry and callback, exactly as in the tests.
 *
 * <p>Connection: the two QPs are joined on the datapath directly (the engine's INIT, RTR, RTS), not
 * through NdkConnect, because connection setup is not what this loop measures.
 */
final class NdkWriteLoop {
  private static final long BUFFER_ADDRESS = 0x10_000;

  private final RnicSimulator sim;
  private final LifetimeVerifier verifier;
  private final NdkCq cq;
  private final NdkQp qp;
  private final List<NdkSge> sgl;
  private final int remoteToken;
  private final NdkResult[] results;
  // A consumer's request contexts point at its own per-slot request structures, reused as slots
  // free up; a fresh boxed counter per WRITE would bill the consumer's allocation to the provider.
  private final Object[] requestContexts;
  private final int window;
  private final PollEvent pollEvent = new PollEvent();
  private long posted;
  private int nextSlot;
  private long completed;
  private long failures;

  NdkWriteLoop(HardwareProfile profile, long messageBytes, int window, boolean verified) {
    this.sim = new RnicSimulator(verified ? "ndk-write-loop-verified" : "ndk-write-loop");
    this.window = window;
    this.results = new NdkResult[window];
    this.requestContexts = new Object[window];
    for (int slot = 0; slot < window; slot++) {
      requestContexts[slot] = "write slot " + slot;
    }
    NdkHosts hosts =
        NdkHosts.builder(sim).names(List.of("nicA", "nicB")).profile(profile).seed(1).build();
    this.verifier = verified ? LifetimeVerifier.builder(sim::nowPs).build() : null;
    ProviderProbe probe = verified ? verifier.probe() : ProviderProbe.NONE;
    NdkQp[] qps = new NdkQp[2];
    NdkCq[] cqs = new NdkCq[2];
    NdkMr[] mrs = new NdkMr[2];
    for (int host = 0; host < 2; host++) {
      SimNdkProvider provider = hosts.provider(host);
      boolean consumerSide = host == 0;
      provider.setObserver(
          NdkConsumerSetup.observer(probe, consumerSide ? this::entryQueued : () -> {}));
      NdkProvider view = verified ? verifier.wrap(provider) : provider;
      NdkAdapter adapter =
          view.openAdapter(NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2)).adapter();
      cqs[host] = create(cb -> adapter.createCq(4L * window, null, null, null, cb, null));
      NdkPd pd = create(cb -> adapter.createPd(cb, null));
      // Each host's buffer is registered: the WRITEs carry its tokens, which the adapters check.
      mrs[host] = NdkConsumerSetup.registerMr(sim, pd, BUFFER_ADDRESS, messageBytes);
      NdkCq hostCq = cqs[host];
      String context = "qp" + host;
      qps[host] =
          create(
              cb -> pd.createQp(hostCq, hostCq, context, window, 2L * window, 1, 1, 64, cb, null));
    }
    SimQp a = (SimQp) hosts.provider(0).objectWithHeader(qps[0].header());
    SimQp b = (SimQp) hosts.provider(1).objectWithHeader(qps[1].header());
    a.connectTo(b);
    sim.runToEnd();
    this.sgl = List.of(new NdkSge(BUFFER_ADDRESS, messageBytes, mrs[0].getLocalTokenFromMr()));
    this.remoteToken = mrs[1].getRemoteTokenFromMr();
    this.cq = cqs[0];
    this.qp = qps[0];
  }

  /** The consumer's spinning core finds the entry: poll once everything queued now is in. */
  private void entryQueued() {
    if (!pollEvent.isScheduled()) {
      sim.schedule(pollEvent, 0);
    }
  }

  /** The spinning core's next look at the CQ; one instance, since at most one look is queued. */
  private final class PollEvent extends SimEvent {
    @Override
    protected void fire() {
      poll();
    }
  }

  private <T extends NdkObject> T create(
      java.util.function.Function<NdkFnCreateCompletion, NdkCreateResult<T>> call) {
    return NdkConsumerSetup.create(sim, call);
  }

  /**
   * Runs until {@code operations} more WRITEs have completed; returns the simulator events this
   * took.
   */
  long run(long operations) {
    long target = completed + operations;
    long eventsBefore = sim.eventsExecuted();
    while (posted - completed < window) {
      post();
    }
    sim.runUntil(() -> completed >= target);
    if (completed < target) {
      throw new IllegalStateException("the write loop stalled at " + completed + " of " + target);
    }
    return sim.eventsExecuted() - eventsBefore;
  }

  private void post() {
    NtStatus status = qp.write(requestContexts[nextSlot], sgl, BUFFER_ADDRESS, remoteToken, 0);
    if (!NtStatus.SUCCESS.equals(status)) {
      throw new IllegalStateException("NdkWrite failed inline with " + status);
    }
    posted++;
    nextSlot = nextSlot + 1 == window ? 0 : nextSlot + 1; // posted % window, without a division
  }

  private void poll() {
    int n = cq.getCqResults(results);
    for (int i = 0; i < n; i++) {
      completed++;
      if (!NtStatus.SUCCESS.equals(results[i].status())) {
        failures++;
      }
      post();
    }
  }

  long failures() {
    return failures;
  }

  /** Lifetime violations so far (0 without the verifier). */
  int violations() {
    return verifier == null ? 0 : verifier.violations().size();
  }

  long nowPs() {
    return sim.nowPs();
  }
}
