package org.rnicsim.model.adapter.transport;

import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.stats.QueueStatistic;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.engine.stats.TimeWeightedGauge;
import org.rnicsim.engine.trace.Trace;
import org.rnicsim.model.adapter.cache.AdapterCaches;
import org.rnicsim.model.adapter.cache.ContextCache;
import org.rnicsim.model.adapter.completion.CqeWriter;
import org.rnicsim.model.adapter.congestion.Dcqcn;
import org.rnicsim.model.adapter.dma.DmaEngines;
import org.rnicsim.model.adapter.observe.StageBreakdown;
import org.rnicsim.model.fabric.Packet;
import org.rnicsim.model.fabric.PacketOpcode;
import org.rnicsim.model.fabric.Port;
import org.rnicsim.model.profile.AdapterProfile;

/** What the transport's parts share: the adapter's resources, its profile and its QP table. */
final class TransportContext {
  /** Assumption: a receive WQE is one 16-byte scatter entry (the mlx5 layout). */
  static final long RECEIVE_WQE_BYTES = 16;

  /** Assumption: a doorbell record write is 8 bytes (producer index and QP number). */
  static final long DOORBELL_BYTES = 8;

  /**
   * The BlueFlame buffer of an mlx5 UAR page: a doorbell may carry a WQE of at most this size
   * (rdma-core providers/mlx5: the BlueFlame register is 512 B and each half, the buffer one post
   * writes, 256 B).
   */
  static final long BLUEFLAME_BUFFER_BYTES = 256;

  /** Assumption: a WQE's control and address segments take 32 bytes before inline data. */
  static final long WQE_HEADER_BYTES = 32;

  final RnicSimulator simulator;
  final String adapterName;
  final int address;
  final AdapterProfile profile;
  final long mtuBytes;
  final long packetHeaderBytes;
  final DmaEngines dma;
  final AdapterCaches caches;

  /** The keys consumers' registrations created (their MPT entries), for keyed accesses. */
  final MemoryKeys memoryKeys = new MemoryKeys();

  /**
   * What {@link #translate(int, long, long, long)} returns when the MPT entry it read refuses the
   * access; the other negative result, -1, is a miss to wait for.
   */
  static final long KEY_FAULT = -2;

  // An invalid key's lookups are kept apart from every valid entry's key.
  private static final long INVALID_KEY_BIT = 1L << 32;
  final ContextCache qpContexts;
  final ContextCache translations;
  final Port port;
  final CqeWriter cqeWriter;
  final StageBreakdown stages;
  final PipelineStage doorbellUnit;
  final PipelineStage sendPipeline;
  final PipelineStage receivePipeline;
  final QpTable qps;
  final Trace trace;
  private final int pageShift;

  /**
   * Send WQEs posted and not completed, over all QPs: {@code <adapter>.sendQueues.outstandingWqes}.
   */
  final TimeWeightedGauge sendWqesOutstanding;

  /** Receive WQEs posted and not consumed: {@code <adapter>.receiveQueues.postedWqes}. */
  final TimeWeightedGauge receiveWqesPosted;

  /** Packets waiting behind a blocked one: {@code <adapter>.rx.backloggedPackets}. */
  final TimeWeightedGauge rxBackloggedPackets;

  /** QPs waiting for their turn at the send pipeline: {@code <adapter>.sendScheduler.readyQps}. */
  final TimeWeightedGauge readyQps;

  /**
   * QPs in the send scheduler's ring, from joining it to their turn: queue {@code
   * <adapter>.sendScheduler}.
   */
  final QueueStatistic readyQpQueue;

  final TransmitBuffer transmitBuffer;
  final ReceiveBuffer receiveBuffer;

  /** The key of the last translation or context lookup that missed. */
  long missKey;

  /** The cache that last missed. */
  ContextCache missCache;

  /** When the MPT entry of the last {@link #KEY_FAULT} was in and refused the access. */
  long keyFaultPs;

  /** Surprise removal happened: the device does nothing any more. */
  boolean removed;

  /** Told when an incoming WRITE has landed in host memory; null when nobody listens. */
  WriteLandedListener writeLandedListener;

  /** DCQCN's notification and reaction points; null when the adapter runs no congestion control. */
  Dcqcn dcqcn;

