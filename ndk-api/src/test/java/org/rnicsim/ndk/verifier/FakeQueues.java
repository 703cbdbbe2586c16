package org.rnicsim.ndk.verifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkFnSrqNotificationCallback;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkAdapterFlag;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkOperationType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkResult;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSge;
import org.rnicsim.ndk.api.struct.NdkVersion;

/** Fake CQ, QP and SRQ: entries are queued only when the test says so. */
final class FakeQueues {

  private FakeQueues() {}

  static final class FakeCq extends FakeProvider.FakeObject implements NdkCq {
    final NdkFnCqNotificationCallback notification;
    final Object notificationContext;
    final ArrayDeque<NdkResultEx> entries = new ArrayDeque<>();
    final List<NdkCqNotificationType> arms = new ArrayList<>();

    /** Runs inside ArmCq and inside GetCqResults, for tests that re-enter. */
    Consumer<FakeCq> duringArm = cq -> {};

    Consumer<FakeCq> duringPoll = cq -> {};

    FakeCq(
        FakeProvider provider,
        NdkVersion version,
        NdkFnCqNotificationCallback notification,
        Object notificationContext) {
      super(provider, NdkObjectType.CQ, version);
      this.notification = notification;
      this.notificationContext = notificationContext;
    }

    /** Fires the CQ notification now. */
    void notifyConsumer(NtStatus status) {
      notification.cqNotification(notificationContext, status);
    }

    /** Queues an entry and reports it through the probe. */
    void queue(NdkResultEx entry) {
      entries.addLast(entry);
      provider.probe.cqEntryQueued(this, entry);
    }

    @Override
    public NtStatus resizeCq(long cqDepth, NdkFnRequestCompletion completion, Object ctx) {
      return provider.request("ResizeCq", this, completion, ctx);
    }

    @Override
    public void armCq(NdkCqNotificationType type) {
      arms.add(type);
      duringArm.accept(this);
    }

    @Override
    public int getCqResults(NdkResult[] results) {
      duringPoll.accept(this);
      int n = 0;
      while (n < results.length && !entries.isEmpty()) {
        results[n++] = entries.removeFirst().toResult();
      }
      return n;
    }

    @Override
    public int getCqResultsEx(NdkResultEx[] results) {
      duringPoll.accept(this);
      int n = 0;
      while (n < results.length && !entries.isEmpty()) {
        results[n++] = entries.removeFirst();
      }
      return n;
    }

    @Override
    public NtStatus controlCqInterruptModeration(long intervalUs, long count) {
      if (provider.moderationAnswer != null) {
        return provider.moderationAnswer;
      }
      return NdkAdapterFlag.CQ_INTERRUPT_MODERATION_SUPPORTED.isSetIn(provider.adapterFlags)
          ? NtStatus.SUCCESS
          : NtStatus.NOT_SUPPORTED;
    }
  }

  /** One post the fake QP accepted. */
  record Post(String op, NdkOperationType type, Object context, int flags, boolean receive) {}

  static final class FakeQp extends FakeProvider.FakeObject implements NdkQp {
    final FakeCq receiveCq;
    final FakeCq initiatorCq;
    final FakeSrq srq;
    final Object qpContext;
    final List<Post> posts = new ArrayList<>();

    /** Runs inside every post, for tests that re-enter. */
    Consumer<Post> duringPost = p -> {};

    boolean flushed;

    FakeQp(
        FakeProvider provider,
        NdkVersion version,
        FakeCq receiveCq,
        FakeCq initiatorCq,
        FakeSrq srq,
        Object qpContext) {
      super(provider, NdkObjectType.QP, version);
      this.receiveCq = receiveCq;
      this.initiatorCq = initiatorCq;
      this.srq = srq;
      this.qpContext = qpContext;
    }

    /** Queues the entry of {@code post} with {@code status} into its CQ. */
    void complete(Post post, NtStatus status) {
      completeAs(post, status, post.type(), 0);
    }

