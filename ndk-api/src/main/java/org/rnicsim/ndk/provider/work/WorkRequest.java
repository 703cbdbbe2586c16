package org.rnicsim.ndk.provider.work;

import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.constant.NdkOperationType;

/**
 * One WQE as the provider writes it into a send or receive queue (ndkpi-spec 5): what the datapath
 * needs to carry it out and what the completion must echo.
 *
 * @param sequence per-QP post number, unique within the QP
 * @param type the operation (RECEIVE for a receive-queue or SRQ post)
 * @param requestContext echoed in the NDK_RESULT (invariant 23)
 * @param flags NDK_OP_FLAG bits of the post
 * @param bytes payload bytes (for a receive: the buffer capacity)
 * @param invalidateToken for SendAndInvalidate, the peer token to invalidate; else 0
 * @param localAddress the first SGE's address (the buffer the hardware gathers from or scatters
 *     into; its translation is what the adapter looks up), 0 without SGEs
 * @param remoteAddress the peer's address of a Read or Write, else 0
 * @param localToken the first SGE's memory-region token (the lkey the WQE carries), 0 without SGEs
 * @param remoteToken the peer's token of a Read or Write (the RETH's rkey), else 0
 */
public record WorkRequest(
    long sequence,
    NdkOperationType type,
    Object requestContext,
    int flags,
    long bytes,
    int invalidateToken,
    long localAddress,
    long remoteAddress,
    int localToken,
    int remoteToken) {

  /** A request without memory tokens. */
  public WorkRequest(
      long sequence,
      NdkOperationType type,
      Object requestContext,
      int flags,
      long bytes,
      int invalidateToken,
      long localAddress,
      long remoteAddress) {
    this(
        sequence,
        type,
        requestContext,
        flags,
        bytes,
        invalidateToken,
        localAddress,
        remoteAddress,
        0,
        0);
  }

  /** A request without addresses (local operations, tests). */
  public WorkRequest(
      long sequence,
      NdkOperationType type,
      Object requestContext,
      int flags,
      long bytes,
      int invalidateToken) {
    this(sequence, type, requestContext, flags, bytes, invalidateToken, 0, 0);
  }

  /** True for Bind, FastRegister and Invalidate, which touch only the local adapter. */
  public boolean isLocalOperation() {
    return type == NdkOperationType.BIND
        || type == NdkOperationType.FAST_REGISTER
        || type == NdkOperationType.INVALIDATE;
  }

  /** No CQ entry on success (failures always produce one, invariant 19). */
  public boolean silentSuccess() {
    return NdkOpFlag.SILENT_SUCCESS.isSetIn(flags);
  }

  /** The receiver's completion is solicited (it wakes a SOLICITED arm). */
  public boolean solicitsEvent() {
    return NdkOpFlag.SEND_AND_SOLICIT_EVENT.isSetIn(flags);
  }

  /**
   * The sequence alone: it tells a QP's posts apart, and the provider's queues hash a request on
   * every post and completion, where the generated hash of all its fields showed in profiles. Equal
   * requests have equal sequences, so this agrees with the generated {@code equals}.
   */
  @Override
  public int hashCode() {
    return Long.hashCode(sequence);
  }

  /** True for Send and SendAndInvalidate, which consume a receive at the peer. */
  public boolean consumesReceive() {
    return type == NdkOperationType.SEND;
  }
}
