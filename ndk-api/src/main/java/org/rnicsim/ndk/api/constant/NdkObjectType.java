package org.rnicsim.ndk.api.constant;

/**
 * NDK_OBJECT_TYPE (ndkpi-spec 1): the type tag in every object header. Java names drop the {@code
 * NdkObjectType} prefix of the header enumerators ({@code NdkObjectTypeQp} is {@link #QP}).
 */
public enum NdkObjectType {
  /** NdkObjectTypeUndefined = 0; never valid in a delivered object (invariant 4). */
  UNDEFINED(0),
  /** NdkObjectTypeAdapter = 1. */
  ADAPTER(1),
  /** NdkObjectTypeQp = 2. */
  QP(2),
  /** NdkObjectTypeCq = 3. */
  CQ(3),
  /** NdkObjectTypeMr = 4. */
  MR(4),
  /** NdkObjectTypeMw = 5. */
  MW(5),
  /** NdkObjectTypePd = 6. */
  PD(6),
  /** NdkObjectTypeSharedEndpoint = 7. */
  SHARED_ENDPOINT(7),
  /** NdkObjectTypeConnector = 8. */
  CONNECTOR(8),
  /** NdkObjectTypeListener = 9. */
  LISTENER(9),
  /** NdkObjectTypeSrq = 10. */
  SRQ(10),
  /** NdkObjectTypeMax = 11: the bound of the enumeration, never an object's type. */
  MAX(11);

  private final int value;

  NdkObjectType(int value) {
    this.value = value;
  }

  /** The NDK_OBJECT_TYPE value in ndkpi.h. */
  public int value() {
    return value;
  }

  /** True for the ten types a real object may carry (Adapter .. Srq), false for Undefined/Max. */
  public boolean isObjectType() {
    return this != UNDEFINED && this != MAX;
  }

  /**
   * The constant for a header value.
   *
   * @throws IllegalArgumentException if no enumerator has that value
   */
  public static NdkObjectType fromValue(int value) {
    for (NdkObjectType type : values()) {
      if (type.value == value) {
        return type;
      }
    }
    throw new IllegalArgumentException("no NDK_OBJECT_TYPE has value " + value);
  }
}
