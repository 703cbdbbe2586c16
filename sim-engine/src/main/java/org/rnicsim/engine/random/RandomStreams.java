package org.rnicsim.engine.random;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The random streams of one replication. A stream's seed depends only on (master seed, replication,
 * name): asking for streams in another order, or adding a stream, leaves every other stream's
 * numbers unchanged.
 */
public final class RandomStreams {
  private final long masterSeed;
  private final int replication;
  private final Map<String, SimRandom> streams = new HashMap<>();

  public RandomStreams(long masterSeed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must be >= 0, was " + replication);
    }
    this.masterSeed = masterSeed;
    this.replication = replication;
  }

  public long masterSeed() {
    return masterSeed;
  }

  public int replication() {
    return replication;
  }

  /** The stream called {@code name}; the same object every time within this replication. */
  public SimRandom stream(String name) {
    return streams.computeIfAbsent(
        name, n -> new SimRandom(n, seedFor(masterSeed, replication, n)));
  }

  /** The seed of a stream, a pure function of its three coordinates. */
  static long seedFor(long masterSeed, int replication, String name) {
    long h = mix(masterSeed ^ 0x6A09E667F3BCC909L);
    h = mix(h ^ (replication * 0x9E3779B97F4A7C15L));
    return mix(h ^ fnv1a64(name));
  }

  /**
   * FNV-1a over the UTF-8 bytes: stable across JVMs, unlike String.hashCode's 32 bits. Also the
   * seed of model parts that draw a fixed sequence of their own from their name (a cache's
   * replacement LFSR), independent of the study's seed.
   */
  public static long fnv1a64(String text) {
    long hash = 0xCBF29CE484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x100000001B3L;
    }
    return hash;
  }

  /** The SplitMix64 finaliser: spreads nearby inputs over the whole 64-bit range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
