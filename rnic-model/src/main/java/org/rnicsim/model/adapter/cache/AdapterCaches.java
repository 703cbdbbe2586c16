package org.rnicsim.model.adapter.cache;

import java.util.Map;
import java.util.TreeMap;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.dma.DmaEngines;
import org.rnicsim.model.profile.AdapterProfile;

/**
 * The on-adapter caches of one adapter (calibration Q1, docs/calibration-qp-scaling.md): QP
 * contexts, send-queue state, READ responder state, memory protection (MPT) and memory translation
 * (MTT) entries, each sized by the profile. Every miss is a DMA read that queues with payload reads
 * for the same engines, read tags and PCIe link.
 *
 * <p>READ responder state lives either in a cache of its own or, when the profile says so, as a
 * second entry per QP in the QP context cache (keys apart by {@link #READ_STATE_KEY_BIT}).
 *
 * <p>A work request without a memory key (the hardware loop's; an NDK post carries its MR's token)
 * has its key found by the registered region its address falls in; an address in no registered
 * region uses {@link #RESERVED_MEMORY_KEY}, the key of all of memory that kernel consumers use (the
 * mlx5 reserved lkey), whose MPT entry the adapter holds from the start.
 */
public final class AdapterCaches {
  /** Keys of READ responder state in the QP context cache never collide with a QPN. */
  public static final long READ_STATE_KEY_BIT = 1L << 40;

  /** The memory key of an address no registered region covers. */
  public static final int RESERVED_MEMORY_KEY = 0;

  private final ContextCache qpContexts;
  private final ContextCache translations;
  private final ContextCache mpts;
  private final ContextCache sendQueues;
  private final ContextCache readResponders;
  private final boolean readStateShared;

  /** Registered regions by start address: {@code {key, endAddress}}. */
  private final TreeMap<Long, long[]> regions = new TreeMap<>();

  public AdapterCaches(
      RnicSimulator simulator,
      String adapterName,
      AdapterProfile profile,
      DmaEngines dma,
      StatisticsRegistry stats) {
    this.qpContexts =
        new ContextCache(
            simulator, adapterName + ".qpContextCache", profile.qpContextCache(), dma, stats);
    this.translations =
        new ContextCache(
            simulator, adapterName + ".translationCache", profile.translationCache(), dma, stats);
    this.mpts =
        new ContextCache(simulator, adapterName + ".mptCache", profile.mptCache(), dma, stats);
    this.sendQueues =
        new ContextCache(
            simulator, adapterName + ".sendQueueCache", profile.sendQueueCache(), dma, stats);
    this.readStateShared = profile.readResponderStateInQpContextCache();
    this.readResponders =
        readStateShared
            ? qpContexts
            : new ContextCache(
                simulator,
                adapterName + ".readResponderCache",
                profile.readResponderCache(),
                dma,
                stats);
    // The firmware wrote the reserved key's entry when it brought the adapter up.
    mpts.preload(RESERVED_MEMORY_KEY);
  }

  public ContextCache qpContexts() {
    return qpContexts;
  }

  public ContextCache translations() {
    return translations;
  }

  public ContextCache mpts() {
    return mpts;
  }

  public ContextCache sendQueues() {
    return sendQueues;
  }

  public ContextCache readResponders() {
    return readResponders;
  }

  /** The key of {@code qpn}'s READ responder state in {@link #readResponders()}. */
  public long readStateKey(int qpn) {
    return readStateShared ? qpn | READ_STATE_KEY_BIT : qpn;
  }

  /**
   * A modify wrote the QP's context and send-queue state through the adapter, which keeps them (its
   * READ responder state is fetched on the first READ).
   */
  public void qpWritten(int qpn) {
    qpContexts.preload(qpn);
    sendQueues.preload(qpn);
  }

  /** The QP was reset: its context and send-queue state are stale. */
  public void qpReset(int qpn) {
    qpContexts.invalidate(qpn);
    sendQueues.invalidate(qpn);
  }

  /** The QP was destroyed: nothing of it stays cached. */
  public void qpDestroyed(int qpn) {
    qpReset(qpn);
    readResponders.invalidate(readStateKey(qpn));
  }

  /** REGISTER_MR wrote the region's MPT entry through the adapter, which keeps it. */
  public void memoryRegistered(int key, long address, long lengthBytes) {
    regions.put(address, new long[] {key, address + Math.max(1, lengthBytes)});
    mpts.preload(key);
  }

  /** DEREGISTER_MR: the key no longer exists. */
  public void memoryDeregistered(int key, long address) {
    long[] region = regions.get(address);
    if (region != null && region[0] == key) {
      regions.remove(address);
    }
    mpts.invalidate(key);
  }

  /** The memory key whose MPT entry guards {@code address}. */
  public long memoryKeyOf(long address) {
    if (regions.isEmpty()) {
      return RESERVED_MEMORY_KEY;
    }
    Map.Entry<Long, long[]> region = regions.floorEntry(address);
    return region != null && address < region.getValue()[1]
        ? region.getValue()[0]
        : RESERVED_MEMORY_KEY;
  }
}
