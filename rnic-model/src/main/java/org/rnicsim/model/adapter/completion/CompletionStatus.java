package org.rnicsim.model.adapter.completion;

/** How a work request ended (the subset of the verbs completion statuses the model produces). */
public enum CompletionStatus {
  SUCCESS,
  /** The QP went to ERROR before this request finished; it was flushed. */
  FLUSH_ERROR,
  /** RC transport retries ran out (ACK timeouts): the request that hit the limit. */
  RETRY_EXCEEDED,
  /** Receiver-not-ready retries ran out. */
  RNR_RETRY_EXCEEDED,
  /** The adapter disappeared (surprise removal): completed by the driver, not the hardware. */
  ADAPTER_REMOVED,
  /**
   * The responder refused a WRITE or READ: its rkey names no memory region the responder's adapter
   * holds (never registered, deregistered, invalidated), or the access falls outside the region; it
   * answered with a remote-access-error NAK (IBA chapter 9, the AETH NAK codes;
   * IBV_WC_REM_ACCESS_ERR).
   */
  REMOTE_ACCESS_ERROR,
  /**
   * The requester's own adapter refused a gather or scatter entry: its lkey names no region the
   * adapter holds, or the buffer falls outside it (IBV_WC_LOC_PROT_ERR).
   */
  LOCAL_PROTECTION_ERROR
}
