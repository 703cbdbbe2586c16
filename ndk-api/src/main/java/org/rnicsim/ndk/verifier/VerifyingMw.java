package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.status.NtStatus;

/** The consumer's view of an MW; remembers its remote token for invariant 24. */
final class VerifyingMw extends VerifyingObject implements NdkMw {

  private final MemoryShadow memory;
  private final NdkMw mw;

  VerifyingMw(VerifierCore core, MemoryShadow shadow, NdkMw mw) {
    super(core, shadow);
    this.memory = shadow;
    this.mw = mw;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> mw.closeObject(w, context));
  }

  @Override
  public int getRemoteTokenFromMw() {
    int token =
        core.sync(shadow, "GetRemoteTokenFromMw", Frame.OpGroup.NONE, mw::getRemoteTokenFromMw);
    if (!memory.state.isCloseIssued()) {
      memory.remoteToken = token;
    }
    return token;
  }
}
