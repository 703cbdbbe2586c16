package org.rnicsim.ndk.api.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NtStatusTest {

  /** The ntstatus.h values, typed in independently of NtStatus, for every name the spec uses. */
  private static Map<String, Integer> expectedCodes() {
    Map<String, Integer> codes = new LinkedHashMap<>();
    codes.put("STATUS_SUCCESS", 0x00000000);
    codes.put("STATUS_PENDING", 0x00000103);
    codes.put("STATUS_BUFFER_OVERFLOW", 0x80000005);
    codes.put("STATUS_ACCESS_VIOLATION", 0xC0000005);
    codes.put("STATUS_INVALID_PARAMETER", 0xC000000D);
    codes.put("STATUS_BUFFER_TOO_SMALL", 0xC0000023);
    codes.put("STATUS_INVALID_PARAMETER_MIX", 0xC0000030);
    codes.put("STATUS_SHARING_VIOLATION", 0xC0000043);
    codes.put("STATUS_INSUFFICIENT_RESOURCES", 0xC000009A);
    codes.put("STATUS_IO_TIMEOUT", 0xC00000B5);
    codes.put("STATUS_NOT_SUPPORTED", 0xC00000BB);
    codes.put("STATUS_INTERNAL_ERROR", 0xC00000E5);
    codes.put("STATUS_CANCELLED", 0xC0000120);
    codes.put("STATUS_REMOTE_RESOURCES", 0xC000013D);
    codes.put("STATUS_INVALID_ADDRESS", 0xC0000141);
    codes.put("STATUS_TOO_MANY_ADDRESSES", 0xC0000209);
    codes.put("STATUS_ADDRESS_ALREADY_EXISTS", 0xC000020A);
    codes.put("STATUS_CONNECTION_REFUSED", 0xC0000236);
    codes.put("STATUS_CONNECTION_INVALID", 0xC000023A);
    codes.put("STATUS_NETWORK_UNREACHABLE", 0xC000023C);
    codes.put("STATUS_HOST_UNREACHABLE", 0xC000023D);
    codes.put("STATUS_CONNECTION_ABORTED", 0xC0000241);
    codes.put("STATUS_IMPLEMENTATION_LIMIT", 0xC000042B);
    return codes;
  }

  @Test
  void everyNamedStatusHasItsNtstatusHeaderCode() {
    Map<String, Integer> actual = new LinkedHashMap<>();
    NtStatus.knownStatuses().forEach((name, status) -> actual.put(name, status.code()));
    assertEquals(expectedCodes(), actual);
  }

  @Test
  void constantsCarryTheirCodes() {
    assertEquals(0xC0000120, NtStatus.CANCELLED.code());
    assertEquals(0x103, NtStatus.PENDING.code());
    assertEquals(0xC000009A, NtStatus.INSUFFICIENT_RESOURCES.code());
    assertEquals("STATUS_CONNECTION_REFUSED", NtStatus.CONNECTION_REFUSED.name());
  }

  @Test
  void ofKnownCode_returnsTheNamedConstant() {
    assertSame(NtStatus.CANCELLED, NtStatus.of(0xC0000120));
  }

  @Test
  void ofProviderDefinedCode_keepsTheCodeAndPrintsItInHex() {
    NtStatus custom = NtStatus.of(0xE0001234);
    assertEquals(0xE0001234, custom.code());
    assertEquals("0xE0001234", custom.name());
    assertTrue(custom.isError());
  }

  @Test
  void pendingIsNtSuccessButNotSuccess() {
    assertTrue(NtStatus.PENDING.isSuccess(), "NT_SUCCESS(STATUS_PENDING) is true in Windows");
    assertFalse(NtStatus.PENDING.isError());
    assertTrue(NtStatus.PENDING.isPending());
    assertFalse(NtStatus.PENDING.equals(NtStatus.SUCCESS));
  }

  @Test
  void bufferOverflowIsAWarning_neitherSuccessNorError() {
    assertFalse(NtStatus.BUFFER_OVERFLOW.isSuccess());
    assertFalse(NtStatus.BUFFER_OVERFLOW.isError());
    assertTrue(NtStatus.BUFFER_OVERFLOW.isWarning());
  }

  @Test
  void everyFailureStatusTheSpecNamesIsAnError() {
    NtStatus.knownStatuses().values().stream()
        .filter(s -> s.code() < 0 && s != NtStatus.BUFFER_OVERFLOW)
        .forEach(s -> assertTrue(s.isError(), s + " should be NT_ERROR"));
    assertTrue(NtStatus.SUCCESS.isSuccess());
    assertFalse(NtStatus.SUCCESS.isError());
  }

  @Test
  void informationalSeverityIsSuccess() {
    NtStatus informational = NtStatus.of(0x40000000);
    assertTrue(informational.isInformational());
    assertTrue(informational.isSuccess());
  }

  @Test
  void toStringShowsNameAndCode() {
    assertEquals("STATUS_CANCELLED (0xC0000120)", NtStatus.CANCELLED.toString());
  }
}
