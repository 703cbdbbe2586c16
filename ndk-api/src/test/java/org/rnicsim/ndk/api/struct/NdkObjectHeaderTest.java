package org.rnicsim.ndk.api.struct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.constant.NdkObjectType;

/** Invariant 4: right non-zero ObjectType, negotiated Version, zero NdkReserved at delivery. */
class NdkObjectHeaderTest {

  @Test
  void freshHeaderOfTheRightTypeAndVersionHasNoViolations() {
    NdkObjectHeader header = new NdkObjectHeader(NdkVersion.V1_2, NdkObjectType.CQ);
    assertTrue(header.isNdkReservedZero());
    assertEquals(List.of(), header.deliveryViolations(NdkObjectType.CQ, NdkVersion.V1_2));
  }

  @Test
  void undefinedTypeIsAViolation() {
    NdkObjectHeader header = new NdkObjectHeader(NdkVersion.V1_2, NdkObjectType.UNDEFINED);
    List<String> violations = header.deliveryViolations(NdkObjectType.CQ, NdkVersion.V1_2);
    assertEquals(1, violations.size());
    assertTrue(violations.get(0).contains("UNDEFINED"));
  }

  @Test
  void wrongTypeIsAViolation() {
    NdkObjectHeader header = new NdkObjectHeader(NdkVersion.V1_2, NdkObjectType.QP);
    assertEquals(1, header.deliveryViolations(NdkObjectType.CQ, NdkVersion.V1_2).size());
  }

  @Test
  void versionOtherThanNegotiatedIsAViolation() {
    NdkObjectHeader header = new NdkObjectHeader(NdkVersion.V1_1, NdkObjectType.PD);
    List<String> violations = header.deliveryViolations(NdkObjectType.PD, NdkVersion.V1_2);
    assertEquals(1, violations.size());
    assertTrue(violations.get(0).contains("1.1"));
  }

  @Test
  void nonZeroReservedSlotIsAViolation_andZeroingItAgainClearsIt() {
    NdkObjectHeader header = new NdkObjectHeader(NdkVersion.V1_2, NdkObjectType.MR);
    header.setNdkReserved(3, 0xDEAD);
    assertFalse(header.isNdkReservedZero());
    assertEquals(1, header.deliveryViolations(NdkObjectType.MR, NdkVersion.V1_2).size());
    header.setNdkReserved(3, 0);
    assertTrue(header.isNdkReservedZero());
  }

  @Test
  void thereAreExactlyFourReservedSlots() {
    NdkObjectHeader header = new NdkObjectHeader(NdkVersion.V1_2, NdkObjectType.MR);
    assertThrows(IndexOutOfBoundsException.class, () -> header.setNdkReserved(4, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> header.ndkReserved(-1));
  }
}
