package org.rnicsim.ndk.provider.queue;

import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.constant.NdkMrFlag;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.memory.SimMr;
import org.rnicsim.ndk.provider.memory.SimMw;

/**
 * The memory checks of Bind, FastRegister and Invalidate (ndkpi-spec 5). Each returns the inline
 * failure, or null if the post may go ahead. Interp: MRs and MWs must be this provider's, open and
 * in the QP's PD, else INVALID_PARAMETER.
 */
final class MemoryPostChecks {
  private static final long PAGE_BYTES = 4096;

  private MemoryPostChecks() {}

  /**
   * Bind: a registered (not fast-register) MR containing the window; ACCESS_VIOLATION if the MR
   * lacks the remote access the window asks for.
   */
  static NtStatus bind(
      SimQp qp, NdkMr mrArg, NdkMw mwArg, long virtualAddress, long lengthBytes, int flags) {
    SimMr mr = QpCreation.ownOpen(qp.runtime(), mrArg, SimMr.class);
    SimMw mw = QpCreation.ownOpen(qp.runtime(), mwArg, SimMw.class);
    if (mr == null
        || mw == null
        || !mr.hasAntecedent(qp.pd())
        || !mw.hasAntecedent(qp.pd())
        || mr.isFastRegister()
        || !mr.isRegistered()
        || lengthBytes < 0
        || lengthBytes > qp.runtime().adapterInfo().maxWindowSize()
        || virtualAddress < mr.virtualAddress()
        || virtualAddress + lengthBytes > mr.virtualAddress() + mr.lengthBytes()) {
      return NtStatus.INVALID_PARAMETER;
    }
    boolean readDenied =
        NdkOpFlag.ALLOW_REMOTE_READ.isSetIn(flags)
            && !NdkMrFlag.ALLOW_REMOTE_READ.isSetIn(mr.accessFlags());
    boolean writeDenied =
        NdkOpFlag.ALLOW_REMOTE_WRITE.isSetIn(flags)
            && !NdkMrFlag.ALLOW_REMOTE_WRITE.isSetIn(mr.accessFlags());
    return readDenied || writeDenied ? NtStatus.ACCESS_VIOLATION : null;
  }

  /**
   * FastRegister: an initialised fast-register MR with room for the pages; ACCESS_VIOLATION for
   * remote access on an MR initialised without it.
   */
  static NtStatus fastRegister(
      SimQp qp, NdkMr mrArg, long[] pages, long fbo, long lengthBytes, int flags) {
    SimMr mr = QpCreation.ownOpen(qp.runtime(), mrArg, SimMr.class);
    if (mr == null
        || !mr.hasAntecedent(qp.pd())
        || !mr.isFastRegister()
        || !mr.isRegistered()
        || pages == null
        || pages.length == 0
        || pages.length > mr.fastRegisterPageCapacity()
        || fbo < 0
        || fbo >= PAGE_BYTES
        || lengthBytes <= 0
        || lengthBytes > pages.length * PAGE_BYTES - fbo) {
      return NtStatus.INVALID_PARAMETER;
    }
    boolean remote =
        NdkOpFlag.ALLOW_REMOTE_READ.isSetIn(flags) || NdkOpFlag.ALLOW_REMOTE_WRITE.isSetIn(flags);
    return remote && !mr.fastRegisterRemoteAccess() ? NtStatus.ACCESS_VIOLATION : null;
  }

  /** Invalidate: an MW, or a fast-register MR (ndkpi-spec 5). */
  static NtStatus invalidate(SimQp qp, NdkObject mrOrMw) {
    SimMw mw = QpCreation.ownOpen(qp.runtime(), mrOrMw, SimMw.class);
    if (mw != null) {
      return mw.hasAntecedent(qp.pd()) ? null : NtStatus.INVALID_PARAMETER;
    }
    SimMr mr = QpCreation.ownOpen(qp.runtime(), mrOrMw, SimMr.class);
    return mr != null && mr.isFastRegister() && mr.hasAntecedent(qp.pd())
        ? null
        : NtStatus.INVALID_PARAMETER;
  }
}
