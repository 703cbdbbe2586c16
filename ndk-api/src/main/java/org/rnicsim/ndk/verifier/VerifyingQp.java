package org.rnicsim.ndk.verifier;

import java.util.List;
import java.util.function.Supplier;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSge;

/** The consumer's view of a QP: Flush and the eight posts, tracked by {@link PostRules}. */
final class VerifyingQp extends VerifyingObject implements NdkQp {

  private static final NdkObject[] NONE = new NdkObject[0];

  private final QpShadow qpShadow;
  private final NdkQp qp;

  VerifyingQp(VerifierCore core, QpShadow shadow, NdkQp qp) {
    super(core, shadow);
    this.qpShadow = shadow;
    this.qp = qp;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> qp.closeObject(w, context));
  }

  @Override
  public void flush() {
    core.posts.flush(qpShadow, qp::flush);
  }

  @Override
  public NtStatus send(Object requestContext, List<NdkSge> sgl, int flags) {
    return initiator(
        "Send",
        NdkOperationType.SEND,
        requestContext,
        flags,
        () -> qp.send(requestContext, sgl, flags));
  }

  @Override
  public NtStatus sendAndInvalidate(
      Object requestContext, List<NdkSge> sgl, int flags, int remoteToken) {
    return initiator(
        "SendAndInvalidate",
        NdkOperationType.SEND,
        requestContext,
        flags,
        () -> qp.sendAndInvalidate(requestContext, sgl, flags, remoteToken));
  }

  @Override
  public NtStatus receive(Object requestContext, List<NdkSge> sgl) {
    return core.posts.post(
        qpShadow,
        PostRecord.Queue.RECEIVE,
        "Receive",
        NdkOperationType.RECEIVE,
        requestContext,
        0,
        null,
        null,
        NONE,
        () -> qp.receive(requestContext, sgl));
  }

  @Override
  public NtStatus read(
      Object requestContext, List<NdkSge> sgl, long remoteAddress, int remoteToken, int flags) {
    return initiator(
        "Read",
        NdkOperationType.READ,
        requestContext,
        flags,
        () -> qp.read(requestContext, sgl, remoteAddress, remoteToken, flags));
  }

  @Override
  public NtStatus write(
      Object requestContext, List<NdkSge> sgl, long remoteAddress, int remoteToken, int flags) {
    return initiator(
        "Write",
        NdkOperationType.WRITE,
        requestContext,
        flags,
        () -> qp.write(requestContext, sgl, remoteAddress, remoteToken, flags));
  }

  @Override
  public NtStatus bind(
      Object requestContext, NdkMr mr, NdkMw mw, long virtualAddress, long lengthBytes, int flags) {
    return core.posts.post(
        qpShadow,
        PostRecord.Queue.INITIATOR,
        "Bind",
        NdkOperationType.BIND,
        requestContext,
        flags,
        memory(mw),
        memory(mr),
        new NdkObject[] {mr, mw},
        () ->
            qp.bind(
                requestContext,
                core.unwrap(mr),
                core.unwrap(mw),
                virtualAddress,
                lengthBytes,
                flags));
  }

  @Override
  public NtStatus fastRegister(
      Object requestContext,
      NdkMr mr,
      long[] adapterPageArray,
      long fbo,
      long lengthBytes,
      long baseVirtualAddress,
      int flags) {
    return core.posts.post(
        qpShadow,
        PostRecord.Queue.INITIATOR,
        "FastRegister",
        NdkOperationType.FAST_REGISTER,
        requestContext,
        flags,
        memory(mr),
        null,
        new NdkObject[] {mr},
        () ->
            qp.fastRegister(
                requestContext,
                core.unwrap(mr),
                adapterPageArray,
                fbo,
                lengthBytes,
                baseVirtualAddress,
                flags));
  }

  @Override
  public NtStatus invalidate(Object requestContext, NdkObject mrOrMw, int flags) {
    return core.posts.post(
        qpShadow,
        PostRecord.Queue.INITIATOR,
        "Invalidate",
        NdkOperationType.INVALIDATE,
        requestContext,
        flags,
        memory(mrOrMw),
        null,
        new NdkObject[] {mrOrMw},
        () -> qp.invalidate(requestContext, core.unwrap(mrOrMw), flags));
  }

  private NtStatus initiator(
      String op, NdkOperationType type, Object requestContext, int flags, Supplier<NtStatus> call) {
    return core.posts.post(
        qpShadow,
        PostRecord.Queue.INITIATOR,
        op,
        type,
        requestContext,
        flags,
        null,
        null,
        NONE,
        call);
  }

  private MemoryShadow memory(NdkObject object) {
    return core.shadowOf(object) instanceof MemoryShadow m ? m : null;
  }
}
