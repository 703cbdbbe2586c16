package org.rnicsim.model.pcie;

/**
 * PCIe flow control of posted writes towards the host: the root port advertises a number of posted
 * header credits (one per memory-write TLP) and posted data credits (one per 16 payload bytes), and
 * the adapter may send a TLP only while it holds enough of both. The root complex drains the TLPs
 * into memory in order, at the host's memory write rate, and returns their credits by an UpdateFC
 * DLLP, which takes one flight back to the adapter.
 *
 * <p>Like {@link TlpSerialiser}, this needs no event: writes are handed over in order, so the time
 * each TLP drains and each credit comes back follows from the writes before it. A transfer of
 * several TLPs is gated TLP by TLP: it may start as soon as every one of its TLPs finds its credits
 * when its turn on the link comes.
 *
 * <p>The advertisement and the host's write rate are a profile's ({@code pcie.postedHeaderCredits},
 * {@code pcie.postedDataCredits}, {@code pcie.hostWriteRate}); calibration P6 says where they come
 * from. A write larger than the whole advertisement is the caller's to cut (see {@link PcieLink}).
 */
public final class PostedWriteCredits {
  /** Bytes of payload one posted data credit pays for (PCIe Base Specification). */
  public static final int DATA_CREDIT_BYTES = 16;

  private final int headerCredits;
  private final int dataCredits;
  private final double hostWritePsPerByte;
  private final long returnLatencyPs;
  // A ring whose length is a power of two (64, doubled when full), indexed by masking.
  private long[] returnPs = new long[64];
  private int[] returnedData = new int[64];
  private int head;
  private int count;
  private long dataInFlight;
  private long drainedPs;
  private long maxDataBytesInFlight;
  // The drain time and data credits of a full TLP, worked out once for the link's MPS.
  private int fullPayloadBytes = -1;
  private long fullDrainPs;
  private int fullCredits;

  /**
   * @param headerCredits posted header credits the root port advertises (> 0)
   * @param dataCredits posted data credits the root port advertises (> 0)
   * @param hostWriteRateBitsPerSecond the rate at which the root complex drains writes into memory
   * @param returnLatencyPs from a TLP's drain until its UpdateFC reaches the adapter
   */
  public PostedWriteCredits(
      int headerCredits, int dataCredits, long hostWriteRateBitsPerSecond, long returnLatencyPs) {
    if (headerCredits <= 0 || dataCredits <= 0 || hostWriteRateBitsPerSecond <= 0) {
      throw new IllegalArgumentException(
          "posted credits and the host write rate must be > 0: "
              + headerCredits
              + ", "
              + dataCredits
              + ", "
              + hostWriteRateBitsPerSecond);
    }
    this.headerCredits = headerCredits;
    this.dataCredits = dataCredits;
    this.hostWritePsPerByte = 8e12 / hostWriteRateBitsPerSecond;
    this.returnLatencyPs = returnLatencyPs;
  }

  public int headerCredits() {
    return headerCredits;
  }

  public int dataCredits() {
    return dataCredits;
  }

  /** When the last write handed over will have drained into host memory. */
  public long drainedPs() {
    return drainedPs;
  }

  /** The most payload bytes (in data credits x 16) ever in flight between adapter and memory. */
  public long maxDataBytesInFlight() {
    return maxDataBytesInFlight;
  }

  /**
   * The earliest time, not before {@code readyPs}, a transfer of {@code tlps} TLPs of {@code
   * payloadBytes} cut at {@code maxPayloadBytes} may start so that each TLP has its credits when
   * its turn comes; {@code tlpPs} is the time one full-size TLP takes on the link. Takes nothing:
   * {@link #sent} does.
   */
  long earliestStartPs(
      long readyPs, long tlps, long payloadBytes, int maxPayloadBytes, long tlpPs) {
    if (fitsNow(tlps, payloadBytes, maxPayloadBytes)) {
      return readyPs; // the credits held now cover every TLP: no return to wait for
    }
    long startPs = readyPs;
    int headers = count;
    long data = dataInFlight;
    int index = head;
    int left = count;
    long remaining = payloadBytes;
    for (long k = 0; k < tlps; k++) {
      long tlpData = credits(Math.min(remaining, maxPayloadBytes));
      remaining -= maxPayloadBytes;
      headers++;
      data += tlpData;
      while (headers > headerCredits || data > dataCredits) {
        if (left == 0) {
          break; // only this transfer's own TLPs: the caller keeps it within the advertisement
        }
        startPs = Math.max(startPs, returnPs[index] - k * tlpPs);
        headers--;
        data -= returnedData[index];
        index = (index + 1) & (returnPs.length - 1);
        left--;
      }
    }
    return startPs;
  }

