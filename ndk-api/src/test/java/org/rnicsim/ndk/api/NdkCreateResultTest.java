package org.rnicsim.ndk.api;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NdisStatus;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkVersion;

/** Invariants 2 and 3 as far as a return value can hold them. */
class NdkCreateResultTest {

  private static NdkObject someObject() {
    NdkObjectHeader header = new NdkObjectHeader(NdkVersion.V1_2, NdkObjectType.PD);
    return new NdkObject() {
      @Override
      public NdkObjectHeader header() {
        return header;
      }

      @Override
      public NdkExtensionResult queryExtension(UUID id, NdkVersion version) {
        return NdkExtensionResult.notSupported();
      }
    };
  }

  @Test
  void successCarriesTheObject() {
    NdkObject object = someObject();
    NdkCreateResult<NdkObject> result = NdkCreateResult.success(object);
    assertTrue(result.isSuccess());
    assertSame(object, result.object());
  }

  @Test
  void pendingCarriesNoObject() {
    NdkCreateResult<NdkObject> result = NdkCreateResult.pending();
    assertTrue(result.isPending());
    assertNull(result.object());
  }

  @Test
  void pendingWithAnObjectIsRefused_theObjectMayOnlyComeThroughTheCallback() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new NdkCreateResult<>(NtStatus.PENDING, someObject()));
  }

  @Test
  void failureWithAnObjectIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new NdkCreateResult<>(NtStatus.INSUFFICIENT_RESOURCES, someObject()));
  }

  @Test
  void successWithoutAnObjectIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new NdkCreateResult<NdkObject>(NtStatus.SUCCESS, null));
  }

  @Test
  void failedRefusesPending_andAcceptsAnError() {
    assertThrows(IllegalArgumentException.class, () -> NdkCreateResult.failed(NtStatus.PENDING));
    NdkCreateResult<NdkObject> failed = NdkCreateResult.failed(NtStatus.INVALID_PARAMETER);
    assertNull(failed.object());
    assertTrue(!failed.isSuccess() && !failed.isPending());
  }

  @Test
  void failedRefusesSuccess_becauseSuccessNeedsAnObject() {
    assertThrows(IllegalArgumentException.class, () -> NdkCreateResult.failed(NtStatus.SUCCESS));
  }

  @Test
  void openAdapterResultCarriesAnAdapterOnlyWithNdisSuccess() {
    assertThrows(
        IllegalArgumentException.class, () -> new NdkOpenAdapterResult(NdisStatus.SUCCESS, null));
    assertNull(NdkOpenAdapterResult.failed(NdisStatus.BAD_VERSION).adapter());
  }

  @Test
  void outParameterResultsCarryAValueOnlyWithSuccess() {
    assertThrows(
        IllegalArgumentException.class, () -> new NdkAddressResult(NtStatus.SUCCESS, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new NdkAdapterInfoResult(NtStatus.SUCCESS, null, 104));
    assertNull(new NdkAdapterInfoResult(NtStatus.BUFFER_TOO_SMALL, null, 104).info());
  }
}
