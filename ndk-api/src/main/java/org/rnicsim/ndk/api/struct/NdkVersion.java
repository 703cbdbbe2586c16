package org.rnicsim.ndk.api.struct;

/**
 * NDK_VERSION {USHORT Major; USHORT Minor} (ndkpi-spec 1): the negotiated version that every object
 * header and ADAPTER_INFO carries (invariants 4, 34).
 *
 * @param major the NDKPI major version (1 for every released NDKPI)
 * @param minor the NDKPI minor version
 */
public record NdkVersion(int major, int minor) implements Comparable<NdkVersion> {

  /** NDKPI 1.1 (NDIS 6.30, Windows Server 2012). */
  public static final NdkVersion V1_1 = new NdkVersion(1, 1);

  /** NDKPI 1.2 (NDIS 6.40, Windows Server 2012 R2): adds DEFER and read-local-invalidate. */
  public static final NdkVersion V1_2 = new NdkVersion(1, 2);

  /** Checks both parts fit a USHORT. */
  public NdkVersion {
    Ulong.requireUshort("NDK_VERSION.Major", major);
    Ulong.requireUshort("NDK_VERSION.Minor", minor);
  }

  @Override
  public int compareTo(NdkVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
