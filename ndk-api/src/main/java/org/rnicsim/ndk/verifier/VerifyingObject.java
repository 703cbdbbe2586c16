package org.rnicsim.ndk.verifier;

import java.util.UUID;
import java.util.function.Function;
import org.rnicsim.ndk.api.NdkExtensionResult;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * What every wrapper shares: the shadow, the provider's object, the header (the provider's own,
 * unchanged) and NdkQueryExtension. The consumer holds wrappers; the provider only ever sees its
 * own objects, because every object argument is unwrapped before it is passed down.
 */
abstract class VerifyingObject implements NdkObject {

  final VerifierCore core;
  final Shadow shadow;

  VerifyingObject(VerifierCore core, Shadow shadow) {
    this.core = core;
    this.shadow = shadow;
  }

  @Override
  public NdkObjectHeader header() {
    return shadow.inner.header();
  }

  @Override
  public NdkExtensionResult queryExtension(
      UUID extensionInterfaceId, NdkVersion extensionInterfaceVersion) {
    return core.sync(
        shadow,
        "QueryExtension",
        Frame.OpGroup.NONE,
        () -> shadow.inner.queryExtension(extensionInterfaceId, extensionInterfaceVersion));
  }

  /** NDK_FN_CLOSE_OBJECT for the closeable kinds. */
  NtStatus close(
      NdkFnCloseCompletion closeCompletion, Function<NdkFnCloseCompletion, NtStatus> call) {
    return core.closes.close(shadow, closeCompletion, call);
  }

  @Override
  public String toString() {
    return "verified " + shadow.ref;
  }
}
