package org.rnicsim.ndk.provider.work;

import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;

/** The provider's QP as a {@link WorkRequestEngine} sees it: where completions go. */
public interface WorkQueuePair {

  /**
   * An initiator request finished; its CQE has landed. Ignored if the request was flushed
   * meanwhile.
   */
  void initiatorDone(WorkRequest request, NtStatus status);

  /**
   * The next receive the hardware may consume (this QP's receive queue, or its SRQ), removed from
   * the queue; null if none is posted and rung.
   */
  WorkRequest takeReceive();

  /** True if the QP's receives come from an SRQ (taken when a Send arrives, not when rung). */
  boolean usesSharedReceiveQueue();

  /**
   * A receive finished; its CQE has landed.
   *
   * @param bytesTransferred bytes received
   * @param type RECEIVE, or RECEIVE_AND_INVALIDATE for a SendAndInvalidate
   * @param invalidatedToken the token a SendAndInvalidate named, else 0
   * @param solicited the send was flagged SEND_AND_SOLICIT_EVENT
   */
  void receiveDone(
      WorkRequest receive,
      NtStatus status,
      long bytesTransferred,
      NdkOperationType type,
      int invalidatedToken,
      boolean solicited);
}
