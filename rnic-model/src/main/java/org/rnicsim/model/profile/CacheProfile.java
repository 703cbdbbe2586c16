package org.rnicsim.model.profile;

/**
 * An on-adapter cache of host-resident state (QP contexts, memory translations). A miss costs a DMA
 * read of one entry (calibration Q1).
 *
 * @param entries total entries
 * @param ways entries per set; {@code ways == entries} is fully associative (true LRU, the sharp
 *     cliff of Q1), fewer ways with hashed set selection give a gradual decay
 * @param entryBytes bytes read from host memory on a miss
 * @param hitLatencyPs lookup time on a hit
 * @param maxOutstandingMisses misses the adapter can fetch at once; more wait in order
 * @param replacement which entry of a full set a fill evicts: lru or random
 * @param missesBlockLookups while a miss waits for a fetch slot, every later lookup of this cache
 *     waits behind it, hits included (a blocking cache: no lookups pass a stalled miss); false:
 *     hits and misses on entries already being fetched go on, and further misses queue in order
 */
public record CacheProfile(
    int entries,
    int ways,
    long entryBytes,
    long hitLatencyPs,
    int maxOutstandingMisses,
    CacheReplacement replacement,
    boolean missesBlockLookups) {
  /** A cache whose hits and pending-entry lookups go on while further misses queue. */
  public CacheProfile(
      int entries,
      int ways,
      long entryBytes,
      long hitLatencyPs,
      int maxOutstandingMisses,
      CacheReplacement replacement) {
    this(entries, ways, entryBytes, hitLatencyPs, maxOutstandingMisses, replacement, false);
  }

  public CacheProfile {
    ProfileChecks.positive("cache.entries", entries);
    ProfileChecks.positive("cache.ways", ways);
    if (entries % ways != 0) {
      throw new IllegalArgumentException(
          "cache.entries (" + entries + ") must be a multiple of cache.ways (" + ways + ")");
    }
    ProfileChecks.positive("cache.entryBytes", entryBytes);
    ProfileChecks.nonNegative("cache.hitLatencyPs", hitLatencyPs);
    ProfileChecks.positive("cache.maxOutstandingMisses", maxOutstandingMisses);
    ProfileChecks.present("cache.replacement", replacement);
  }

  public int sets() {
    return entries / ways;
  }
}
