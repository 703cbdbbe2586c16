package org.rnicsim.ndk.provider.runtime;

import java.util.EnumMap;
import java.util.Map;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.struct.NdkCapabilities;

/**
 * The adapter-wide object counts of NDIS_NDK_CAPABILITIES (ndkpi-spec 6, [CAPS]): a create reserves
 * one of its kind inline and fails with INSUFFICIENT_RESOURCES when none is left (ndkpi-spec 2); a
 * failed create or a completed close gives it back. Shared by every adapter instance of one
 * provider, since they share the hardware. Connectors, listeners and shared endpoints have no
 * adapter-wide limit.
 */
public final class AdapterResources {
  private final Map<NdkObjectType, Long> limits = new EnumMap<>(NdkObjectType.class);
  private final Map<NdkObjectType, Long> inUse = new EnumMap<>(NdkObjectType.class);

  public AdapterResources(NdkCapabilities capabilities) {
    limits.put(NdkObjectType.QP, capabilities.maxQpCount());
    limits.put(NdkObjectType.CQ, capabilities.maxCqCount());
    limits.put(NdkObjectType.MR, capabilities.maxMrCount());
    limits.put(NdkObjectType.PD, capabilities.maxPdCount());
    limits.put(NdkObjectType.MW, capabilities.maxMwCount());
    limits.put(NdkObjectType.SRQ, capabilities.maxSrqCount());
  }

  /** Takes one object of {@code kind}; false if the adapter has none left. */
  public boolean tryReserve(NdkObjectType kind) {
    long used = inUse.getOrDefault(kind, 0L);
    Long limit = limits.get(kind);
    if (limit != null && used >= limit) {
      return false;
    }
    inUse.put(kind, used + 1);
    return true;
  }

  /** Gives one object of {@code kind} back. */
  public void release(NdkObjectType kind) {
    long used = inUse.getOrDefault(kind, 0L);
    if (used <= 0) {
      throw new IllegalStateException("released more " + kind + "s than were reserved");
    }
    inUse.put(kind, used - 1);
  }

  /** Objects of {@code kind} in use (created or being created, not yet closed). */
  public long inUse(NdkObjectType kind) {
    return inUse.getOrDefault(kind, 0L);
  }
}