  TransportContext(
      RnicSimulator simulator,
      String adapterName,
      int address,
      AdapterProfile profile,
      long mtuBytes,
      long packetHeaderBytes,
      DmaEngines dma,
      AdapterCaches caches,
      Port port,
      CqeWriter cqeWriter,
      StageBreakdown stages,
      PipelineStage doorbellUnit,
      PipelineStage sendPipeline,
      PipelineStage receivePipeline,
      StatisticsRegistry stats) {
    this.simulator = simulator;
    this.adapterName = adapterName;
    this.address = address;
    this.profile = profile;
    this.mtuBytes = mtuBytes;
    this.packetHeaderBytes = packetHeaderBytes;
    this.dma = dma;
    this.caches = caches;
    this.qpContexts = caches.qpContexts();
    this.translations = caches.translations();
    this.port = port;
    this.cqeWriter = cqeWriter;
    this.stages = stages;
    this.doorbellUnit = doorbellUnit;
    this.sendPipeline = sendPipeline;
    this.receivePipeline = receivePipeline;
    this.qps = new QpTable();
    this.trace = simulator.trace();
    this.pageShift = Long.numberOfTrailingZeros(profile.translationPageBytes());
    this.sendWqesOutstanding = stats.gauge(adapterName + ".sendQueues.outstandingWqes");
    this.receiveWqesPosted = stats.gauge(adapterName + ".receiveQueues.postedWqes");
    this.rxBackloggedPackets = stats.gauge(adapterName + ".rx.backloggedPackets");
    this.readyQps = stats.gauge(adapterName + ".sendScheduler.readyQps");
    this.readyQpQueue = stats.queue(adapterName + ".sendScheduler");
    this.transmitBuffer = new TransmitBuffer(adapterName, profile.txBufferBytes(), stats);
    this.receiveBuffer = ReceiveBuffer.of(this, stats);
  }

  long nowPs() {
    return simulator.nowPs();
  }

  /**
   * Checks the protection entry (MPT) of the region holding {@code address} and translates the
   * pages of {@code [address, address + bytes)} at {@code readyAtPs}; returns when both are ready,
   * or -1 after a miss ({@link #missKey} and {@link #missCache} say which fill to wait for). The
   * MPT and the first page's MTT lookups start together (assumption: the translation cache is
   * tagged by page, so it need not wait for the MPT's translation base), so a hit costs the slower
   * of the two.
   */
  long translate(long address, long bytes, long readyAtPs) {
    return translate(SendWorkRequest.NO_MEMORY_KEY, address, bytes, readyAtPs);
  }

  /**
   * As {@link #translate(long, long, long)}, with the memory key the work request or the RETH
   * carried ({@link SendWorkRequest#NO_MEMORY_KEY}: the key of the region around the address, never
   * refused). A key that names no registered entry (deregistered, say) is looked up under its own
   * value, which no registration preloads, so it misses and costs the MPT read the adapter makes
   * before it can tell the key is invalid; once the entry is in, a key that names no region, or a
   * region that does not hold {@code [address, address + bytes)}, returns {@link #KEY_FAULT}: the
   * caller refuses the access (a NAK on the responder, a local protection error on the requester).
   */
  long translate(int memoryKey, long address, long bytes, long readyAtPs) {
    long key;
    MemoryKeys.Entry entry = null;
    if (memoryKey == SendWorkRequest.NO_MEMORY_KEY) {
      key = caches.memoryKeyOf(address);
    } else {
      entry = memoryKeys.entryOf(memoryKey);
      key = entry != null ? entry.entryKey() : INVALID_KEY_BIT | memoryKey;
    }
    long protectedPs = caches.mpts().probe(key, readyAtPs);
    if (protectedPs < 0) {
      return missed(caches.mpts(), key);
    }
    // A zero-length access touches no memory, so no key is checked (IB checks none for a WRITE).
    if (memoryKey != SendWorkRequest.NO_MEMORY_KEY
        && bytes > 0
        && (entry == null || !entry.covers(address, bytes))) {
      keyFaultPs = protectedPs;
      return KEY_FAULT;
    }
    long firstPage = address >>> pageShift;
    long lastPage = (address + Math.max(1, bytes) - 1) >>> pageShift;
    long readyPs = translations.probe(firstPage, readyAtPs);
    if (readyPs < 0) {
      return missed(translations, firstPage);
    }
    if (lastPage != firstPage) {
      readyPs = translations.probe(lastPage, readyPs);
      if (readyPs < 0) {
        return missed(translations, lastPage);
      }
    }
    return Math.max(readyPs, protectedPs);
  }

