package org.rnicsim.model.adapter.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
