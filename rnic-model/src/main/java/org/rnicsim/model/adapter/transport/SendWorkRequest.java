package org.rnicsim.model.adapter.transport;

import org.rnicsim.model.adapter.completion.WorkOpcode;

/**
 * What a consumer asks the send queue to do.
 *
 * @param wrId returned in the completion
 * @param opcode SEND, RDMA_WRITE or RDMA_READ
 * @param localAddress the local buffer (gathered for SEND and WRITE, scattered into for READ)
 * @param lengthBytes bytes to move
 * @param remoteAddress target (WRITE) or source (READ) in the peer's memory; unused for SEND
 * @param signalled whether a successful completion writes a CQE
 * @param inline whether the payload travels inside the WQE, written to the adapter with the
 *     doorbell (BlueFlame): no WQE fetch and no payload fetch
 * @param localKey the memory key (lkey) of the local buffer, or {@link #NO_MEMORY_KEY}: the adapter
 *     then finds it by the registered region around the address
 * @param remoteKey the peer's memory key (rkey) of a WRITE or READ, carried in the RETH, or {@link
 *     #NO_MEMORY_KEY}
 */
public record SendWorkRequest(
    long wrId,
    WorkOpcode opcode,
    long localAddress,
    long lengthBytes,
    long remoteAddress,
    boolean signalled,
    boolean inline,
    int localKey,
    int remoteKey) {

  /** No key on the request: the adapter finds the key by the address (the hardware loop's way). */
  public static final int NO_MEMORY_KEY = -1;

  /** A request without memory keys. */
  public SendWorkRequest(
      long wrId,
      WorkOpcode opcode,
      long localAddress,
      long lengthBytes,
      long remoteAddress,
      boolean signalled,
      boolean inline) {
    this(
        wrId,
        opcode,
        localAddress,
        lengthBytes,
        remoteAddress,
        signalled,
        inline,
        NO_MEMORY_KEY,
        NO_MEMORY_KEY);
  }

  public SendWorkRequest {
    check(opcode, localAddress, lengthBytes, remoteAddress, inline);
  }

  /**
   * What every send work request must satisfy, whether it comes as this record or field by field
   * ({@link RcTransport#postSend}).
   */
  static void check(
      WorkOpcode opcode, long localAddress, long lengthBytes, long remoteAddress, boolean inline) {
    if (opcode == null || opcode == WorkOpcode.RECEIVE) {
      throw new IllegalArgumentException("a send work request is SEND, RDMA_WRITE or RDMA_READ");
    }
    if (lengthBytes < 0 || localAddress < 0 || remoteAddress < 0) {
      throw new IllegalArgumentException("negative length or address in " + opcode);
    }
    if (inline && opcode == WorkOpcode.RDMA_READ) {
      throw new IllegalArgumentException("an RDMA READ has no payload to inline");
    }
  }

  public static SendWorkRequest send(long wrId, long localAddress, long lengthBytes) {
    return new SendWorkRequest(wrId, WorkOpcode.SEND, localAddress, lengthBytes, 0, true, false);
  }

  public static SendWorkRequest write(
      long wrId, long localAddress, long lengthBytes, long remoteAddress) {
    return new SendWorkRequest(
        wrId, WorkOpcode.RDMA_WRITE, localAddress, lengthBytes, remoteAddress, true, false);
  }

  public static SendWorkRequest read(
      long wrId, long localAddress, long lengthBytes, long remoteAddress) {
    return new SendWorkRequest(
        wrId, WorkOpcode.RDMA_READ, localAddress, lengthBytes, remoteAddress, true, false);
  }

  public SendWorkRequest withInline(boolean newInline) {
    return new SendWorkRequest(
        wrId,
        opcode,
        localAddress,
        lengthBytes,
        remoteAddress,
        signalled,
        newInline,
        localKey,
        remoteKey);
  }

  public SendWorkRequest withSignalled(boolean newSignalled) {
    return new SendWorkRequest(
        wrId,
        opcode,
        localAddress,
        lengthBytes,
        remoteAddress,
        newSignalled,
        inline,
        localKey,
        remoteKey);
  }
}
