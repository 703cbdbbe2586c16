package org.rnicsim.ndk.api.struct;

/**
 * NDK_SGE {union {PVOID VirtualAddress; NDK_LOGICAL_ADDRESS LogicalAddress}; ULONG Length; UINT32
 * MemoryRegionToken} (ndkpi-spec 5).
 *
 * <p>Which half of the union is meant depends on the token: the privileged token
 * (GetPrivilegedMemoryRegionToken) pairs with a logical address from BuildLAM, any other token with
 * a virtual address inside a registered MR. With NDK_OP_FLAG_INLINE the token is ignored.
 *
 * @param address the union's 64 bits, read as {@link #virtualAddress()} or {@link
 *     #logicalAddress()}
 * @param length ULONG byte count
 * @param memoryRegionToken UINT32 local token
 */
public record NdkSge(long address, long length, int memoryRegionToken) {

  /** Checks Length fits a ULONG. */
  public NdkSge {
    Ulong.requireUlong("NDK_SGE.Length", length);
  }

  /** The union read as VirtualAddress. */
  public long virtualAddress() {
    return address;
  }

  /** The union read as LogicalAddress (an NDK_LOGICAL_ADDRESS, i.e. a PHYSICAL_ADDRESS). */
  public long logicalAddress() {
    return address;
  }
}
