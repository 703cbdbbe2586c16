package org.rnicsim.model.adapter.completion;

/**
 * One CQE as the host reads it from the CQ ring.
 *
 * @param wrId the work request id the consumer gave when posting
 * @param qpn the QP the request belonged to
 * @param opcode what the request did
 * @param status how it ended
 * @param byteLength bytes transferred (received bytes for a RECEIVE)
 * @param landedPs when the CQE became visible in host memory
 */
public record Completion(
    long wrId,
    int qpn,
    WorkOpcode opcode,
    CompletionStatus status,
    long byteLength,
    long landedPs) {

  public boolean isSuccess() {
    return status == CompletionStatus.SUCCESS;
  }
}
