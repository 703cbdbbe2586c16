package org.rnicsim.ndk.api.struct;

import java.util.Arrays;
import java.util.Objects;

/**
 * The caller's buffer for NDK_LOGICAL_ADDRESS_MAPPING {PVOID AdapterContext; ULONG
 * AdapterPageCount; NDK_LOGICAL_ADDRESS AdapterPageArray[]} plus the *pLAMSize and *pFBO out
 * parameters of NdkBuildLAM (ndkpi-spec 1 and 4). Not an NDK object: no header, no close; the
 * consumer gives it back with ReleaseLAM.
 *
 * <p>The C buffer size (*pLAMSize, bytes) is rendered as a capacity in pages; {@link
 * #sizeBytes(long)} converts for a reader who thinks in the x64 layout. The consumer creates the
 * buffer and must not touch it while BuildLAM is pending; the provider fills it.
 */
public final class NdkLogicalAddressMapping {

  private final long capacityPages;
  private Object adapterContext;
  private long[] adapterPageArray = new long[0];
  private long firstByteOffset;
  private long requiredPageCount;

  /**
   * An empty buffer able to hold {@code capacityPages} adapter pages.
   *
   * @param capacityPages the buffer size in pages (ULONG)
   */
  public NdkLogicalAddressMapping(long capacityPages) {
    this.capacityPages = Ulong.requireUlong("LAM capacity in pages", capacityPages);
  }

  /**
   * Bytes of an x64 NDK_LOGICAL_ADDRESS_MAPPING holding {@code pages} pages: the 16-byte head
   * (AdapterContext, AdapterPageCount, padding) plus 8 bytes per page.
   */
  public static long sizeBytes(long pages) {
    return 16 + 8 * Ulong.requireUlong("pages", pages);
  }

  /** The capacity the consumer allocated, in pages (the *pLAMSize input). */
  public long capacityPages() {
    return capacityPages;
  }

  /**
   * Provider side: stores the mapping built by BuildLAM.
   *
   * @param adapterPages logical address of each adapter page (PAGE_SIZE each)
   * @param fbo the first byte offset within the first page (*pFBO)
   * @param context AdapterContext, reserved for the provider's own use
   * @throws IllegalArgumentException if the pages exceed the capacity (the provider should have
   *     returned STATUS_BUFFER_TOO_SMALL)
   */
  public void fill(long[] adapterPages, long fbo, Object context) {
    Objects.requireNonNull(adapterPages, "adapterPages");
    if (adapterPages.length > capacityPages) {
      throw new IllegalArgumentException(
          adapterPages.length + " pages do not fit a LAM buffer of " + capacityPages);
    }
    this.adapterPageArray = adapterPages.clone();
    this.firstByteOffset = Ulong.requireUlong("FBO", fbo);
    this.adapterContext = context;
    this.requiredPageCount = adapterPages.length;
  }

  /** Provider side: records the page count needed after a STATUS_BUFFER_TOO_SMALL. */
  public void setRequiredPageCount(long pages) {
    this.requiredPageCount = Ulong.requireUlong("required pages", pages);
  }

  /** Provider side (ReleaseLAM, or a failed build): forgets every mapping. */
  public void clear() {
    adapterPageArray = new long[0];
    firstByteOffset = 0;
    adapterContext = null;
  }

  /** AdapterPageCount. */
  public int adapterPageCount() {
    return adapterPageArray.length;
  }

  /** AdapterPageArray[index]. */
  public long adapterPage(int index) {
    return adapterPageArray[Objects.checkIndex(index, adapterPageArray.length)];
  }

  /** A copy of AdapterPageArray, as FastRegister takes it. */
  public long[] adapterPageArray() {
    return adapterPageArray.clone();
  }

  /** *pFBO: offset of the region's first byte within the first adapter page. */
  public long firstByteOffset() {
    return firstByteOffset;
  }

  /** *pLAMSize on output, in pages: the pages written, or needed after BUFFER_TOO_SMALL. */
  public long requiredPageCount() {
    return requiredPageCount;
  }

  /** AdapterContext: the provider's private pointer. */
  public Object adapterContext() {
    return adapterContext;
  }

  @Override
  public String toString() {
    return "NDK_LOGICAL_ADDRESS_MAPPING{pages="
        + Arrays.toString(adapterPageArray)
        + ", fbo="
        + firstByteOffset
        + "}";
  }
}
