package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkAdapterInfoResult;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkExtensionResult;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkFnSrqNotificationCallback;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkObject;
import org.rnicsim.ndk.api.NdkOpenAdapterResult;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.NdkSrq;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.constant.NdkRdmaTechnology;
import org.rnicsim.ndk.api.status.NdisStatus;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkCapabilities;
import org.rnicsim.ndk.api.struct.NdkLogicalAddressMapping;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.api.struct.NdkVersion;

/**
 * A programmable NDK provider for the verifier's tests: deterministic, no time of its own, and
 * every callback fires only when the test says so (through the recorded {@link Call}s, or the
 * fakes' fire methods). Knobs make it answer or misbehave as a test needs.
 */
final class FakeProvider implements NdkProvider {

  // ---- knobs

  /** What creates return: SUCCESS (inline), PENDING (the test completes them) or a failure. */
  NtStatus createAnswer = NtStatus.SUCCESS;

  /** What closes return. */
  NtStatus closeAnswer = NtStatus.SUCCESS;

  /** What requests (RegisterMr, Connect, ...) return. */
  NtStatus requestAnswer = NtStatus.PENDING;

  /** What posts return. */
  NtStatus postAnswer = NtStatus.SUCCESS;

  /** What Reject and ControlCqInterruptModeration return (null: the correct answer). */
  NtStatus rejectAnswer = NtStatus.SUCCESS;

  NtStatus moderationAnswer = null;

  /** Runs inside every call that records a {@link Call}, before the call returns. */
  Consumer<Call> duringCall = c -> {};

  /** Runs inside CloseAdapter. */
  Runnable duringCloseAdapter = () -> {};

  /** The provider's highest version, and the version an opened adapter claims (null: highest). */
  NdkVersion highest = NdkVersion.V1_2;

  NdkVersion adapterClaims = null;

  /** Overrides OpenAdapter's answer (null: follow the rules). */
  NdisStatus openAnswer = null;

  /** Builds each new object's header from (type, negotiated version). */
  BiFunction<NdkObjectType, NdkVersion, NdkObjectHeader> headers =
      (t, v) -> new NdkObjectHeader(v, t);

  int adapterFlags = 0;

  ProviderProbe probe = ProviderProbe.NONE;

  /** Every call that took a callback, oldest first. */
  final List<Call> calls = new ArrayList<>();

  final List<FakeAdapter> adapters = new ArrayList<>();

  NdkAdapterInfo info() {
    return NdkAdapterInfo.builder()
        .version(highest)
        .vendorId(1)
        .deviceId(2)
        .maxRegistrationSize(1L << 30)
        .maxWindowSize(1L << 30)
        .frmrPageCount(256)
        .maxInitiatorRequestSge(4)
        .maxReceiveRequestSge(4)
        .maxReadRequestSge(4)
        .maxTransferLength(1 << 20)
        .maxInlineDataSize(64)
        .maxInboundReadLimit(8)
        .maxOutboundReadLimit(8)
        .maxReceiveQueueDepth(128)
        .maxInitiatorQueueDepth(128)
        .maxSrqDepth(256)
        .maxCqDepth(1024)
        .largeRequestThreshold(4096)
        .maxCallerData(56)
        .maxCalleeData(148)
        .adapterFlags(adapterFlags)
        .rdmaTechnology(NdkRdmaTechnology.ROCE)
        .build();
  }

