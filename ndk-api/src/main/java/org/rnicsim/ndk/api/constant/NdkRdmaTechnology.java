package org.rnicsim.ndk.api.constant;

/** NDK_RDMA_TECHNOLOGY (ndkinfo.h, ndkpi-spec 6): the {@code RdmaTechnology} of ADAPTER_INFO. */
public enum NdkRdmaTechnology {
  /** NdkUndefined = 0. */
  UNDEFINED(0),
  /** NdkiWarp = 1. */
  IWARP(1),
  /** NdkInfiniBand = 2. */
  INFINIBAND(2),
  /** NdkRoCE = 3. */
  ROCE(3),
  /** NdkRoCEv2 = 4. */
  ROCEV2(4),
  /** NdkMaxTechnology = 5: the bound of the enumeration, never an adapter's technology. */
  MAX_TECHNOLOGY(5);

  private final int value;

  NdkRdmaTechnology(int value) {
    this.value = value;
  }

  /** The header value. */
  public int value() {
    return value;
  }

  /**
   * The constant for a header value.
   *
   * @throws IllegalArgumentException if no enumerator has that value
   */
  public static NdkRdmaTechnology fromValue(int value) {
    for (NdkRdmaTechnology technology : values()) {
      if (technology.value == value) {
        return technology;
      }
    }
    throw new IllegalArgumentException("no NDK_RDMA_TECHNOLOGY has value " + value);
  }
}
