package org.rnicsim.ndk.api.constant;

/**
 * NDK_OP_FLAG_* (ndkpi-spec 5): the {@code Flags} of the initiator posts (Send, SendAndInvalidate,
 * Read, Write, Bind, FastRegister, Invalidate). Which flags each post accepts is in the ndkpi-spec
 * 5 table.
 */
public enum NdkOpFlag {
  /** NDK_OP_FLAG_SILENT_SUCCESS 0x1: no CQ entry on success; failures always queue one. */
  SILENT_SUCCESS(0x0000_0001),
  /** NDK_OP_FLAG_READ_FENCE 0x2: wait until all earlier reads finish. */
  READ_FENCE(0x0000_0002),
  /**
   * NDK_OP_FLAG_SEND_AND_SOLICIT_EVENT 0x4: the receive completion is solicited (arm SOLICITED).
   */
  SEND_AND_SOLICIT_EVENT(0x0000_0004),
  /** NDK_OP_FLAG_ALLOW_REMOTE_READ 0x8: Bind, FastRegister. */
  ALLOW_REMOTE_READ(0x0000_0008),
  /** NDK_OP_FLAG_ALLOW_LOCAL_WRITE 0x10: FastRegister. */
  ALLOW_LOCAL_WRITE(0x0000_0010),
  /** NDK_OP_FLAG_ALLOW_REMOTE_WRITE 0x30: contains the ALLOW_LOCAL_WRITE bit, as in the header. */
  ALLOW_REMOTE_WRITE(0x0000_0030),
  /** NDK_OP_FLAG_INLINE 0x40: the provider copies the data; SGE tokens are ignored. */
  INLINE(0x0000_0040),
  /** NDK_OP_FLAG_RDMA_READ_SINK 0x80: FastRegister. */
  RDMA_READ_SINK(0x0000_0080),
  /**
   * NDK_OP_FLAG_RDMA_READ_LOCAL_INVALIDATE 0x100: on a successful Read, invalidate the first SGE's
   * token; honoured only with {@link NdkAdapterFlag#RDMA_READ_LOCAL_INVALIDATE_SUPPORTED}.
   *
   * <p>Interp (ndkpi-spec 8): the nc-read page gives 0x200, which is DEFER; we follow the header,
   * 0x100, because the header is what a compiled consumer actually passes.
   */
  RDMA_READ_LOCAL_INVALIDATE(0x0000_0100),
  /**
   * NDK_OP_FLAG_DEFER 0x200 (NDKPI 1.2): a doorbell hint; completions are unchanged (invariants 21,
   * 22). Not allowed on Receive.
   */
  DEFER(0x0000_0200);

  private final int value;

  NdkOpFlag(int value) {
    this.value = value;
  }

  /** The header value. */
  public int value() {
    return value;
  }

  /** True if every bit of this flag is set in {@code flags}. */
  public boolean isSetIn(int flags) {
    return (flags & value) == value;
  }

  /** The bitwise OR of the given flags, as a consumer would pass them. */
  public static int mask(NdkOpFlag... flags) {
    int mask = 0;
    for (NdkOpFlag flag : flags) {
      mask |= flag.value;
    }
    return mask;
  }

  /** The bits of {@code flags} that no NDK_OP_FLAG defines (0 for a well-formed mask). */
  public static int undefinedBits(int flags) {
    return flags & ~mask(values());
  }
}
