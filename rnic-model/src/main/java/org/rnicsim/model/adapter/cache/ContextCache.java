package org.rnicsim.model.adapter.cache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.Counter;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.adapter.dma.DmaEngines;
import org.rnicsim.model.pcie.DmaRead;
import org.rnicsim.model.profile.CacheProfile;
import org.rnicsim.model.trace.ModelTraceEvent.CacheMiss;

/**
 * An adapter cache of entries that live in host memory (calibration Q1). A hit costs the hit
 * latency; a miss starts a DMA read of the entry, and whoever needed it waits until the entry has
 * arrived. Misses on the same key share one read; at most {@code maxOutstandingMisses} reads are in
 * flight, further misses wait in order. A blocking cache ({@code missesBlockLookups}) lets nothing
 * pass a miss that waits for a read slot: every later lookup of another key, hit or miss, waits
 * behind it and goes on, in order, once it has its slot (docs/calibration-qp-scaling.md). Whoever
 * waited for an entry uses it when it arrives or when its blocked lookup goes on: its lookup again
 * then is a hit, even if another miss waits meanwhile (else the entry could be evicted before that
 * miss has its slot, fetched again and never used).
 *
 * <p>Usage on the hot path allocates nothing on a hit:
 *
 * <pre>{@code
 * long readyPs = cache.probe(key, readyAtPs);
 * if (readyPs < 0) { cache.awaitFill(key, () -> continueLater()); return; }
 * }</pre>
 *
 * <p>Statistics under {@code <name>}: {@code .hits}, {@code .misses} (hit rate = hits / (hits +
 * misses)), {@code .missesInFlight} (gauge).
 */
public final class ContextCache {
  private final RnicSimulator simulator;
  private final String name;
  private final SetAssociativeCache entries;
  private final DmaEngines dma;
  private final long entryBytes;
  private final long hitLatencyPs;
  private final int maxOutstandingMisses;
  private final Counter hits;
  private final Counter misses;
  private final TimeWeightedGauge missesInFlightGauge;
  private final Trace trace;
  private final Map<Long, Fill> pendingFills = new HashMap<>();
  private final ArrayDeque<Fill> waitingFills = new ArrayDeque<>();
  private int fillsInFlight;
  private final boolean missesBlockLookups;

  /**
   * Lookups that came while a miss waited for a fetch slot, in arrival order, each key with whoever
   * waits for it: they go on, in that order, when the blocking miss has its slot.
   */
  private final LinkedHashMap<Long, List<Runnable>> stalledLookups = new LinkedHashMap<>();

  /** The key whose waiters are being resumed: their lookups of it pass a waiting miss. */
  private long deliveredKey = NO_KEY;

  private static final long NO_KEY = Long.MIN_VALUE;

  public ContextCache(
      RnicSimulator simulator,
      String name,
      CacheProfile profile,
      DmaEngines dma,
      StatisticsRegistry stats) {
    this.simulator = simulator;
    this.name = name;
    this.entries =
        new SetAssociativeCache(
            profile.entries(),
            profile.ways(),
            profile.replacement(),
            // Each cache of each adapter has its own fixed sequence, as each hardware cache has
            // its own LFSR.
            RandomStreams.fnv1a64(name));
    this.dma = dma;
    this.entryBytes = profile.entryBytes();
    this.hitLatencyPs = profile.hitLatencyPs();
    this.maxOutstandingMisses = profile.maxOutstandingMisses();
    this.missesBlockLookups = profile.missesBlockLookups();
    this.hits = stats.counter(name + ".hits");
    this.misses = stats.counter(name + ".misses");
    this.missesInFlightGauge = stats.gauge(name + ".missesInFlight");
    this.trace = simulator.trace();
  }

  /**
   * Looks {@code key} up at {@code readyAtPs}: on a hit returns when the entry is ready; on a miss
   * starts (or joins) the fill and returns -1, and the caller registers with {@link #awaitFill}.
   */
  public long probe(long key, long readyAtPs) {
    if (missesBlockLookups
        && !waitingFills.isEmpty()
        && key != deliveredKey
        && !pendingFills.containsKey(key)) {
      // The tag is checked when the lookup comes, so a held entry counts as used now; only its
      // answer waits behind the miss.
      entries.touch(key);
      stalledLookups.computeIfAbsent(key, k -> new ArrayList<>(2));
      return -1;
    }
    if (entries.touch(key)) {
      hits.increment();
      return readyAtPs + hitLatencyPs;
    }
    misses.increment();
    if (!pendingFills.containsKey(key)) {
      Fill fill = new Fill(key, Math.max(readyAtPs, simulator.nowPs()));
      pendingFills.put(key, fill);
      if (trace.isOn()) {
        trace.emit(new CacheMiss(simulator.nowPs(), name, key));
      }
      if (fillsInFlight < maxOutstandingMisses) {
        startFill(fill, fill.readyAtPs);
      } else {
        waitingFills.addLast(fill);
      }
    }
    return -1;
  }

  /** Runs {@code waiter} when the pending fill of {@code key} has arrived. */
  public void awaitFill(long key, Runnable waiter) {
    Fill fill = pendingFills.get(key);
    if (fill == null && stalledLookups.containsKey(key)) {
      stalledLookups.get(key).add(waiter);
      return;
    }
    if (fill == null) {
      throw new IllegalStateException(name + ": no fill pending for key " + key);
    }
    fill.waiters.add(waiter);
  }

  /** Drops {@code key}, e.g. when its QP is destroyed. */
  public void invalidate(long key) {
    entries.invalidate(key);
  }

  /** Loads {@code key} without a DMA read: the adapter just wrote the entry itself. */
  public void preload(long key) {
    entries.insert(key);
  }

  public boolean holds(long key) {
    return entries.contains(key);
  }

  private void startFill(Fill fill, long readyAtPs) {
    fillsInFlight++;
    missesInFlightGauge.set(fillsInFlight);
    dma.read(readyAtPs, entryBytes, fill);
  }

  private void filled(Fill fill) {
    fillsInFlight--;
    missesInFlightGauge.set(fillsInFlight);
    pendingFills.remove(fill.key);
    entries.insert(fill.key);
    if (!waitingFills.isEmpty()) {
      Fill next = waitingFills.removeFirst();
      startFill(next, Math.max(next.readyAtPs, simulator.nowPs()));
    }
    releaseStalledLookups();
    resume(fill.key, fill.waiters);
  }

  /** Runs the waiters of {@code key}, which is held now, letting their lookups of it hit. */
  private void resume(long key, List<Runnable> waiters) {
    long outer = deliveredKey;
    deliveredKey = key;
    for (Runnable waiter : waiters) {
      waiter.run();
    }
    deliveredKey = outer;
  }

  /** The miss that blocked the lookups has its slot: those behind it go on, in order. */
  private void releaseStalledLookups() {
    while (waitingFills.isEmpty() && !stalledLookups.isEmpty()) {
      Map.Entry<Long, List<Runnable>> first = stalledLookups.entrySet().iterator().next();
      long key = first.getKey();
      List<Runnable> waiters = first.getValue();
      stalledLookups.remove(key);
      if (probe(key, simulator.nowPs()) >= 0) {
        resume(key, waiters);
      } else {
        pendingFills.get(key).waiters.addAll(waiters);
      }
    }
  }

  private final class Fill extends DmaRead {
    private final long key;
    private final long readyAtPs;
    private final List<Runnable> waiters = new ArrayList<>(2);

    Fill(long key, long readyAtPs) {
      this.key = key;
      this.readyAtPs = readyAtPs;
    }

    @Override
    protected void onDataArrived() {
      filled(this);
    }
  }
}
