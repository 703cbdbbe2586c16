package org.rnicsim.model.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.engine.stats.StatisticsSummary;
import org.rnicsim.model.adapter.transport.SendWorkRequest;
import org.rnicsim.model.profile.AdapterProfile;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.profile.CacheReplacement;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.BackToBackTestbed.ConnectedPair;
import org.rnicsim.model.testbed.TestProfiles;

/**
 * Every on-adapter cache (docs/calibration-qp-scaling.md) is on the datapath: shrink one to a
 * single entry while a few QPs take turns, and its misses appear as DMA reads of its entry size
 * over PCIe, and each operation takes longer (so a closed loop completes fewer). Each test fails if
 * its cache's lookup is bypassed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OnAdapterCachesTest {
  private static final int QPS = 6;
  private static final int ROUNDS = 20;

  /** Rounds start this far apart, long after the one before has completed. */
  private static final long ROUND_GAP_PS = 20_000_000;

  private static final CacheProfile ONE_ENTRY =
      new CacheProfile(1, 1, 64, 10_000, 1, CacheReplacement.LRU);

  /**
   * What one run cost: the requester's mean operation latency, and DMA reads, PCIe bytes towards
   * the adapter and cache misses on the adapter that owns the cache under test.
   */
  private record Cost(double latencyPs, long dmaReads, long completionBytes, long misses) {}

  private enum Operation {
    INLINE_WRITE,
    WRITE,
    READ
  }

  /** The ConnectX-4 class at test scale: every cache roomy, READ state in a cache of its own. */
  private static final AdapterProfile BASE = TestProfiles.small().adapter();

  @Test
  void sendQueueStateMissesAreDmaReadsThatSlowTheRequester() {
    AdapterProfile tiny = with("sendQueueCache", ONE_ENTRY, false);
    assertCostsReads(BASE, tiny, Operation.INLINE_WRITE, 0, "sendQueueCache", 64);
  }

  @Test
  void qpContextMissesAreDmaReadsThatSlowTheRequester() {
    CacheProfile oneContext = new CacheProfile(1, 1, 256, 10_000, 1, CacheReplacement.LRU);
    AdapterProfile tiny = with("qpContextCache", oneContext, false);
    assertCostsReads(BASE, tiny, Operation.INLINE_WRITE, 0, "qpContextCache", 256);
  }

  @Test
  void readResponderStateMissesAreDmaReadsThatSlowTheResponder() {
    assertFalse(BASE.readResponderStateInQpContextCache(), "the ConnectX-4 class has its own");
    CacheProfile oneState = new CacheProfile(1, 1, 256, 10_000, 1, CacheReplacement.LRU);
    AdapterProfile tiny = with("readResponderCache", oneState, false);
    assertCostsReads(BASE, tiny, Operation.READ, 1, "readResponderCache", 256);
  }

  @Test
  void readResponderStateInTheQpContextCacheTakesEntriesFromTheContexts() {
    // Room for every QP's context, not for a READ state entry besides.
    CacheProfile contexts = new CacheProfile(QPS, QPS, 256, 10_000, 2, CacheReplacement.LRU);
    AdapterProfile own = with("qpContextCache", contexts, false);
    AdapterProfile shared = with("qpContextCache", contexts, true);
    assertCostsReads(own, shared, Operation.READ, 1, "qpContextCache", 256);
  }

  @Test
  void mptMissesAreDmaReadsThatSlowTheRequester() {
    AdapterProfile tiny = with("mptCache", ONE_ENTRY, false);
    assertCostsReads(BASE, tiny, Operation.WRITE, 0, "mptCache", 64);
  }

  @Test
  void translationMissesAreDmaReadsThatSlowTheRequester() {
    AdapterProfile tiny = with("translationCache", ONE_ENTRY, false);
    assertCostsReads(BASE, tiny, Operation.WRITE, 0, "translationCache", 64);
  }

  /** {@link #BASE} with the cache named by its profile key replaced. */
  private static AdapterProfile with(String cache, CacheProfile replacement, boolean readShared) {
    return BASE.withCaches(
        cache.equals("qpContextCache") ? replacement : BASE.qpContextCache(),
        cache.equals("translationCache") ? replacement : BASE.translationCache(),
        cache.equals("mptCache") ? replacement : BASE.mptCache(),
        cache.equals("sendQueueCache") ? replacement : BASE.sendQueueCache(),
        cache.equals("readResponderCache") ? replacement : BASE.readResponderCache(),
        readShared);
  }

  /**
   * Runs the same work with {@code roomy} and {@code tight}: {@code tight} must miss in {@code
   * cache} of adapter {@code side}, each miss one more DMA read whose completion carries at least
   * {@code entryBytes} over PCIe, and finish later.
   */
  private static void assertCostsReads(
      AdapterProfile roomy,
      AdapterProfile tight,
      Operation operation,
      int side,
      String cache,
      long entryBytes) {
    Cost hits = run(roomy, operation, side, cache);
    Cost misses = run(tight, operation, side, cache);
    assertEquals(0, hits.misses(), cache + " misses with room for every entry");
    // A one-entry cache misses all but about one lookup a round.
    assertTrue(misses.misses() >= (QPS - 1) * (ROUNDS - 1), cache + " misses " + misses.misses());
    long extraReads = misses.dmaReads() - hits.dmaReads();
    assertTrue(extraReads >= misses.misses() / 2, extraReads + " more DMA reads");
    assertTrue(
        misses.completionBytes() - hits.completionBytes() >= extraReads * entryBytes,
        "PCIe read completions " + hits.completionBytes() + " -> " + misses.completionBytes());
    assertTrue(
        misses.latencyPs() > hits.latencyPs(),
        "an operation took " + hits.latencyPs() + " ps with hits, " + misses.latencyPs());
  }

  /**
   * {@link #QPS} QPs take turns, each posting and ringing one operation per round; each QP reads or
   * writes its own registered region on each side.
   */
  private static Cost run(AdapterProfile adapter, Operation operation, int side, String cache) {
    HardwareProfile small = TestProfiles.small();
    BackToBackTestbed testbed = new BackToBackTestbed(small.withAdapter(adapter), 1);
    List<ConnectedPair> pairs = new ArrayList<>();
    long[] regions = new long[QPS];
    for (int i = 0; i < QPS; i++) {
      pairs.add(testbed.connectPair(ROUNDS + 1, 4 * ROUNDS));
      regions[i] = 0x100_0000L + i * 0x1_0000L;
      for (int nic = 0; nic < 2; nic++) {
        testbed.nic(nic).memory().register(regions[i], 4096, key -> {}, message -> {});
      }
    }
    testbed.simulator().runToEnd();
    // Warm every cache with one round, then measure the rest.
    postRound(pairs, regions, operation, 0);
    testbed.simulator().runToEnd();
    testbed.stats().resetAll();
    long startPs = testbed.simulator().nowPs();
    for (int round = 1; round < ROUNDS; round++) {
      int r = round;
      testbed
          .simulator()
          .scheduleAt(
              startPs + round * ROUND_GAP_PS, () -> postRound(pairs, regions, operation, r));
    }
    testbed.simulator().runToEnd();
    StatisticsSummary summary = testbed.stats().summarize();
    String nic = testbed.nic(side).name();
    String latency =
        operation == Operation.READ ? ".latency.read.totalPs" : ".latency.write.totalPs";
    return new Cost(
        summary.histogram(testbed.nic(0).name() + latency).meanPs(),
        summary.counter(nic + ".dma.reads").count(),
        summary.counter(nic + ".pcie.hostToDevice.wireBytes").count(),
        summary.counter(nic + "." + cache + ".misses").count());
  }

  private static void postRound(
      List<ConnectedPair> pairs, long[] regions, Operation operation, int round) {
    for (int i = 0; i < pairs.size(); i++) {
      ConnectedPair pair = pairs.get(i);
      long wrId = round * 100L + i;
      SendWorkRequest request =
          switch (operation) {
            case INLINE_WRITE ->
                SendWorkRequest.write(wrId, regions[i], 32, regions[i]).withInline(true);
            case WRITE -> SendWorkRequest.write(wrId, regions[i], 256, regions[i]);
            case READ -> SendWorkRequest.read(wrId, regions[i], 32, regions[i]);
          };
      Rnic nic = pair.a().nic();
      assertTrue(nic.postSend(pair.a().qp(), request), "posted");
      nic.ringSendDoorbell(pair.a().qp());
    }
  }
}
