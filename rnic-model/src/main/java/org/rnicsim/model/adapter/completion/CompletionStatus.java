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
  ADAPTER_REMOVED
}
