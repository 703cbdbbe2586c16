package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkAddressResult;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;

/** The consumer's view of a shared endpoint. */
final class VerifyingSharedEndpoint extends VerifyingObject implements NdkSharedEndpoint {

  private final NdkSharedEndpoint inner;

  VerifyingSharedEndpoint(VerifierCore core, EndpointShadow shadow, NdkSharedEndpoint inner) {
    super(core, shadow);
    this.inner = inner;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> inner.closeObject(w, context));
  }

  @Override
  public NdkAddressResult getLocalAddress() {
    return core.sync(shadow, "GetLocalAddress", Frame.OpGroup.NONE, inner::getLocalAddress);
  }
}
