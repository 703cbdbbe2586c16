package org.rnicsim.ndk.api.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rnicsim.ndk.api.constant.NdkObjectType;

/**
 * NDK_OBJECT_HEADER {NDK_VERSION Version; NDK_OBJECT_TYPE ObjectType;
 * NDK_OBJECT_HEADER_RESERVED_BLOCK NdkReserved} (ndkpi-spec 1): the first field of every NDK
 * object.
 *
 * <p>The provider fixes Version and ObjectType when it builds the object, and hands it out with
 * NdkReserved (four PVOID slots, here {@code long}s) all zero; from then until close the reserved
 * slots belong to the NDK framework above the provider, and the provider must neither read nor
 * write them. This class therefore keeps Version and ObjectType immutable and lets the reserved
 * slots be written, so that an interposing layer (NDIS in Windows, the lifetime verifier here) can
 * use them, and {@link #deliveryViolations} can check invariant 4 at the moment of delivery.
 *
 * <p>The constructor accepts any type, even {@link NdkObjectType#UNDEFINED}, on purpose: a broken
 * provider must be expressible so that the verifier, not a constructor, reports it.
 */
public final class NdkObjectHeader {

  /** Number of PVOID slots in NDK_OBJECT_HEADER_RESERVED_BLOCK ({@code PVOID rf[4]}). */
  public static final int NDK_RESERVED_SLOTS = 4;

  private final NdkVersion version;
  private final NdkObjectType objectType;
  private final long[] ndkReserved = new long[NDK_RESERVED_SLOTS];

  /**
   * A header with zero NdkReserved, as a provider must build it.
   *
   * @param version the negotiated NDKPI version of the adapter the object belongs to
   * @param objectType the object's type
   */
  public NdkObjectHeader(NdkVersion version, NdkObjectType objectType) {
    this.version = Objects.requireNonNull(version, "version");
    this.objectType = Objects.requireNonNull(objectType, "objectType");
  }

  /** Version: the negotiated NDKPI version. */
  public NdkVersion version() {
    return version;
  }

  /** ObjectType. */
  public NdkObjectType objectType() {
    return objectType;
  }

  /** NdkReserved.rf[slot]. */
  public long ndkReserved(int slot) {
    return ndkReserved[Objects.checkIndex(slot, NDK_RESERVED_SLOTS)];
  }

  /**
   * Writes NdkReserved.rf[slot]. For the layer above the provider only; a provider that writes here
   * breaks ndkpi-spec 1 and invariant 4.
   */
  public void setNdkReserved(int slot, long value) {
    ndkReserved[Objects.checkIndex(slot, NDK_RESERVED_SLOTS)] = value;
  }

  /** True if all four reserved slots are zero. */
  public boolean isNdkReservedZero() {
    return Arrays.stream(ndkReserved).allMatch(slot -> slot == 0);
  }

  /**
   * What is wrong with this header for an object delivered now (invariant 4: the right non-zero
   * ObjectType, the negotiated Version, zero NdkReserved). Empty if nothing.
   *
   * @param expectedType the type of object the create was for
   * @param negotiatedVersion the version OpenAdapter negotiated
   */
  public List<String> deliveryViolations(NdkObjectType expectedType, NdkVersion negotiatedVersion) {
    List<String> violations = new ArrayList<>();
    if (!objectType.isObjectType()) {
      violations.add("ObjectType is " + objectType + ", not a real object type");
    } else if (objectType != expectedType) {
      violations.add("ObjectType is " + objectType + " but a " + expectedType + " was created");
    }
    if (!version.equals(negotiatedVersion)) {
      violations.add("Version is " + version + " but " + negotiatedVersion + " was negotiated");
    }
    if (!isNdkReservedZero()) {
      violations.add("NdkReserved is not zero: " + Arrays.toString(ndkReserved));
    }
    return violations;
  }

  @Override
  public String toString() {
    return "NDK_OBJECT_HEADER{" + objectType + ", v" + version + "}";
  }
}
