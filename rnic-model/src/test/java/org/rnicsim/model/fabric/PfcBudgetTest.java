package org.rnicsim.model.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnicsim.model.profile.ReferenceProfiles;

/**
 * The buffer check and the switch's XOFF come from one budget: a port count is lossless exactly
 * when XOFF for it is not held up at its one-frame floor.
 */
class PfcBudgetTest {
  private static final PfcBudget EDR =
      PfcBudget.forAdapterPorts(ReferenceProfiles.connectX4EdrGen3x16().port());

  @Test
  void anEdrPortBudgetsAMaximumFrameOf4138BytesAnd10903BytesOfHeadroom() {
    // 4 KiB MTU + 26 B IB headers + 16 B RETH; headroom as in PfcIncastTest's worked example.
    assertEquals(4138, EDR.maxFrameBytes());
    assertEquals(10903, EDR.headroomBytes());
    assertEquals(10903 + 2 * 4138, EDR.shareBytes());
  }

  @Test
  void oneMebibyteKeeps54EdrMachinesLosslessAndNot55() {
    long buffer = 1 << 20;

    assertEquals(54, EDR.losslessPorts(buffer));
    assertTrue(EDR.isLossless(buffer, 54));
    assertFalse(EDR.isLossless(buffer, 55));
    assertTrue(EDR.minimumBufferBytes(55) > buffer);
    assertTrue(EDR.isLossless(EDR.minimumBufferBytes(55), 55));
    assertFalse(EDR.isLossless(EDR.minimumBufferBytes(55) - 1, 55));
  }

  @Test
  void whenABufferIsLosslessForNPorts_thenXoffIsAboveItsFloorAndTheSharesFit() {
    for (long buffer = 20_000; buffer <= 2_000_000; buffer += 7_919) {
      for (int ports = 1; ports <= 64; ports++) {
        long xoff = EDR.xoffBytes(buffer, ports);
        boolean sharesFit = ports * (xoff + EDR.maxFrameBytes() + EDR.headroomBytes()) <= buffer;
        assertEquals(
            sharesFit, EDR.isLossless(buffer, ports), buffer + " B over " + ports + " ports");
      }
    }
  }
}
