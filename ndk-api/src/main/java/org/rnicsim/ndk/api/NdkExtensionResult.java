package org.rnicsim.ndk.api;

import java.util.Objects;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkExtensionInterface;

/**
 * What {@link NdkObject#queryExtension} returns, for the C {@code *pExtensionInterface}
 * out-parameter.
 *
 * @param status SUCCESS, or a failure such as NOT_SUPPORTED for an unknown extension
 * @param extensionInterface the extension iff SUCCESS, else null
 */
public record NdkExtensionResult(NtStatus status, NdkExtensionInterface extensionInterface) {

  /** Enforces "extension present iff SUCCESS". */
  public NdkExtensionResult {
    Objects.requireNonNull(status, "status");
    if (status.equals(NtStatus.SUCCESS) != (extensionInterface != null)) {
      throw new IllegalArgumentException("an extension is returned iff SUCCESS, got " + status);
    }
  }

  /** The usual answer of a provider without extensions. */
  public static NdkExtensionResult notSupported() {
    return new NdkExtensionResult(NtStatus.NOT_SUPPORTED, null);
  }
}
