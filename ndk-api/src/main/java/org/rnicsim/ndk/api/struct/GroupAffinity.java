package org.rnicsim.ndk.api.struct;

/**
 * GROUP_AFFINITY {KAFFINITY Mask; USHORT Group; USHORT Reserved[3]}: the optional processor hint of
 * CreateCq and CreateSrq (ndkpi-spec 2). A hint only; a provider may ignore it.
 *
 * @param mask KAFFINITY, one bit per processor of the group
 * @param group the processor group
 */
public record GroupAffinity(long mask, int group) {

  /** Checks Group fits a USHORT. */
  public GroupAffinity {
    Ulong.requireUshort("GROUP_AFFINITY.Group", group);
  }
}