  /** The last recorded call of {@code op}. */
  Call last(String op) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).op.equals(op)) {
        return calls.get(i);
      }
    }
    throw new AssertionError("no call " + op + " was recorded");
  }

  @Override
  public NdkOpenAdapterResult openAdapter(NdisOpenNdkAdapterParameters parameters) {
    NdkVersion asked = parameters.version();
    boolean bad = asked.major() != highest.major() || asked.minor() > highest.minor();
    NdisStatus status = openAnswer != null ? openAnswer : bad ? NdisStatus.BAD_VERSION : null;
    if (status != null && !status.equals(NdisStatus.SUCCESS)) {
      return NdkOpenAdapterResult.failed(status);
    }
    FakeAdapter a = new FakeAdapter(this, adapterClaims != null ? adapterClaims : highest);
    adapters.add(a);
    return NdkOpenAdapterResult.opened(a);
  }

  @Override
  public void closeAdapter(NdkAdapter adapter) {
    duringCloseAdapter.run();
  }

  @Override
  public NdkCapabilities ndkCapabilities() {
    return new NdkCapabilities(100, 100, 100, 100, 0, 0, 100, 100, info());
  }

  // ---- recorded calls

  /** One call that took a callback; the test fires it (or misfires it) at will. */
  static final class Call {
    final String op;
    final FakeObject target;
    final Object context;
    NdkFnCreateCompletion createCompletion;
    NdkFnCloseCompletion closeCompletion;
    NdkFnRequestCompletion requestCompletion;

    /** The object a create made, delivered on SUCCESS. */
    FakeObject created;

    Call(String op, FakeObject target, Object context) {
      this.op = op;
      this.target = target;
      this.context = context;
    }

    void completeCreate(NtStatus status) {
      createCompletion.createCompletion(
          context, status, NtStatus.SUCCESS.equals(status) ? created : null);
    }

    void completeCreateWith(NtStatus status, NdkObject object) {
      createCompletion.createCompletion(context, status, object);
    }

    void completeClose() {
      closeCompletion.closeCompletion(context);
    }

    void completeRequest(NtStatus status) {
      requestCompletion.requestCompletion(context, status);
    }
  }

  // ---- shared helpers for the fakes

  <T extends FakeObject> NdkCreateResult<T> create(
      String op,
      FakeObject parent,
      Function<FakeProvider, T> make,
      NdkFnCreateCompletion completion,
      Object context) {
    T created = make.apply(this);
    Call call = new Call(op, parent, context);
    call.createCompletion = completion;
    call.created = created;
    calls.add(call);
    duringCall.accept(call);
    if (createAnswer.isPending()) {
      return NdkCreateResult.pending();
    }
    return createAnswer.equals(NtStatus.SUCCESS)
        ? NdkCreateResult.success(created)
        : NdkCreateResult.failed(createAnswer);
  }

  NtStatus request(String op, FakeObject target, NdkFnRequestCompletion completion, Object ctx) {
    Call call = new Call(op, target, ctx);
    call.requestCompletion = completion;
    calls.add(call);
    duringCall.accept(call);
    return requestAnswer;
  }

  NtStatus close(FakeObject target, NdkFnCloseCompletion completion, Object ctx) {
    Call call = new Call("Close", target, ctx);
    call.closeCompletion = completion;
    calls.add(call);
    duringCall.accept(call);
    target.closed = true;
    return closeAnswer;
  }

  // ---- the fakes

  /** What every fake has: a header built when it is made, and no extensions. */
  abstract static class FakeObject implements NdkObject {
    final FakeProvider provider;
    final NdkObjectHeader header;
    boolean closed;

    FakeObject(FakeProvider provider, NdkObjectType type, NdkVersion version) {
      this.provider = provider;
      this.header = provider.headers.apply(type, version);
    }

    @Override
    public NdkObjectHeader header() {
      return header;
    }

    @Override
    public NdkExtensionResult queryExtension(UUID id, NdkVersion version) {
      return NdkExtensionResult.notSupported();
    }

    /** NDK_FN_CLOSE_OBJECT for the closeable fakes. */
    public NtStatus closeObject(NdkFnCloseCompletion completion, Object ctx) {
      return provider.close(this, completion, ctx);
    }
  }

  static final class FakeAdapter extends FakeObject implements NdkAdapter {
    final NdkVersion version;

    FakeAdapter(FakeProvider provider, NdkVersion version) {
      super(provider, NdkObjectType.ADAPTER, version);
      this.version = version;
    }

    @Override
    public NdkAdapterInfoResult queryAdapterInfo(long bufferSizeBytes) {
      return new NdkAdapterInfoResult(NtStatus.SUCCESS, provider.info(), NdkAdapterInfo.SIZE_BYTES);
    }

    @Override
    public NdkCreateResult<NdkCq> createCq(
        long cqDepth,
        NdkFnCqNotificationCallback cqNotification,
        Object cqNotificationContext,
        GroupAffinity affinity,
        NdkFnCreateCompletion createCompletion,
        Object requestContext) {
      return cast(
          provider.create(
              "CreateCq",
              this,
              p -> new FakeQueues.FakeCq(p, version, cqNotification, cqNotificationContext),
              createCompletion,
              requestContext));
    }

    @Override
    public NdkCreateResult<NdkPd> createPd(NdkFnCreateCompletion completion, Object ctx) {
      return cast(provider.create("CreatePd", this, p -> new FakePd(p, version), completion, ctx));
    }

    @Override
    public NdkCreateResult<NdkSharedEndpoint> createSharedEndpoint(
        NdkSockAddr address, NdkFnCreateCompletion completion, Object ctx) {
      return cast(
          provider.create(
              "CreateSharedEndpoint",
              this,
              p -> new FakeConnections.FakeSharedEndpoint(p, version, address),
              completion,
              ctx));
    }

    @Override
    public NdkCreateResult<NdkConnector> createConnector(
        NdkFnCreateCompletion completion, Object ctx) {
      return cast(
          provider.create(
              "CreateConnector",
              this,
              p -> new FakeConnections.FakeConnector(p, version),
              completion,
              ctx));
    }

    @Override
    public NdkCreateResult<NdkListener> createListener(
        NdkFnConnectEventCallback connectEvent,
        Object connectEventContext,
        NdkFnCreateCompletion completion,
        Object ctx) {
      return cast(
          provider.create(
              "CreateListener",
              this,
              p -> new FakeConnections.FakeListener(p, version, connectEvent, connectEventContext),
              completion,
              ctx));
    }

    @Override
    public NtStatus buildLam(
        Mdl mdl,
        long lengthBytes,
        NdkFnRequestCompletion completion,
        Object ctx,
        NdkLogicalAddressMapping lam) {
      return provider.request("BuildLAM", this, completion, ctx);
    }

    /** How many ReleaseLAM calls reached this adapter. */
    int lamsReleased;

    /**
     * ReleaseLAM takes no callback; it is recorded (the mapping as context) and {@code duringCall}
     * runs in it.
     */
    @Override
    public void releaseLam(NdkLogicalAddressMapping lam) {
      lamsReleased++;
      Call call = new Call("ReleaseLAM", this, lam);
      provider.calls.add(call);
      provider.duringCall.accept(call);
    }
  }

  static final class FakePd extends FakeObject implements NdkPd {
    final NdkVersion version;

    FakePd(FakeProvider provider, NdkVersion version) {
      super(provider, NdkObjectType.PD, version);
      this.version = version;
    }

    @Override
    public NdkCreateResult<NdkMr> createMr(
        boolean fastRegister, NdkFnCreateCompletion completion, Object ctx) {
      return cast(
          provider.create(
              "CreateMr", this, p -> new FakeConnections.FakeMr(p, version), completion, ctx));
    }

    @Override
    public NdkCreateResult<NdkMw> createMw(NdkFnCreateCompletion completion, Object ctx) {
      return cast(
          provider.create(
              "CreateMw", this, p -> new FakeConnections.FakeMw(p, version), completion, ctx));
    }

    @Override
    public NdkCreateResult<NdkSrq> createSrq(
        long srqDepth,
        long maxReceiveRequestSge,
        long notifyThreshold,
        NdkFnSrqNotificationCallback srqNotification,
        Object srqNotificationContext,
        GroupAffinity affinity,
        NdkFnCreateCompletion completion,
        Object ctx) {
      return cast(
          provider.create(
              "CreateSrq",
              this,
              p -> new FakeQueues.FakeSrq(p, version, srqNotification, srqNotificationContext),
              completion,
              ctx));
    }

    @Override
    public NdkCreateResult<NdkQp> createQp(
        NdkCq receiveCq,
        NdkCq initiatorCq,
        Object qpContext,
        long receiveQueueDepth,
        long initiatorQueueDepth,
        long maxReceiveRequestSge,
        long maxInitiatorRequestSge,
        long inlineDataSize,
        NdkFnCreateCompletion completion,
        Object ctx) {
      return cast(
          provider.create(
              "CreateQp",
              this,
              p ->
                  new FakeQueues.FakeQp(
                      p,
                      version,
                      (FakeQueues.FakeCq) receiveCq,
                      (FakeQueues.FakeCq) initiatorCq,
                      null,
                      qpContext),
              completion,
              ctx));
    }

    @Override
    public NdkCreateResult<NdkQp> createQpWithSrq(
        NdkCq receiveCq,
        NdkCq initiatorCq,
        NdkSrq srq,
        Object qpContext,
        long initiatorQueueDepth,
        long maxInitiatorRequestSge,
        long inlineDataSize,
        NdkFnCreateCompletion completion,
        Object ctx) {
      return cast(
          provider.create(
              "CreateQpWithSrq",
              this,
              p ->
                  new FakeQueues.FakeQp(
                      p,
                      version,
                      (FakeQueues.FakeCq) receiveCq,
                      (FakeQueues.FakeCq) initiatorCq,
                      (FakeQueues.FakeSrq) srq,
                      qpContext),
              completion,
              ctx));
    }

    @Override
    public int getPrivilegedMemoryRegionToken() {
      return 7;
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends NdkObject> NdkCreateResult<T> cast(NdkCreateResult<?> result) {
    return (NdkCreateResult<T>) result;
  }
}
