package org.rnicsim.ndk.api.constant;

/**
 * NDK_MR_FLAG_* (ndkpi-spec 4): the access {@code Flags} of RegisterMr.
 *
 * <p>{@link #ALLOW_LOCAL_READ} is 0, so it is implied by every mask, and {@link
 * #ALLOW_REMOTE_WRITE} is 5, which includes the {@link #ALLOW_LOCAL_WRITE} bit: {@link
 * #isSetIn(int)} tests all of a flag's bits, which gives the right answer for both.
 */
public enum NdkMrFlag {
  /** NDK_MR_FLAG_ALLOW_LOCAL_READ 0x0: always granted. */
  ALLOW_LOCAL_READ(0x0000_0000),
  /** NDK_MR_FLAG_ALLOW_LOCAL_WRITE 0x1. */
  ALLOW_LOCAL_WRITE(0x0000_0001),
  /** NDK_MR_FLAG_ALLOW_REMOTE_READ 0x2. */
  ALLOW_REMOTE_READ(0x0000_0002),
  /** NDK_MR_FLAG_ALLOW_REMOTE_WRITE 0x5 (remote write implies local write). */
  ALLOW_REMOTE_WRITE(0x0000_0005),
  /** NDK_MR_FLAG_RDMA_READ_SINK 0x8: the region may be the local target of an RDMA read. */
  RDMA_READ_SINK(0x0000_0008);

  private final int value;

  NdkMrFlag(int value) {
    this.value = value;
  }

  /** The header value. */
  public int value() {
    return value;
  }

  /** True if every bit of this flag is set in {@code flags} (always true for LOCAL_READ). */
  public boolean isSetIn(int flags) {
    return (flags & value) == value;
  }

  /** The bitwise OR of the given flags. */
  public static int mask(NdkMrFlag... flags) {
    int mask = 0;
    for (NdkMrFlag flag : flags) {
      mask |= flag.value;
    }
    return mask;
  }

  /** The bits of {@code flags} that no NDK_MR_FLAG defines. */
  public static int undefinedBits(int flags) {
    return flags & ~mask(values());
  }
}
