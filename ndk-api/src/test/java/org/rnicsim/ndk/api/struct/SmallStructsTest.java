package org.rnicsim.ndk.api.struct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

class SmallStructsTest {

  @Test
  void versionFieldsAreUshorts_andOrderIsMajorThenMinor() {
    assertThrows(IllegalArgumentException.class, () -> new NdkVersion(1, 0x10000));
    assertThrows(IllegalArgumentException.class, () -> new NdkVersion(-1, 0));
    assertTrue(NdkVersion.V1_1.compareTo(NdkVersion.V1_2) < 0);
    assertTrue(new NdkVersion(2, 0).compareTo(NdkVersion.V1_2) > 0);
    assertEquals("1.2", NdkVersion.V1_2.toString());
  }

  @Test
  void sockAddrAcceptsIpLiteralsOnly_neverResolvesNames() {
    assertEquals("10.0.0.1:445", NdkSockAddr.of("10.0.0.1", 445).toString());
    assertEquals("[fe80:0:0:0:0:0:0:1]:7", NdkSockAddr.of("fe80::1", 7).toString());
    assertThrows(IllegalArgumentException.class, () -> NdkSockAddr.of("localhost", 1));
    assertThrows(IllegalArgumentException.class, () -> NdkSockAddr.of("999.1.1.1", 1));
    assertThrows(IllegalArgumentException.class, () -> NdkSockAddr.of("fe80::1::2", 1));
    assertThrows(IllegalArgumentException.class, () -> NdkSockAddr.of("10.0.0.1", 65536));
  }

  @Test
  void sockAddrPortClassification() {
    NdkSockAddr wildcard = NdkSockAddr.of("10.0.0.1", 0);
    assertTrue(wildcard.isWildcardPort());
    assertFalse(wildcard.isEphemeralPort());
    assertTrue(wildcard.withPort(49152).isEphemeralPort());
    assertFalse(wildcard.withPort(49151).isEphemeralPort());
  }

  @Test
  void mdlChainIsContiguousOnlyWhereEachElementStartsAtThePreviousEnd() {
    Mdl contiguous = new Mdl(0x1000, 0x1000, Mdl.of(0x2000, 0x1000));
    assertEquals(0x2000, contiguous.totalByteCount());
    assertTrue(contiguous.isVirtuallyContiguous(0x2000));
    Mdl gap = new Mdl(0x1000, 0x1000, Mdl.of(0x3000, 0x1000));
    assertFalse(gap.isVirtuallyContiguous(0x2000));
    assertTrue(gap.isVirtuallyContiguous(0x1000), "only the first Length bytes must be contiguous");
    assertFalse(contiguous.isVirtuallyContiguous(0x2001), "Length beyond the chain");
  }

  @Test
  void lamBufferRefusesMorePagesThanItsCapacity() {
    NdkLogicalAddressMapping lam = new NdkLogicalAddressMapping(2);
    assertThrows(
        IllegalArgumentException.class,
        () -> lam.fill(new long[] {0x1000, 0x2000, 0x3000}, 0, null));
    lam.fill(new long[] {0x1000, 0x2000}, 0x10, null);
    assertEquals(2, lam.adapterPageCount());
    assertArrayEquals(new long[] {0x1000, 0x2000}, lam.adapterPageArray());
    assertEquals(0x10, lam.firstByteOffset());
    assertEquals(16 + 8 * 2, NdkLogicalAddressMapping.sizeBytes(2));
  }

  @Test
  void resultsRejectOutOfRangeUlongsAndMissingStatus() {
    assertThrows(NullPointerException.class, () -> new NdkResult(null, 0, null, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new NdkResult(NtStatus.SUCCESS, Ulong.MAXULONG + 1, null, null));
    NdkResultEx ex =
        new NdkResultEx(
            NtStatus.SUCCESS, 64, "qp", "req", NdkOperationType.RECEIVE_AND_INVALIDATE, 0, 0x77);
    assertEquals(new NdkResult(NtStatus.SUCCESS, 64, "qp", "req"), ex.toResult());
  }

  @Test
  void sgeLengthIsAUlong_andTheUnionReadsBothWays() {
    NdkSge sge = new NdkSge(0xABC0, 4096, 0x1234);
    assertEquals(sge.virtualAddress(), sge.logicalAddress());
    assertThrows(IllegalArgumentException.class, () -> new NdkSge(0, -1, 0));
  }

  @Test
  void openParametersDefaultToSwitchAndVportZero() {
    NdisOpenNdkAdapterParameters params = NdisOpenNdkAdapterParameters.of(NdkVersion.V1_2);
    assertEquals(0, params.switchId());
    assertEquals(0, params.vPortId());
    assertThrows(NullPointerException.class, () -> NdisOpenNdkAdapterParameters.of(null));
  }
}
