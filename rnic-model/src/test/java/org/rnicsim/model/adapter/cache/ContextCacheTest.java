package org.rnicsim.model.adapter.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.profile.CacheReplacement;
import org.rnicsim.model.testbed.BackToBackTestbed;
import org.rnicsim.model.testbed.TestProfiles;

/**
 * What a lookup waits for when the cache's fetch slots are busy (calibration Q1,
 * docs/calibration-qp-scaling.md): in a blocking cache nothing passes a miss that waits for a slot,
 * in a non-blocking one hits go on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContextCacheTest {
  private static final long HIT_PS = 10_000;

  private final BackToBackTestbed testbed = new BackToBackTestbed(TestProfiles.small(), 1);
  private final Map<Long, Long> goneOnAtPs = new HashMap<>();

  /** A fully associative LRU cache of {@code entries} with one fetch slot. */
  private ContextCache cache(int entries, boolean blocking) {
    CacheProfile profile =
        new CacheProfile(entries, entries, 64, HIT_PS, 1, CacheReplacement.LRU, blocking);
    return new ContextCache(
        testbed.simulator(), "test.cache", profile, testbed.nic(0).dma(), testbed.stats());
  }

  /** Four entries, one fetch slot; key 1 held, key 2 being fetched, key 3 waiting for the slot. */
  private ContextCache busyCache(boolean blocking) {
    ContextCache cache = cache(4, blocking);
    cache.preload(1);
    long now = testbed.simulator().nowPs();
    for (long key : new long[] {2, 3}) {
      assertEquals(-1, cache.probe(key, now), "key " + key + " misses");
      cache.awaitFill(key, () -> goneOnAtPs.put(key, testbed.simulator().nowPs()));
    }
    return cache;
  }

  @Test
  void blockingCache_holdsAHitBehindAMissWaitingForASlotUntilThatMissHasIt() {
    ContextCache cache = busyCache(true);
    long now = testbed.simulator().nowPs();
    assertEquals(-1, cache.probe(1, now), "the hit waits behind the miss on key 3");
    cache.awaitFill(1, () -> goneOnAtPs.put(1L, testbed.simulator().nowPs()));
    testbed.simulator().runToEnd();

    // Key 3 gets the slot when key 2 has arrived: that is when the held hit goes on.
    assertEquals(goneOnAtPs.get(2L), goneOnAtPs.get(1L), "" + goneOnAtPs);
    assertTrue(goneOnAtPs.get(1L) < goneOnAtPs.get(3L), "" + goneOnAtPs);
    assertTrue(cache.holds(1) && cache.holds(2) && cache.holds(3));
  }

  @Test
  void blockingCache_letsALookupOfAnEntryBeingFetchedJoinThatFetch() {
    ContextCache cache = busyCache(true);
    assertEquals(-1, cache.probe(2, testbed.simulator().nowPs()));
    cache.awaitFill(2, () -> goneOnAtPs.put(20L, testbed.simulator().nowPs()));
    testbed.simulator().runToEnd();
    assertEquals(goneOnAtPs.get(2L), goneOnAtPs.get(20L), "" + goneOnAtPs);
  }

  /**
   * A lookup held behind a waiting miss has its tag checked when it comes: the held entry it hits
   * counts as just used, so the fill that arrives meanwhile evicts the other, older entry.
   */
  @Test
  void blockingCache_countsAHeldHitAsUsedWhenItComes() {
    ContextCache cache = cache(2, true);
    cache.preload(1);
    cache.preload(2);
    long now = testbed.simulator().nowPs();
    Map<Long, Boolean> heldWhenThreeArrived = new HashMap<>();
    assertEquals(-1, cache.probe(3, now));
    cache.awaitFill(
        3,
        () -> {
          heldWhenThreeArrived.put(1L, cache.holds(1));
          heldWhenThreeArrived.put(2L, cache.holds(2));
        });
    assertEquals(-1, cache.probe(4, now), "key 4 waits for the slot");
    assertEquals(-1, cache.probe(1, now), "the hit on key 1 waits behind key 4");
    cache.awaitFill(1, () -> goneOnAtPs.put(1L, testbed.simulator().nowPs()));
    testbed.simulator().runToEnd();

    assertEquals(Map.of(1L, true, 2L, false), heldWhenThreeArrived);
    assertTrue(goneOnAtPs.containsKey(1L));
  }

  /**
   * One entry and one fetch slot, three misses: each fill evicts the entry before it, and when a
   * fill arrives another miss still waits for the slot. Each lookup must go on with the entry it
   * waited for; if its lookup again were held behind the waiting miss, its entry would be evicted
   * and fetched again before it is used, for ever (the Q1 sweep's READ that never completed).
   */
  @Test
  void blockingCache_letsEachWaiterUseTheEntryItWaitedForWhileAnotherMissWaits() {
    ContextCache cache = cache(1, true);
    Map<Long, Integer> waits = new HashMap<>();
    for (long key = 1; key <= 3; key++) {
      lookUpUntilHit(cache, key, waits);
    }
    testbed.simulator().runToEnd();

    assertEquals(Map.of(1L, 1, 2L, 1, 3L, 1), waits, "waits per key");
    assertTrue(
        goneOnAtPs.get(1L) < goneOnAtPs.get(2L) && goneOnAtPs.get(2L) < goneOnAtPs.get(3L),
        "in order: " + goneOnAtPs);
  }

  /**
   * Looks {@code key} up as the transport does: on a miss waits, then looks it up again (at most
   * five times, so a lookup that never succeeds ends the test instead of running for ever).
   */
  private void lookUpUntilHit(ContextCache cache, long key, Map<Long, Integer> waits) {
    long now = testbed.simulator().nowPs();
    if (cache.probe(key, now) >= 0) {
      goneOnAtPs.put(key, now);
    } else if (waits.merge(key, 1, Integer::sum) <= 5) {
      cache.awaitFill(key, () -> lookUpUntilHit(cache, key, waits));
    }
  }

  @Test
  void nonBlockingCache_servesAHitWhileMissesWaitForTheSlot() {
    ContextCache cache = busyCache(false);
    long now = testbed.simulator().nowPs();
    assertEquals(now + HIT_PS, cache.probe(1, now));
  }
}
