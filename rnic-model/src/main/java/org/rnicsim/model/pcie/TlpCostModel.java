package org.rnicsim.model.pcie;

/**
 * Cuts DMAs into TLPs and counts their wire bytes per direction (calibration P2).
 *
 * <p>Every TLP uses 64-bit addressing, as in calibration P2. Assumption: the adapter's DMA engine
 * cuts writes at MPS-aligned and reads at MRRS-aligned host addresses. That is the simplest cut
 * that keeps every TLP inside one 4 KiB page, as PCIe requires, and it gives exactly the P2 counts
 * ({@code ceil(S/MPS)} writes, {@code ceil(S/MRRS)} requests) for aligned buffers.
 *
 * <p>Completions: the completer answers each read request with completions of at most MPS bytes.
 * Assumption: when a request starts off an RCB boundary, its first completion stops at the next RCB
 * boundary and the rest follow RCB-aligned. PCIe lets a completer split only at RCB boundaries, and
 * the paper's public model describes typical root complexes this way; it is why a read one byte
 * past a cache line costs a whole extra TLP (calibration P2). Aligned reads cost ceil(S/MPS)
 * completions, as P2 and P3 assume. A completion never answers two requests, so with MRRS below MPS
 * each request needs its own.
 */
public final class TlpCostModel {

  /** Calibration P2: framing and data link 8, header 4, 64-bit address and length 12. */
  public static final int MEMORY_WRITE_OVERHEAD_BYTES = 24;

  /** Calibration P2: a memory read request carries no data. */
  public static final int READ_REQUEST_WIRE_BYTES = 24;

  /** Calibration P2: completion with data. */
  public static final int COMPLETION_OVERHEAD_BYTES = 20;

  /** Calibration P2: the ECRC digest, when enabled, on every TLP. */
  public static final int ECRC_BYTES = 4;

  /** Calibration P2: MSI/MSI-X is a 4-byte memory write. */
  public static final int MSI_X_PAYLOAD_BYTES = 4;

  private final int maxPayloadBytes;
  private final int maxReadRequestBytes;
  private final int readCompletionBoundaryBytes;
  private final int ecrcBytes;

  // The costs of aligned transfers by payload size, direct-mapped: a link moves few distinct sizes
  // (CQEs, WQEs, one message size), and a fresh record per DMA was the largest allocation in bench
  // model's profile. A slot holds an immutable record whose payloadBytes is its key, so a slot
  // read races with no other write into a wrong answer.
  private static final int COST_SLOTS = 32;
  private final DmaTransferCost[] alignedWrites = new DmaTransferCost[COST_SLOTS];
  private final DmaTransferCost[] alignedReads = new DmaTransferCost[COST_SLOTS];

  public TlpCostModel(PcieLinkConfig config) {
    maxPayloadBytes = config.maxPayloadBytes();
    maxReadRequestBytes = config.maxReadRequestBytes();
    readCompletionBoundaryBytes = config.readCompletionBoundaryBytes();
    ecrcBytes = config.ecrcEnabled() ? ECRC_BYTES : 0;
  }

  /** Largest payload of one TLP (MPS). */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** Header and framing bytes of one memory write TLP on this link. */
  public int memoryWriteOverheadBytes() {
    return MEMORY_WRITE_OVERHEAD_BYTES + ecrcBytes;
  }

  /** Wire bytes of one memory read request on this link. */
  public int readRequestWireBytes() {
    return READ_REQUEST_WIRE_BYTES + ecrcBytes;
  }

  /** Header and framing bytes of one completion with data on this link. */
  public int completionOverheadBytes() {
    return COMPLETION_OVERHEAD_BYTES + ecrcBytes;
  }

  /** A DMA write of {@code payloadBytes} to an MPS-aligned host buffer. */
  public DmaTransferCost dmaWrite(long payloadBytes) {
    int slot = costSlot(payloadBytes);
    DmaTransferCost cost = alignedWrites[slot];
    if (cost == null || cost.payloadBytes() != payloadBytes) {
      cost = dmaWrite(0, payloadBytes);
      alignedWrites[slot] = cost;
    }
    return cost;
  }

