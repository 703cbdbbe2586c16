package org.rnicsim.ndk.api.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NTSTATUS severity classification at the edges of each severity range (bits 31-30). */
class NtStatusSeverityTest {

  private static final List<Integer> EDGES =
      List.of(
          0x0000_0000, 0x3FFF_FFFF, // success
          0x4000_0000, 0x7FFF_FFFF, // informational
          0x8000_0000, 0xBFFF_FFFF, // warning
          0xC000_0000, 0xFFFF_FFFF); // error

  @Test
  void everyCodeHasExactlyOneSeverity_andNtSuccessMeansNonNegative() {
    for (int code : EDGES) {
      NtStatus status = NtStatus.of(code);
      boolean plainSuccess = status.isSuccess() && !status.isInformational();
      int severities =
          (plainSuccess ? 1 : 0)
              + (status.isInformational() ? 1 : 0)
              + (status.isWarning() ? 1 : 0)
              + (status.isError() ? 1 : 0);
      assertEquals(1, severities, status.toString());
      assertEquals(code >= 0, status.isSuccess(), status.toString());
    }
  }

  @Test
  void severityFollowsTheTopTwoBits() {
    assertEquals(
        List.of("S", "S", "I", "I", "W", "W", "E", "E"),
        EDGES.stream().map(c -> severity(NtStatus.of(c))).toList());
  }

  private static String severity(NtStatus status) {
    if (status.isError()) {
      return "E";
    }
    if (status.isWarning()) {
      return "W";
    }
    return status.isInformational() ? "I" : "S";
  }
}
