package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;

/** The consumer's view of a CQ. */
final class VerifyingCq extends VerifyingObject implements NdkCq {

  private final CqShadow cqShadow;
  private final NdkCq cq;

  VerifyingCq(VerifierCore core, CqShadow shadow, NdkCq cq) {
    super(core, shadow);
    this.cqShadow = shadow;
    this.cq = cq;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> cq.closeObject(w, context));
  }

  @Override
  public NtStatus resizeCq(
      long cqDepth, NdkFnRequestCompletion requestCompletion, Object requestContext) {
    return core.requests.request(
        shadow, "ResizeCq", requestCompletion, w -> cq.resizeCq(cqDepth, w, requestContext), null);
  }

  @Override
  public void armCq(NdkCqNotificationType type) {
    core.cqs.armCq(cqShadow, type, () -> cq.armCq(type));
  }

  @Override
  public int getCqResults(NdkResult[] results) {
    return core.cqs.getCqResults(cqShadow, results, () -> cq.getCqResults(results));
  }

  @Override
  public int getCqResultsEx(NdkResultEx[] results) {
    return core.cqs.getCqResultsEx(cqShadow, results, () -> cq.getCqResultsEx(results));
  }

  @Override
  public NtStatus controlCqInterruptModeration(long moderationIntervalUs, long moderationCount) {
    return core.adapterRules.controlCqInterruptModeration(
        cqShadow, () -> cq.controlCqInterruptModeration(moderationIntervalUs, moderationCount));
  }
}