  /** A DMA write of {@code payloadBytes} to host memory starting at {@code hostAddress}. */
  public DmaTransferCost dmaWrite(long hostAddress, long payloadBytes) {
    requireTransfer(hostAddress, payloadBytes);
    long tlps = piecesCutAtAlignedBoundaries(hostAddress, payloadBytes, maxPayloadBytes);
    return new DmaTransferCost(
        payloadBytes, tlps, payloadBytes + tlps * memoryWriteOverheadBytes(), 0, 0);
  }

  /** A DMA read of {@code payloadBytes} from an MRRS-aligned host buffer. */
  public DmaTransferCost dmaRead(long payloadBytes) {
    int slot = costSlot(payloadBytes);
    DmaTransferCost cost = alignedReads[slot];
    if (cost == null || cost.payloadBytes() != payloadBytes) {
      cost = dmaRead(0, payloadBytes);
      alignedReads[slot] = cost;
    }
    return cost;
  }

  /** Sizes are mostly multiples of 2^k: fold the high bits in before taking the slot. */
  private static int costSlot(long payloadBytes) {
    long h = payloadBytes ^ (payloadBytes >>> 5) ^ (payloadBytes >>> 11) ^ (payloadBytes >>> 17);
    return (int) (h & (COST_SLOTS - 1));
  }

  /** A DMA read of {@code payloadBytes} from host memory starting at {@code hostAddress}. */
  public DmaTransferCost dmaRead(long hostAddress, long payloadBytes) {
    requireTransfer(hostAddress, payloadBytes);
    long endAddress = hostAddress + payloadBytes;
    long firstRequestEnd =
        Math.min(endAddress, hostAddress - hostAddress % maxReadRequestBytes + maxReadRequestBytes);
    long firstRequestBytes = firstRequestEnd - hostAddress;
    long laterBytes = endAddress - firstRequestEnd;
    long fullRequests = laterBytes / maxReadRequestBytes;
    long tailBytes = laterBytes % maxReadRequestBytes;

    long requests = 1 + fullRequests + (tailBytes > 0 ? 1 : 0);
    // Every request after the first starts MRRS-aligned, hence RCB-aligned (MRRS >= 128 >= RCB).
    long completions =
        completionsForRequest(hostAddress, firstRequestBytes)
            + fullRequests * ceilDiv(maxReadRequestBytes, maxPayloadBytes)
            + ceilDiv(tailBytes, maxPayloadBytes);
    return new DmaTransferCost(
        payloadBytes,
        requests,
        requests * readRequestWireBytes(),
        completions,
        payloadBytes + completions * completionOverheadBytes());
  }

  /** One MSI-X message: a 4-byte memory write upstream (calibration P2). */
  public DmaTransferCost msiX() {
    return new DmaTransferCost(
        MSI_X_PAYLOAD_BYTES, 1, MSI_X_PAYLOAD_BYTES + memoryWriteOverheadBytes(), 0, 0);
  }

  private long completionsForRequest(long requestAddress, long requestBytes) {
    long offsetInBoundary = requestAddress % readCompletionBoundaryBytes;
    long headBytes =
        offsetInBoundary == 0
            ? 0
            : Math.min(requestBytes, readCompletionBoundaryBytes - offsetInBoundary);
    return (headBytes > 0 ? 1 : 0) + ceilDiv(requestBytes - headBytes, maxPayloadBytes);
  }

  /** Pieces of at most {@code alignment} bytes, none crossing a multiple of {@code alignment}. */
  private static long piecesCutAtAlignedBoundaries(long address, long bytes, long alignment) {
    long offset = address % alignment;
    long headBytes = offset == 0 ? 0 : Math.min(bytes, alignment - offset);
    return (headBytes > 0 ? 1 : 0) + ceilDiv(bytes - headBytes, alignment);
  }

  private static long ceilDiv(long dividend, long divisor) {
    return dividend / divisor + (dividend % divisor == 0 ? 0 : 1);
  }

  private static void requireTransfer(long hostAddress, long payloadBytes) {
    if (payloadBytes <= 0) {
      throw new IllegalArgumentException("DMA size must be > 0 bytes but was " + payloadBytes);
    }
    if (hostAddress < 0 || hostAddress > Long.MAX_VALUE - payloadBytes) {
      throw new IllegalArgumentException(
          "host address must be >= 0 and leave room for "
              + payloadBytes
              + " bytes but was "
              + hostAddress);
    }
  }
}
