package org.rnicsim.model.adapter.cache;

import java.util.HashMap;
import java.util.Map;
import org.rnicsim.model.profile.CacheReplacement;

/**
 * Which keys an adapter cache holds: {@code sets} sets of {@code ways} entries, a full set evicting
 * its least recently used entry (true LRU) or one its pseudo-random sequence picks. One LRU set is
 * a fully associative LRU cache, whose hit rate under round-robin access drops from all to nothing
 * once the working set exceeds it, and under a uniformly random choice of key (the Q1 sweeps) to
 * about entries / working set, so misses keep growing with the working set; many sets selected by a
 * hash of the key spread the keys unevenly, so the hit rate decays gradually from well below the
 * capacity (docs/calibration-qp-scaling.md). Random replacement keeps a share of a cyclic working
 * set that LRU would lose entirely.
 *
 * <p>Storage is two primitive arrays; a set wider than {@link #SCAN_WAYS} also keeps a key index so
 * a lookup does not scan hundreds of ways.
 */
public final class SetAssociativeCache {
  private static final int SCAN_WAYS = 16;
  private static final long EMPTY = Long.MIN_VALUE;

  private final int sets;
  // sets - 1 when sets is a power of two (the usual hardware geometry), else -1: the set index is
  // then a mask, the same number as the unsigned remainder without a 64-bit division per lookup.
  private final long setMask;
  private final int ways;
  private final long[] keys;
  private final long[] lastUse;
  private final Map<Long, Integer> slotOfKey;
  private final boolean randomReplacement;
  private long useClock;
  private long victimSequence;

  /** A true-LRU cache. */
  public SetAssociativeCache(int entries, int ways) {
    this(entries, ways, CacheReplacement.LRU, 0);
  }

  /**
   * A cache evicting by {@code replacement}; {@code seed} starts the pseudo-random victim sequence
   * of {@link CacheReplacement#RANDOM}.
   */
  public SetAssociativeCache(int entries, int ways, CacheReplacement replacement, long seed) {
    if (entries <= 0 || ways <= 0 || entries % ways != 0) {
      throw new IllegalArgumentException(
          "entries (" + entries + ") must be a positive multiple of ways (" + ways + ")");
    }
    this.sets = entries / ways;
    this.setMask = Integer.bitCount(sets) == 1 ? sets - 1 : -1;
    this.ways = ways;
    this.keys = new long[entries];
    this.lastUse = new long[entries];
    java.util.Arrays.fill(keys, EMPTY);
    this.slotOfKey = ways > SCAN_WAYS ? new HashMap<>() : null;
    this.randomReplacement = replacement == CacheReplacement.RANDOM;
    this.victimSequence = seed;
  }

  public int entries() {
    return keys.length;
  }

  /** True if {@code key} is held; a hit makes it the most recently used of its set. */
  public boolean touch(long key) {
    int slot = find(key);
    if (slot < 0) {
      return false;
    }
    lastUse[slot] = ++useClock;
    return true;
  }

  /** True if {@code key} is held, without changing the replacement order. */
  public boolean contains(long key) {
    return find(key) >= 0;
  }

  /** Holds {@code key} as most recently used, evicting the least recently used of its set. */
  public void insert(long key) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("key " + key + " is reserved");
    }
    int slot = find(key);
    if (slot < 0) {
      slot = victim(setOf(key) * ways);
      if (slotOfKey != null) {
        if (keys[slot] != EMPTY) {
          slotOfKey.remove(keys[slot]);
        }
        slotOfKey.put(key, slot);
      }
      keys[slot] = key;
    }
    lastUse[slot] = ++useClock;
  }

  /** The slot a fill of the set starting at {@code base} takes: an empty one if there is one. */
  private int victim(int base) {
    int slot = base;
    for (int i = base; i < base + ways; i++) {
      if (keys[i] == EMPTY) {
        return i;
      }
      if (lastUse[i] < lastUse[slot]) {
        slot = i;
      }
    }
    if (randomReplacement) {
      victimSequence += 0x9E3779B97F4A7C15L;
      slot = base + (int) Long.remainderUnsigned(mix(victimSequence), ways);
    }
    return slot;
  }

  /** Forgets {@code key} (QP destroyed, MR deregistered). */
  public void invalidate(long key) {
    int slot = find(key);
    if (slot >= 0) {
      keys[slot] = EMPTY;
      lastUse[slot] = 0;
      if (slotOfKey != null) {
        slotOfKey.remove(key);
      }
    }
  }

  private int find(long key) {
    if (slotOfKey != null) {
      Integer slot = slotOfKey.get(key);
      return slot == null ? -1 : slot;
    }
    int base = setOf(key) * ways;
    for (int i = base; i < base + ways; i++) {
      if (keys[i] == key) {
        return i;
      }
    }
    return -1;
  }

  private int setOf(long key) {
    if (setMask >= 0) {
      return (int) (mix(key) & setMask); // also sets == 1: mask 0
    }
    // SplitMix64 finaliser: consecutive QPNs or pages land in unrelated sets, as a hardware hash
    // index would place them.
    return (int) Long.remainderUnsigned(mix(key), sets);
  }

  /** The SplitMix64 finaliser: set index of a key, and the random victim sequence's output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
