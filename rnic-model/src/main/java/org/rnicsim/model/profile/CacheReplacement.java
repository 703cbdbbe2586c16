package org.rnicsim.model.profile;

/**
 * Which entry of a full set an adapter cache evicts on a fill (docs/calibration-qp-scaling.md says
 * which the shipped profiles use and why).
 */
public enum CacheReplacement {
  /** The least recently used entry of the set (true LRU). */
  LRU,
  /**
   * An entry chosen by the cache's own pseudo-random sequence (hardware uses an LFSR): a fixed
   * sequence per cache, so a study's results do not depend on its seed through the cache.
   */
  RANDOM
}
