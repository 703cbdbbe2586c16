package org.rnicsim.ndk.api.struct;

/**
 * A memory descriptor list, or a chain of them, reduced to what NDKPI reads from it: each element's
 * starting virtual address and byte count (MmGetMdlVirtualAddress, MmGetMdlByteCount) and the link
 * to the next element. RegisterMr and BuildLAM take one (ndkpi-spec 4) and must fail with
 * STATUS_INVALID_PARAMETER unless the first {@code Length} bytes are virtually contiguous.
 *
 * @param virtualAddress the element's starting virtual address
 * @param byteCount ULONG, the element's length in bytes
 * @param next the next element of the chain, or null
 */
public record Mdl(long virtualAddress, long byteCount, Mdl next) {

  /** Checks ByteCount fits a ULONG. */
  public Mdl {
    Ulong.requireUlong("MDL ByteCount", byteCount);
  }

  /** A single-element MDL. */
  public static Mdl of(long virtualAddress, long byteCount) {
    return new Mdl(virtualAddress, byteCount, null);
  }

  /** Total bytes described by the whole chain. */
  public long totalByteCount() {
    long total = 0;
    for (Mdl element = this; element != null; element = element.next) {
      total += element.byteCount;
    }
    return total;
  }

  /**
   * True if the chain describes at least {@code lengthBytes} bytes and, over those bytes, each
   * element starts exactly where the previous one ended.
   */
  public boolean isVirtuallyContiguous(long lengthBytes) {
    if (lengthBytes < 0 || lengthBytes > totalByteCount()) {
      return false;
    }
    long covered = byteCount;
    long expectedNext = virtualAddress + byteCount;
    for (Mdl element = next; element != null && covered < lengthBytes; element = element.next) {
      if (element.virtualAddress != expectedNext) {
        return false;
      }
      covered += element.byteCount;
      expectedNext = element.virtualAddress + element.byteCount;
    }
    return true;
  }
}
