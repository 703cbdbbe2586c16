package org.rnicsim.model.pcie;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcieLinkConfigTest {

  private static PcieLinkConfig link(int lanes, int mps, int mrrs, int rcb) {
    return new PcieLinkConfig(PcieGeneration.GEN3, lanes, mps, mrrs, rcb, false, 0, 0);
  }

  @ParameterizedTest(name = "x{0}")
  @ValueSource(ints = {0, 3, 6, 12, 32, -8})
  void lanesOtherThan1_2_4_8_16AreRejectedQuotingTheValue(int lanes) {
    assertRejectedQuoting(() -> link(lanes, 256, 512, 64), "lanes", "was " + lanes);
  }

  @ParameterizedTest(name = "MPS {0}")
  @ValueSource(ints = {0, 64, 192, 255, 8192})
  void mpsOutsidePowersOfTwoFrom128To4096IsRejectedQuotingTheValue(int mps) {
    assertRejectedQuoting(() -> link(8, mps, 512, 64), "MPS", "was " + mps);
  }

  @ParameterizedTest(name = "MRRS {0}")
  @ValueSource(ints = {64, 384, 8192})
  void mrrsOutsidePowersOfTwoFrom128To4096IsRejectedQuotingTheValue(int mrrs) {
    assertRejectedQuoting(() -> link(8, 256, mrrs, 64), "MRRS", "was " + mrrs);
  }

  @ParameterizedTest(name = "RCB {0}")
  @ValueSource(ints = {32, 96, 256})
  void rcbOtherThan64Or128IsRejectedQuotingTheValue(int rcb) {
    assertRejectedQuoting(() -> link(8, 256, 512, rcb), "RCB", "was " + rcb);
  }

  @Test
  void negativeReadLatencyParametersAreRejectedQuotingTheValue() {
    assertRejectedQuoting(
        () -> new PcieLinkConfig(PcieGeneration.GEN3, 8, 256, 512, 64, false, -1, 0), "was -1");
    assertRejectedQuoting(
        () -> new PcieLinkConfig(PcieGeneration.GEN3, 8, 256, 512, 64, false, 0, -7), "was -7");
  }

  @Test
  void everyLegalCombinationIsAccepted() {
    for (int lanes : new int[] {1, 2, 4, 8, 16}) {
      for (int size = 128; size <= 4096; size *= 2) {
        link(lanes, size, size, 64);
        link(lanes, size, 4096, 128);
      }
    }
  }

  @Test
  void missingGenerationIsRejected() {
    assertThrows(
        NullPointerException.class, () -> new PcieLinkConfig(null, 8, 256, 512, 64, false, 0, 0));
  }

  private static void assertRejectedQuoting(Executable construction, String... fragments) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction);
    for (String fragment : fragments) {
      assertTrue(error.getMessage().contains(fragment), error.getMessage());
    }
  }
}
