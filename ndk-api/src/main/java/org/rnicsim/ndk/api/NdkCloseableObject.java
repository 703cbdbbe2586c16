package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.status.NtStatus;

/**
 * Every NDK object except the adapter: its dispatch table starts with a close entry of type
 * NDK_FN_CLOSE_OBJECT (NdkCloseCq, NdkCloseQp, ...; ndkpi-spec 1 and 3).
 */
public interface NdkCloseableObject extends NdkObject {

  /**
   * NDK_FN_CLOSE_OBJECT (NdkCloseXxx), ndkpi-spec 3.
   *
   * <p>Returns SUCCESS (closed, {@code closeCompletion} never called) or PENDING ({@code
   * closeCompletion} called exactly once later); Interp (ndkpi-spec 8): a close never fails
   * (invariant 5). Issuing it starts cancelling the object's pending requests (invariant 9). It
   * stays pending while any request or notification callback on the object is outstanding
   * (invariant 8) and, for an antecedent, until every successor's close has completed (invariant
   * 10). No callback for the object starts after the close completes (invariants 6, 7).
   *
   * <p>The consumer never uses the object afterwards, and never closes it while another call on it
   * is running, except from a completion that call started inline (invariant 13).
   *
   * @param closeCompletion called once iff PENDING is returned
   * @param context passed to {@code closeCompletion}
   * @return SUCCESS or PENDING
   */
  NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context);
}
