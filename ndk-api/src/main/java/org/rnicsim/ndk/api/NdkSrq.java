package org.rnicsim.ndk.api;

import java.util.List;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;

/** NDK_SRQ with NDK_SRQ_DISPATCH (ndkpi-spec 1, 4, 5): a receive queue shared by QPs. */
public interface NdkSrq extends NdkCloseableObject {

  /**
   * NDK_FN_MODIFY_SRQ (NdkModifySrq), ndkpi-spec 4: may pend; INVALID_PARAMETER. A threshold above
   * 0 arms a one-shot notification, which fires at once if the queued receives are already below it
   * (invariant 32).
   *
   * @param srqDepth ULONG; 0 keeps the depth
   * @param notifyThreshold ULONG; 0 keeps the threshold and the arm state
   */
  NtStatus modifySrq(
      long srqDepth,
      long notifyThreshold,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext);

  /**
   * NDK_FN_SRQ_RECEIVE (NdkSrqReceive), ndkpi-spec 5: a synchronous post; SUCCESS queues exactly
   * one eventual completion, an inline failure none (invariant 19).
   *
   * @param requestContext echoed in the completion (invariant 23)
   * @param sgl the scatter list; nSge is its size
   */
  NtStatus srqReceive(Object requestContext, List<NdkSge> sgl);
}
