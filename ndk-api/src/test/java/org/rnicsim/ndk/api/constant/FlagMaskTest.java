package org.rnicsim.ndk.api.constant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlagMaskTest {

  @Test
  void allowLocalWriteAloneDoesNotGrantRemoteWrite() {
    int flags = NdkOpFlag.mask(NdkOpFlag.ALLOW_LOCAL_WRITE);
    assertTrue(NdkOpFlag.ALLOW_LOCAL_WRITE.isSetIn(flags));
    assertFalse(NdkOpFlag.ALLOW_REMOTE_WRITE.isSetIn(flags));
  }

  @Test
  void remoteWriteImpliesLocalWrite_inBothFlagSets() {
    assertTrue(NdkOpFlag.ALLOW_LOCAL_WRITE.isSetIn(NdkOpFlag.ALLOW_REMOTE_WRITE.value()));
    assertTrue(NdkMrFlag.ALLOW_LOCAL_WRITE.isSetIn(NdkMrFlag.ALLOW_REMOTE_WRITE.value()));
  }

  @Test
  void mrLocalReadIsImpliedByEveryMask() {
    assertTrue(NdkMrFlag.ALLOW_LOCAL_READ.isSetIn(0));
  }

  @Test
  void undefinedBitsAreReported() {
    int allDefined = NdkOpFlag.mask(NdkOpFlag.values());
    assertEquals(0x3FF, allDefined);
    assertEquals(0, NdkOpFlag.undefinedBits(allDefined));
    assertEquals(0x400, NdkOpFlag.undefinedBits(0x400 | 0x1));
    assertEquals(0xF0, NdkMrFlag.undefinedBits(0xFF));
    assertEquals(0x1000, NdkAdapterFlag.undefinedBits(0x1000 | 0x100));
  }

  @Test
  void objectTypeBoundsAreNotObjectTypes() {
    assertFalse(NdkObjectType.UNDEFINED.isObjectType());
    assertFalse(NdkObjectType.MAX.isObjectType());
    assertTrue(NdkObjectType.QP.isObjectType());
  }

  @Test
  void fromValueRejectsUnknownValues() {
    assertThrows(IllegalArgumentException.class, () -> NdkObjectType.fromValue(12));
    assertThrows(IllegalArgumentException.class, () -> NdkOperationType.fromValue(3));
    assertThrows(IllegalArgumentException.class, () -> NdkCqNotificationType.fromValue(3));
  }
}
