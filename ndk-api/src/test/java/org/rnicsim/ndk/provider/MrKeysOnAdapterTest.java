package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.provider.queue.SimQp;

/**
 * An NDK consumer's memory registrations reach the adapter's protection (MPT) cache, and its posts
 * carry the MR tokens as memory keys (docs/calibration-qp-scaling.md): more MRs than the cache
 * holds, touched round-robin, miss; DeregisterMr drops the key, so an access with it is refused.
 */
class MrKeysOnAdapterTest {
  // Every MR covers the same page, so the translation (MTT) lookups are the same in every run
  // and only the MPT lookups tell the runs apart.
  private static final long BUFFER = 0x10000;
  private static final long BYTES = 256;

  /** What a run of WRITEs cost the adapter and the consumer. */
  private record Run(long mptMisses, long dmaReads, long totalCompletionPs) {}

  private static final class Consumer {
    final ProviderRig rig = new ProviderRig();
    final NdkCq cq = rig.cq(64);
    final NdkPd pd = rig.pd();
    final SimQp[] qps = rig.connectedPair(pd, cq);
    final StatisticsRegistry stats = rig.provider.hardware().stats();
    final String adapter = rig.provider.hardware().name();
    final NdkResultEx[] drained = new NdkResultEx[4];

    int mptEntries() {
      return rig.provider.hardware().node().rnic().profile().adapter().mptCache().entries();
    }

    long counter(String name) {
      return stats.counter(adapter + name).count();
    }

    List<NdkMr> register(int count) {
      List<NdkMr> mrs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        mrs.add(rig.registeredMr(pd, BUFFER, BYTES, 0));
      }
      return mrs;
    }

    /** Posts one WRITE at a time, from and to {@code mr}, and waits for its completion. */
    long write(NdkMr mr) {
      List<NdkSge> sgl = List.of(new NdkSge(BUFFER, BYTES, mr.getLocalTokenFromMr()));
      int before = rig.queuedEntries.size();
      long postedPs = rig.now();
      assertEquals(NtStatus.SUCCESS, qps[0].write("w", sgl, BUFFER, mr.getRemoteTokenFromMr(), 0));
      rig.sim.runUntil(() -> rig.queuedEntries.size() > before);
      assertEquals(NtStatus.SUCCESS, rig.queuedEntries.get(before).status());
      long completionPs = rig.now() - postedPs;
      assertEquals(1, cq.getCqResultsEx(drained), "one completion per WRITE");
      return completionPs;
    }

    Run roundRobin(List<NdkMr> mrs, int writes) {
      long misses = counter(".mptCache.misses");
      long reads = counter(".dma.reads");
      long completionPs = 0;
      for (int i = 0; i < writes; i++) {
        completionPs += write(mrs.get(i % mrs.size()));
      }
      return new Run(
          counter(".mptCache.misses") - misses, counter(".dma.reads") - reads, completionPs);
    }
  }

  @Test
  void moreMrsThanTheMptCacheHoldsMissOnEveryTouchAsExtraPcieReadsAndSlowerCompletions() {
    Consumer few = new Consumer();
    Consumer many = new Consumer();
    int manyMrs = 2 * many.mptEntries();
    int writes = manyMrs;

    Run fitting = few.roundRobin(few.register(4), writes);
    Run thrashing = many.roundRobin(many.register(manyMrs), writes);

    // The firmware wrote each entry at registration, so keys that fit never miss, not even first.
    assertEquals(0, fitting.mptMisses(), "MRs that fit the MPT cache");
    // Round-robin over twice the cache: nearly every WRITE misses its key (a set the keys hash
    // to less often may still hold all of its own).
    String seen = fitting + " vs " + thrashing + " over " + writes + " writes";
    assertTrue(thrashing.mptMisses() >= writes * 9L / 10, seen);
    // Each fill is one PCIe read of the entry, on top of the same WQE and payload reads; a lookup
    // that joins a fill already under way adds a miss but no read.
    long fills = thrashing.dmaReads() - fitting.dmaReads();
    assertTrue(fills >= writes * 9L / 10 && fills <= thrashing.mptMisses(), seen);
    assertTrue(thrashing.totalCompletionPs() > fitting.totalCompletionPs(), seen);
  }

  @Test
  void deregisterMrDropsTheKeySoALaterAccessWithItIsRefusedOnceTheAdapterLookedItUp() {
    Consumer consumer = new Consumer();
    NdkMr mr = consumer.register(1).get(0);
    assertEquals(0, consumer.roundRobin(List.of(mr), 2).mptMisses(), "a registered key");

    NtStatus[] deregistered = new NtStatus[1];
    assertEquals(NtStatus.PENDING, mr.deregisterMr((ctx, s) -> deregistered[0] = s, null));
    consumer.rig.sim.runUntil(() -> deregistered[0] != null);
    assertEquals(NtStatus.SUCCESS, deregistered[0]);

    // The token the consumer kept names nothing on the adapter: the lookup misses (the adapter
    // reads the MPT to learn so), and the WRITE is refused.
    long misses = consumer.counter(".mptCache.misses");
    List<NdkSge> sgl = List.of(new NdkSge(BUFFER, BYTES, mr.getLocalTokenFromMr()));
    int before = consumer.rig.queuedEntries.size();
    assertEquals(
        NtStatus.SUCCESS,
        consumer.qps[0].write("stale", sgl, BUFFER, mr.getRemoteTokenFromMr(), 0));
    consumer.rig.sim.runUntil(() -> consumer.rig.queuedEntries.size() > before);
    assertEquals(NtStatus.ACCESS_VIOLATION, consumer.rig.queuedEntries.get(before).status());
    assertTrue(consumer.counter(".mptCache.misses") > misses, "a deregistered key misses");
  }
}
