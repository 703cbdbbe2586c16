package org.rnicsim.ndk.api.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NdisStatusTest {

  @Test
  void openAdapterStatusesHaveTheirNdisHeaderCodes() {
    assertEquals(0x00000000, NdisStatus.SUCCESS.code());
    assertEquals(0xC0010004, NdisStatus.BAD_VERSION.code());
    assertEquals(0xC0010011, NdisStatus.ADAPTER_NOT_READY.code());
    assertEquals(NtStatus.INSUFFICIENT_RESOURCES.code(), NdisStatus.RESOURCES.code());
  }

  @Test
  void onlySuccessIsSuccess() {
    assertTrue(NdisStatus.SUCCESS.isSuccess());
    assertFalse(NdisStatus.BAD_VERSION.isSuccess());
    assertTrue(NdisStatus.BAD_VERSION.isError());
    assertEquals("NDIS_STATUS_BAD_VERSION", NdisStatus.BAD_VERSION.name());
  }
}
