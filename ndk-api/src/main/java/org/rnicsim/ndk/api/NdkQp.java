package org.rnicsim.ndk.api;

import java.util.List;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;

/**
 * NDK_QP with NDK_QP_DISPATCH (ndkpi-spec 1, 5, 6): Flush and the eight posts.
 *
 * <p>Every post is synchronous (ndkpi-spec 5). SUCCESS queues exactly one eventual CQ entry unless
 * SILENT_SUCCESS and it succeeds; an inline failure queues none (invariant 19). The entry carries
 * this QP's QPContext and the post's RequestContext (invariant 23). {@code flags} is an OR of
 * {@link org.rnicsim.ndk.api.constant.NdkOpFlag} values from the set the ndkpi-spec 5 table allows
 * for that post; DEFER is a doorbell hint (invariants 21, 22). Posts on an unconnected QP fail
 * inline with CONNECTION_INVALID. The consumer never posts concurrently to one queue; Receive and
 * the initiator posts are different queues.
 */
public interface NdkQp extends NdkCloseableObject {

  /**
   * NDK_FN_FLUSH (NdkFlush): VOID, never pends (invariant 12). Starts cancelling every pending
   * request on both queues; each reaches the CQ, those not already done as STATUS_CANCELLED
   * (invariant 20).
   */
  void flush();

  /**
   * NDK_FN_SEND (NdkSend). Flags: SILENT_SUCCESS, READ_FENCE, SEND_AND_SOLICIT_EVENT, INLINE,
   * DEFER.
   */
  NtStatus send(Object requestContext, List<NdkSge> sgl, int flags);

  /**
   * NDK_FN_SEND_AND_INVALIDATE (NdkSendAndInvalidate): as Send, and the receiver's completion
   * invalidates {@code remoteToken} (invariant 24).
   *
   * @param remoteToken UINT32 token of the peer's MR or MW to invalidate
   */
  NtStatus sendAndInvalidate(Object requestContext, List<NdkSge> sgl, int flags, int remoteToken);

  /** NDK_FN_RECEIVE (NdkReceive): a receive-queue post; no flags, no DEFER. */
  NtStatus receive(Object requestContext, List<NdkSge> sgl);

  /**
   * NDK_FN_READ (NdkRead). Flags: SILENT_SUCCESS, READ_FENCE, RDMA_READ_LOCAL_INVALIDATE, DEFER.
   * REMOTE_RESOURCES inline when reading past the end of remote memory.
   *
   * @param sgl local sink buffers
   * @param remoteAddress UINT64 address in the peer's registered memory
   * @param remoteToken UINT32 peer token
   */
  NtStatus read(
      Object requestContext, List<NdkSge> sgl, long remoteAddress, int remoteToken, int flags);

  /**
   * NDK_FN_WRITE (NdkWrite). Flags: SILENT_SUCCESS, READ_FENCE, DEFER (inline follows from the QP's
   * InlineDataSize).
   *
   * @param remoteAddress UINT64 address in the peer's registered memory
   * @param remoteToken UINT32 peer token
   */
  NtStatus write(
      Object requestContext, List<NdkSge> sgl, long remoteAddress, int remoteToken, int flags);

  /**
   * NDK_FN_BIND (NdkBind): binds {@code mw} to part of {@code mr}. Flags: SILENT_SUCCESS,
   * READ_FENCE, ALLOW_REMOTE_READ, ALLOW_REMOTE_WRITE, DEFER. ACCESS_VIOLATION inline if the MR
   * lacks the access asked for.
   *
   * @param virtualAddress start of the window (PVOID)
   * @param lengthBytes SIZE_T length of the window
   */
  NtStatus bind(
      Object requestContext, NdkMr mr, NdkMw mw, long virtualAddress, long lengthBytes, int flags);

  /**
   * NDK_FN_FAST_REGISTER (NdkFastRegister): maps a fast-register MR onto adapter pages. Flags:
   * SILENT_SUCCESS, READ_FENCE, ALLOW_REMOTE_READ, ALLOW_LOCAL_WRITE, ALLOW_REMOTE_WRITE,
   * RDMA_READ_SINK, DEFER. ACCESS_VIOLATION inline for remote access on an MR initialised without
   * it.
   *
   * @param adapterPageArray NDK_LOGICAL_ADDRESS per page; AdapterPageCount is its length
   * @param fbo ULONG first byte offset in the first page
   * @param lengthBytes SIZE_T
   * @param baseVirtualAddress the virtual address the region will have (PVOID)
   */
  NtStatus fastRegister(
      Object requestContext,
      NdkMr mr,
      long[] adapterPageArray,
      long fbo,
      long lengthBytes,
      long baseVirtualAddress,
      int flags);

  /**
   * NDK_FN_INVALIDATE (NdkInvalidate). Flags: SILENT_SUCCESS, READ_FENCE, DEFER.
   *
   * @param mrOrMw a fast-registered MR or an MW (C: NDK_OBJECT_HEADER*)
   */
  NtStatus invalidate(Object requestContext, NdkObject mrOrMw, int flags);
}