  /**
   * Whether the entry {@code memoryKey} names lets an access to {@code [address, address + bytes)}
   * through: always for {@link SendWorkRequest#NO_MEMORY_KEY}, and for a zero-length access, which
   * touches no memory (IB checks no key for a zero-length WRITE). A hardware decision only once the
   * entry was looked up ({@link #translate(int, long, long, long)}).
   */
  boolean permits(int memoryKey, long address, long bytes) {
    if (memoryKey == SendWorkRequest.NO_MEMORY_KEY || bytes == 0) {
      return true;
    }
    MemoryKeys.Entry entry = memoryKeys.entryOf(memoryKey);
    return entry != null && entry.covers(address, bytes);
  }

  /** Drops the cached translations of {@code [address, address + bytes)}. */
  void forgetTranslations(long address, long bytes) {
    long firstPage = address >>> pageShift;
    long lastPage = (address + Math.max(1, bytes) - 1) >>> pageShift;
    for (long page = firstPage; page <= lastPage; page++) {
      translations.invalidate(page);
    }
  }

  /** Looks a QP context up; -1 after a miss, as {@link #translate}. */
  long context(long key, long readyAtPs) {
    return lookUp(qpContexts, key, readyAtPs);
  }

  /** Looks the send-queue state of {@code qpn} up; -1 after a miss, as {@link #translate}. */
  long sendQueueState(int qpn, long readyAtPs) {
    return lookUp(caches.sendQueues(), qpn, readyAtPs);
  }

  /** Looks the READ responder state of {@code qpn} up; -1 after a miss, as {@link #translate}. */
  long readResponderState(int qpn, long readyAtPs) {
    return lookUp(caches.readResponders(), caches.readStateKey(qpn), readyAtPs);
  }

  private long lookUp(ContextCache cache, long key, long readyAtPs) {
    long readyPs = cache.probe(key, readyAtPs);
    return readyPs < 0 ? missed(cache, key) : readyPs;
  }

  /**
   * After a miss in a lookup (which returned -1): runs {@code resume} when the missed entry has
   * been fetched, unless {@code qp} was reset or destroyed meanwhile (its epoch moved on), in which
   * case the work it would resume no longer exists.
   */
  void resumeAfterMiss(QueuePair qp, Runnable resume) {
    int epoch = qp.epoch;
    missCache.awaitFill(
        missKey,
        () -> {
          if (qp.epoch == epoch) {
            resume.run();
          }
        });
  }

  private long missed(ContextCache cache, long key) {
    missCache = cache;
    missKey = key;
    return -1;
  }

  /** A control packet (ACK or NAK) from {@code qp} to its peer, sent at {@code readyAtPs}. */
  void sendControl(QueuePair qp, PacketOpcode opcode, int psn, long readyAtPs, long echoedPs) {
    Packet packet =
        new Packet(
            opcode, address, qp.remoteAddress, qp.remoteQpn, psn, 0, 0, 0, packetHeaderBytes);
    packet.setMeasurementStampPs(echoedPs);
    port.transmit(readyAtPs, packet);
  }

  /**
   * A CNP from {@code qp} to the requester QP it serves, sent at {@code readyAtPs}: like an ACK it
   * skips the send scheduler (RoCEv2 CNPs go on a high-priority class).
   */
  void sendCnp(QueuePair qp, long readyAtPs) {
    sendControl(qp, PacketOpcode.CNP, 0, readyAtPs, -1);
    dcqcn.countCnpSent();
  }

  /** Bytes of one WQE in the ring: inline data makes it longer, in 64-byte steps. */
  long wqeSizeBytes(SendWqe wqe) {
    if (!wqe.inline) {
      return profile.wqeBytes();
    }
    long bytes = WQE_HEADER_BYTES + wqe.lengthBytes;
    return Math.max(profile.wqeBytes(), (bytes + 63) / 64 * 64);
  }
}
