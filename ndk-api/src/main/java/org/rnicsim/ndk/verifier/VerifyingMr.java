package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;

/** The consumer's view of an MR; remembers its remote token for invariant 24. */
final class VerifyingMr extends VerifyingObject implements NdkMr {

  private final MemoryShadow memory;
  private final NdkMr mr;

  VerifyingMr(VerifierCore core, MemoryShadow shadow, NdkMr mr) {
    super(core, shadow);
    this.memory = shadow;
    this.mr = mr;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> mr.closeObject(w, context));
  }

  @Override
  public NtStatus registerMr(
      Mdl mdl,
      long lengthBytes,
      int flags,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.requests.request(
        shadow,
        "RegisterMr",
        requestCompletion,
        w -> mr.registerMr(mdl, lengthBytes, flags, w, requestContext),
        null);
  }

  @Override
  public NtStatus deregisterMr(NdkFnRequestCompletion requestCompletion, Object requestContext) {
    return core.requests.request(
        shadow, "DeregisterMr", requestCompletion, w -> mr.deregisterMr(w, requestContext), null);
  }

  @Override
  public NtStatus initializeFastRegisterMr(
      long adapterPageCount,
      boolean remoteAccess,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.requests.request(
        shadow,
        "InitializeFastRegisterMr",
        requestCompletion,
        w -> mr.initializeFastRegisterMr(adapterPageCount, remoteAccess, w, requestContext),
        null);
  }

  @Override
  public int getRemoteTokenFromMr() {
    int token =
        core.sync(shadow, "GetRemoteTokenFromMr", Frame.OpGroup.NONE, mr::getRemoteTokenFromMr);
    if (!memory.state.isCloseIssued()) {
      memory.remoteToken = token;
    }
    return token;
  }

  @Override
  public int getLocalTokenFromMr() {
    return core.sync(shadow, "GetLocalTokenFromMr", Frame.OpGroup.NONE, mr::getLocalTokenFromMr);
  }
}