    void completeAs(Post post, NtStatus status, NdkOperationType type, long typeSpecific) {
      FakeCq cq = post.receive() ? receiveCq : initiatorCq;
      cq.queue(new NdkResultEx(status, 0, qpContext, post.context(), type, 0, typeSpecific));
    }

    /** Queues an entry naming any context, for tests of invariant 23. */
    void completeRaw(boolean receive, Object qpCtx, Object requestCtx, NtStatus status) {
      FakeCq cq = receive ? receiveCq : initiatorCq;
      NdkOperationType type = receive ? NdkOperationType.RECEIVE : NdkOperationType.SEND;
      cq.queue(new NdkResultEx(status, 0, qpCtx, requestCtx, type, 0, 0));
    }

    Post post(int index) {
      return posts.get(index);
    }

    private NtStatus accept(Post post) {
      duringPost.accept(post);
      if (NtStatus.SUCCESS.equals(provider.postAnswer)) {
        posts.add(post);
      }
      return provider.postAnswer;
    }

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public NtStatus send(Object ctx, List<NdkSge> sgl, int flags) {
      return accept(new Post("Send", NdkOperationType.SEND, ctx, flags, false));
    }

    @Override
    public NtStatus sendAndInvalidate(Object ctx, List<NdkSge> sgl, int flags, int token) {
      return accept(new Post("SendAndInvalidate", NdkOperationType.SEND, ctx, flags, false));
    }

    @Override
    public NtStatus receive(Object ctx, List<NdkSge> sgl) {
      return accept(new Post("Receive", NdkOperationType.RECEIVE, ctx, 0, true));
    }

    @Override
    public NtStatus read(Object ctx, List<NdkSge> sgl, long address, int token, int flags) {
      return accept(new Post("Read", NdkOperationType.READ, ctx, flags, false));
    }

    @Override
    public NtStatus write(Object ctx, List<NdkSge> sgl, long address, int token, int flags) {
      return accept(new Post("Write", NdkOperationType.WRITE, ctx, flags, false));
    }

    @Override
    public NtStatus bind(Object ctx, NdkMr mr, NdkMw mw, long va, long length, int flags) {
      return accept(new Post("Bind", NdkOperationType.BIND, ctx, flags, false));
    }

    @Override
    public NtStatus fastRegister(
        Object ctx, NdkMr mr, long[] pages, long fbo, long length, long base, int flags) {
      return accept(new Post("FastRegister", NdkOperationType.FAST_REGISTER, ctx, flags, false));
    }

    @Override
    public NtStatus invalidate(Object ctx, NdkObject mrOrMw, int flags) {
      return accept(new Post("Invalidate", NdkOperationType.INVALIDATE, ctx, flags, false));
    }
  }

  static final class FakeSrq extends FakeProvider.FakeObject implements NdkSrq {
    final NdkFnSrqNotificationCallback notification;
    final Object notificationContext;
    final List<Object> receives = new ArrayList<>();

    FakeSrq(
        FakeProvider provider,
        NdkVersion version,
        NdkFnSrqNotificationCallback notification,
        Object notificationContext) {
      super(provider, NdkObjectType.SRQ, version);
      this.notification = notification;
      this.notificationContext = notificationContext;
    }

    void notifyConsumer(NtStatus status) {
      notification.srqNotification(notificationContext, status);
    }

    @Override
    public NtStatus modifySrq(
        long srqDepth, long notifyThreshold, NdkFnRequestCompletion completion, Object ctx) {
      return provider.request("ModifySrq", this, completion, ctx);
    }

    @Override
    public NtStatus srqReceive(Object ctx, List<NdkSge> sgl) {
      if (NtStatus.SUCCESS.equals(provider.postAnswer)) {
        receives.add(ctx);
      }
      return provider.postAnswer;
    }
  }
}
