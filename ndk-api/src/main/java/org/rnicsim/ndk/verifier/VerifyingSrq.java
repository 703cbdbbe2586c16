package org.rnicsim.ndk.verifier;

import java.util.List;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;

/** The consumer's view of an SRQ. */
final class VerifyingSrq extends VerifyingObject implements NdkSrq {

  private final SrqShadow srqShadow;
  private final NdkSrq srq;

  VerifyingSrq(VerifierCore core, SrqShadow shadow, NdkSrq srq) {
    super(core, shadow);
    this.srqShadow = shadow;
    this.srq = srq;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> srq.closeObject(w, context));
  }

  @Override
  public NtStatus modifySrq(
      long srqDepth,
      long notifyThreshold,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.srqs.modifySrq(
        srqShadow,
        notifyThreshold,
        requestCompletion,
        w -> srq.modifySrq(srqDepth, notifyThreshold, w, requestContext));
  }

  @Override
  public NtStatus srqReceive(Object requestContext, List<NdkSge> sgl) {
    return core.posts.srqReceive(
        srqShadow, requestContext, () -> srq.srqReceive(requestContext, sgl));
  }
}