  /**
   * Whether the transfer's TLPs, cut as {@link #earliestStartPs} cuts them, all fit beside the
   * credits in flight now. Headers and data only grow TLP by TLP, so fitting at the end means no
   * TLP waits.
   */
  private boolean fitsNow(long tlps, long payloadBytes, int maxPayloadBytes) {
    if (payloadBytes <= 0) {
      return false;
    }
    // MPS is a power of two (PcieLinkConfig refuses any other): a shift and a mask, no division.
    long fullTlps = payloadBytes >>> Integer.numberOfTrailingZeros(maxPayloadBytes);
    long partBytes = payloadBytes & (maxPayloadBytes - 1);
    if (tlps != fullTlps + (partBytes > 0 ? 1 : 0)) {
      return false;
    }
    long data = fullTlps * credits(maxPayloadBytes) + (partBytes > 0 ? credits(partBytes) : 0);
    return count + tlps <= headerCredits && dataInFlight + data <= dataCredits;
  }

  /**
   * Takes the credits of a transfer whose TLPs left back to back from {@code startPs}, each full
   * one taking {@code tlpPs}, the last ending at {@code endPs}, each then one {@code flightPs} to
   * the root complex.
   */
  void sent(
      long startPs,
      long endPs,
      long tlps,
      long payloadBytes,
      int maxPayloadBytes,
      long tlpPs,
      long flightPs) {
    if (count + tlps > returnPs.length) {
      grow(count + tlps);
    }
    // The TLP by TLP walk of release and take below, with the ring in locals: this runs for every
    // TLP the adapter writes to the host. Every TLP holds one header credit, so the ring's count is
    // the headers in flight.
    long[] returns = returnPs;
    int[] returned = returnedData;
    int mask = returns.length - 1;
    int first = head;
    int inRing = count;
    long data = dataInFlight;
    long maxData = maxDataBytesInFlight / DATA_CREDIT_BYTES;
    long drained = drainedPs;
    if (maxPayloadBytes != fullPayloadBytes) {
      fullPayloadBytes = maxPayloadBytes;
      fullDrainPs = Math.round(maxPayloadBytes * hostWritePsPerByte);
      fullCredits = (int) credits(maxPayloadBytes);
    }
    long drainFullPs = fullDrainPs;
    int creditsFull = fullCredits;
    int n = (int) tlps;
    long lastStartPs = startPs + (n - 1) * tlpPs;
    // The common case: every TLP but the last is full and none meets the end of the transfer, so
    // TLP k starts at startPs + k tlpPs and ends one tlpPs later, with no clamp to work out.
    int straight =
        n > 0 && lastStartPs <= endPs && (n - 1) * (long) maxPayloadBytes < payloadBytes
            ? n - 1
            : 0;
    long nextStartPs = startPs;
    long remaining = payloadBytes;
    for (int k = 0; k < n; k++) {
      long tlpStartPs;
      long tlpEndPs;
      long drainPs;
      int tlpCredits;
      if (k < straight) {
        tlpStartPs = nextStartPs;
        nextStartPs += tlpPs;
        tlpEndPs = nextStartPs;
        drainPs = drainFullPs;
        tlpCredits = creditsFull;
      } else {
        boolean full = remaining >= maxPayloadBytes;
        long tlpBytes = full ? maxPayloadBytes : remaining;
        tlpStartPs = Math.min(startPs + k * tlpPs, endPs);
        tlpEndPs = k == n - 1 ? endPs : Math.min(tlpStartPs + tlpPs, endPs);
        drainPs = full ? drainFullPs : Math.round(tlpBytes * hostWritePsPerByte);
        tlpCredits = full ? creditsFull : (int) credits(tlpBytes);
      }
      remaining -= maxPayloadBytes;
      while (inRing > 0 && returns[first] <= tlpStartPs) {
        data -= returned[first];
        first = (first + 1) & mask;
        inRing--;
      }
      drained = Math.max(tlpEndPs + flightPs, drained + drainPs);
      int tail = (first + inRing) & mask;
      returns[tail] = drained + returnLatencyPs;
      returned[tail] = tlpCredits;
      inRing++;
      data += tlpCredits;
      maxData = Math.max(maxData, data);
    }
    head = first;
    count = inRing;
    dataInFlight = data;
    maxDataBytesInFlight = maxData * DATA_CREDIT_BYTES;
    drainedPs = drained;
  }

  private static long credits(long bytes) {
    return (Math.max(bytes, 1) + DATA_CREDIT_BYTES - 1) / DATA_CREDIT_BYTES;
  }

  /** Makes the ring hold at least {@code entries} TLPs, keeping its length a power of two. */
  private void grow(long entries) {
    int length = returnPs.length;
    while (length < entries) {
      length *= 2;
    }
    long[] newReturn = new long[length];
    int[] newData = new int[length];
    for (int i = 0; i < count; i++) {
      int index = (head + i) & (returnPs.length - 1);
      newReturn[i] = returnPs[index];
      newData[i] = returnedData[index];
    }
    returnPs = newReturn;
    returnedData = newData;
    head = 0;
  }
}
