package org.rnicsim.engine.stats;

import java.util.Arrays;

/**
 * Counts of latencies in HdrHistogram's bucket layout for three significant digits and a lowest
 * discernible value of 1 ps (2,048 sub-buckets; bucket k covers values up to 2^(11+k) in steps of
 * 2^k), answering percentiles exactly as HdrHistogram 2.2.2's {@code getValueAtPercentile} does.
 *
 * <p>Why not HdrHistogram itself: a profile of a sweep spent about a tenth of each job in its
 * housekeeping. Every adapter registers 31 stage histograms and a WRITE run fills only nine, yet
 * each allocated 16 KiB up front, grew by copying as larger values came, and was cleared in full at
 * the end of warm-up; each summary then walked the counts from zero once per percentile. Here the
 * counts live in chunks of {@value #CHUNK_LENGTH} made when a value first lands in one, so a stage
 * whose latencies cluster around a few microseconds holds a few KiB, not every count from zero up
 * to its largest index (a dense array grown to the bucket of a millisecond is 160 KiB, and a fabric
 * run builds hundreds of these histograms: their allocation and copying was a twentieth of its
 * time). Clearing touches only the chunks between the smallest and largest value, and all
 * percentiles come from one walk over that range. {@code LatencyBucketsTest} holds the answers to
 * HdrHistogram's on random data.
 */
final class LatencyBuckets {
  /** log2 of the sub-bucket count: 2^11 = 2,048 &gt;= 2 * 10^3 for three significant digits. */
  private static final int SUB_BUCKET_BITS = 11;

  private static final int SUB_BUCKET_HALF_BITS = SUB_BUCKET_BITS - 1;
  private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_BITS;
  private static final long SUB_BUCKET_MASK = (1L << SUB_BUCKET_BITS) - 1;
  private static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_BITS;

  /** Long.MAX_VALUE lands in bucket 52, whose upper half ends at this length. */
  private static final int MAX_LENGTH = indexOf(Long.MAX_VALUE) + 1;

  private static final int CHUNK_BITS = 8;
  private static final int CHUNK_LENGTH = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK_LENGTH - 1;
  private static final int CHUNKS = (MAX_LENGTH + CHUNK_LENGTH - 1) >> CHUNK_BITS;

  // counts[index] is chunks[index >> CHUNK_BITS][index & CHUNK_MASK]; a missing chunk counts 0.
  private long[][] chunks;
  // The chunk the last value landed in: a stage's latencies mostly land in the same chunk, and a
  // WRITE records nine stages, so the lookup through the chunk table is skipped most times.
  private int lastChunkIndex = -1;
  private long[] lastChunk;

  /** Counts one value, which must not be negative. */
  void record(long valuePs) {
    int index = indexOf(valuePs);
    int chunkIndex = index >> CHUNK_BITS;
    long[] chunk = lastChunk;
    if (chunkIndex != lastChunkIndex) {
      long[][] all = chunks;
      if (all == null || (chunk = all[chunkIndex]) == null) {
        chunk = newChunk(chunkIndex);
      }
      lastChunk = chunk;
      lastChunkIndex = chunkIndex;
    }
    chunk[index & CHUNK_MASK]++;
  }

  private long[] newChunk(int chunkIndex) {
    if (chunks == null) {
      chunks = new long[CHUNKS][];
    }
    long[] chunk = new long[CHUNK_LENGTH];
    chunks[chunkIndex] = chunk;
    return chunk;
  }

  /** Forgets every count; all recorded values lay in [minPs, maxPs]. */
  void clear(long minPs, long maxPs) {
    if (minPs <= maxPs && chunks != null) {
      int last = indexOf(maxPs) >> CHUNK_BITS;
      for (int c = indexOf(minPs) >> CHUNK_BITS; c <= last; c++) {
        if (chunks[c] != null) {
          Arrays.fill(chunks[c], 0L);
        }
      }
    }
  }

  /**
   * The value at each of {@code percents} (ascending), as HdrHistogram reports it: the highest
   * value equivalent to the first bucket whose running count reaches the percentile's share of
   * {@code totalCount}, or the lowest for the 0th percentile. All values lay in [minPs, maxPs].
   */
  long[] valuesAtPercentiles(double[] percents, long totalCount, long minPs, long maxPs) {
    long[] values = new long[percents.length];
    long[] targetCounts = new long[percents.length];
    for (int i = 0; i < percents.length; i++) {
      if (i > 0 && percents[i] < percents[i - 1]) {
        throw new IllegalArgumentException("percentiles must ascend: " + Arrays.toString(percents));
      }
      targetCounts[i] = countAtPercentile(percents[i], totalCount);
    }
    int next = 0;
    long runningCount = 0;
    if (minPs <= maxPs && chunks != null) {
      int end = indexOf(maxPs);
      for (int index = indexOf(minPs); index <= end && next < percents.length; index++) {
        long[] chunk = chunks[index >> CHUNK_BITS];
        if (chunk == null) {
          index |= CHUNK_MASK; // nothing counted in this chunk: on to the next one
          continue;
        }
        runningCount += chunk[index & CHUNK_MASK];
        while (next < percents.length && runningCount >= targetCounts[next]) {
          long value = valueFromIndex(index);
          values[next] = percents[next] == 0.0 ? value : highestEquivalentValue(value);
          next++;
        }
      }
    }
    // HdrHistogram answers 0 for a percentile it never reaches, as in an empty histogram.
    return values;
  }

  /** HdrHistogram's rounding, operation for operation, so the same bucket is chosen. */
  private static long countAtPercentile(double percent, long totalCount) {
    double requested =
        Math.min(Math.max(Math.nextAfter(percent, Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
    double fpCount = requested * totalCount / 100.0;
    return Math.max((long) Math.ceil(fpCount), 1);
  }

  static int indexOf(long valuePs) {
    int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(valuePs | SUB_BUCKET_MASK);
    int subBucket = (int) (valuePs >>> bucket);
    return ((bucket + 1) << SUB_BUCKET_HALF_BITS) + (subBucket - SUB_BUCKET_HALF_COUNT);
  }

  /** The lowest value that lands at {@code index}. */
  static long valueFromIndex(int index) {
    int bucket = (index >> SUB_BUCKET_HALF_BITS) - 1;
    int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
    if (bucket < 0) {
      subBucket -= SUB_BUCKET_HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }

  /** The highest value that lands where {@code valuePs} does. */
  static long highestEquivalentValue(long valuePs) {
    int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(valuePs | SUB_BUCKET_MASK);
    long lowest = (valuePs >>> bucket) << bucket;
    return lowest + (1L << bucket) - 1;
  }
}
