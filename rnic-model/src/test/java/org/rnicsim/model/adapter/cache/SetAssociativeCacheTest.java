package org.rnicsim.model.adapter.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.model.profile.CacheReplacement;

class SetAssociativeCacheTest {

  @Test
  void aFullSetEvictsItsLeastRecentlyUsedKey() {
    SetAssociativeCache cache = new SetAssociativeCache(3, 3);
    cache.insert(1);
    cache.insert(2);
    cache.insert(3);
    assertTrue(cache.touch(1));
    cache.insert(4);
    assertFalse(cache.contains(2), "2 was least recently used");
    assertTrue(cache.contains(1) && cache.contains(3) && cache.contains(4));
  }

  @Test
  void aFullyAssociativeCacheMissesEveryTimeWhenARoundRobinWorkingSetIsOneTooLarge() {
    int entries = 64;
    SetAssociativeCache cache = new SetAssociativeCache(entries, entries);
    int hits = 0;
    for (int round = 0; round < 10; round++) {
      for (long key = 0; key <= entries; key++) {
        if (cache.touch(key)) {
          hits++;
        } else {
          cache.insert(key);
        }
      }
    }
    assertTrue(hits == 0, "LRU under cyclic access: the cliff of calibration Q1");
  }

  @Test
  void hashedSetsKeepPartOfAnOversizedWorkingSet() {
    int entries = 256;
    SetAssociativeCache cache = new SetAssociativeCache(entries, 4);
    int hits = 0;
    int accesses = 0;
    for (int round = 0; round < 20; round++) {
      for (long key = 0; key < entries * 5 / 4; key++) {
        accesses++;
        if (cache.touch(key)) {
          hits++;
        } else {
          cache.insert(key);
        }
      }
    }
    double hitRate = hits / (double) accesses;
    assertTrue(hitRate > 0.2 && hitRate < 0.9, "gradual, not a cliff: " + hitRate);
  }

  @Test
  void randomReplacementKeepsMostOfACyclicWorkingSetOneTooLarge() {
    int entries = 64;
    SetAssociativeCache cache =
        new SetAssociativeCache(entries, entries, CacheReplacement.RANDOM, 42);
    double hitRate = cyclicHitRate(cache, entries + 1, 50);
    assertTrue(
        hitRate > 0.5, "random victims do not flush the set in order as LRU does: " + hitRate);
  }

  @Test
  void randomReplacementIsTheSameSequenceForTheSameSeed() {
    SetAssociativeCache first = new SetAssociativeCache(32, 8, CacheReplacement.RANDOM, 7);
    SetAssociativeCache second = new SetAssociativeCache(32, 8, CacheReplacement.RANDOM, 7);
    assertEquals(cyclicHitRate(first, 45, 20), cyclicHitRate(second, 45, 20));
    for (long key = 0; key < 45; key++) {
      assertEquals(first.contains(key), second.contains(key), "key " + key);
    }
  }

  @Test
  void aFullRandomSetStillFillsAnEmptySlotFirst() {
    SetAssociativeCache cache = new SetAssociativeCache(4, 4, CacheReplacement.RANDOM, 1);
    for (long key = 1; key <= 4; key++) {
      cache.insert(key);
    }
    for (long key = 1; key <= 4; key++) {
      assertTrue(cache.contains(key), "key " + key + " evicted while a slot was free");
    }
  }

  /** Hit rate of {@code rounds} passes over keys 0 .. workingSet - 1, inserting on a miss. */
  private static double cyclicHitRate(SetAssociativeCache cache, int workingSet, int rounds) {
    int hits = 0;
    for (int round = 0; round < rounds; round++) {
      for (long key = 0; key < workingSet; key++) {
        if (cache.touch(key)) {
          hits++;
        } else {
          cache.insert(key);
        }
      }
    }
    return hits / (double) (workingSet * rounds);
  }
}
