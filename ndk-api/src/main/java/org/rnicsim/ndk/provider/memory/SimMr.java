package org.rnicsim.ndk.provider.memory;

import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.model.adapter.firmware.FirmwareCommand;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.constant.NdkMrFlag;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.lifetime.PendingRequest;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.runtime.TokenTable;
import org.rnicsim.ndk.provider.work.FirmwareGateway;

/**
 * NDK_MR (ndkpi-spec 4, 5): RegisterMr and DeregisterMr (FastRegister false) or
 * InitializeFastRegisterMr and the FastRegister post (FastRegister true). Registration is a
 * REGISTER_MR firmware command whose latency grows with the page count; the request pends until its
 * completion has been delivered through the DPC. Tokens are valid once the command has completed.
 *
 * <p>Interp choices: RegisterMr on a fast-register MR (and InitializeFastRegisterMr on a normal
 * one), a second RegisterMr before DeregisterMr, and DeregisterMr of an unregistered MR fail inline
 * with INVALID_PARAMETER; a request whose MR close was issued meanwhile completes with
 * STATUS_CANCELLED (its command cannot be recalled, the registration is dropped); closing a
 * registered MR deregisters it with a DEREGISTER_MR command, so that close pends.
 *
 * <p>The adapter's MPT entry of a RegisterMr exists from the request's completion, when the tokens
 * become valid (docs/ndk-lifetime-rules.md, operation flags: tokens), until DeregisterMr or the
 * close completes. The firmware wrote the entry, so the adapter holds it and the first access is no
 * cold miss (docs/calibration-qp-scaling.md); only eviction by other keys makes it miss. A
 * FastRegister post writes the entry of a fast-register MR, and an Invalidate post drops it, when
 * the post is made (assumption: the adapter runs such a WQE in queue order at once; the model has
 * no WQE kind of its own for it, see InitiatorRing). An access with a token the adapter holds no
 * entry for is refused by the adapter (a remote or local access error), never by the provider.
 */
public final class SimMr extends LifetimeObject implements NdkMr, TokenTable.Target {
  private static final long PAGE_BYTES = 4096;

  private final boolean fastRegister;
  private int requestsInFlight;
  private boolean registered;
  private long virtualAddress;
  private long lengthBytes;
  private int accessFlags;
  private long fastRegisterPageCapacity;
  private boolean fastRegisterRemoteAccess;
  private boolean remoteTokenValid;
  private int localToken;
  private int remoteToken;
  // The adapter holds an MPT entry under the tokens: from a RegisterMr's completion, or from a
  // FastRegister post until the Invalidate post or the peer's SendAndInvalidate.
  private boolean adapterRegistered;

  public SimMr(ProviderRuntime runtime, boolean fastRegister) {
    super(runtime, NdkObjectType.MR);
    this.fastRegister = fastRegister;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  @Override
  public NtStatus registerMr(
      Mdl mdl,
      long lengthBytes,
      int flags,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("RegisterMr");
    if (fastRegister
        || registered
        || requestsInFlight > 0
        || mdl == null
        || lengthBytes <= 0
        || lengthBytes > runtime.adapterInfo().maxRegistrationSize()
        || !mdl.isVirtuallyContiguous(lengthBytes)
        || NdkMrFlag.undefinedBits(flags) != 0) {
      return NtStatus.INVALID_PARAMETER;
    }
    long pages = (mdl.virtualAddress() % PAGE_BYTES + lengthBytes + PAGE_BYTES - 1) / PAGE_BYTES;
    PendingRequest request = beginRequest("RegisterMr", requestCompletion, requestContext);
    submit(
        FirmwareCommand.registerMr(pages),
        request,
        () -> {
          registered = true;
          virtualAddress = mdl.virtualAddress();
          this.lengthBytes = lengthBytes;
          accessFlags = flags;
          issueTokens();
          adapterRegistered = true;
          adapter().memory().registered(localToken, remoteToken, virtualAddress, lengthBytes);
        });
    return NtStatus.PENDING;
  }

  @Override
  public NtStatus deregisterMr(NdkFnRequestCompletion requestCompletion, Object requestContext) {
    requireOpen("DeregisterMr");
    if (!registered || requestsInFlight > 0) {
      return NtStatus.INVALID_PARAMETER;
    }
    PendingRequest request = beginRequest("DeregisterMr", requestCompletion, requestContext);
    submit(FirmwareCommand.of(FirmwareCommandKind.DEREGISTER_MR), request, this::dropRegistration);
    return NtStatus.PENDING;
  }

  /**
   * NdkInitializeFastRegisterMr: IMPLEMENTATION_LIMIT above FRMRPageCount; may be called repeatedly
   * or in parallel, the last completion setting the capacity and remote access.
   */
  @Override
  public NtStatus initializeFastRegisterMr(
      long adapterPageCount,
      boolean remoteAccess,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    requireOpen("InitializeFastRegisterMr");
    if (!fastRegister || adapterPageCount <= 0) {
      return NtStatus.INVALID_PARAMETER;
    }
    if (adapterPageCount > runtime.adapterInfo().frmrPageCount()) {
      return NtStatus.IMPLEMENTATION_LIMIT;
    }
    PendingRequest request =
        beginRequest("InitializeFastRegisterMr", requestCompletion, requestContext);
    submit(
        FirmwareCommand.registerMr(adapterPageCount),
        request,
        () -> {
          registered = true;
          fastRegisterPageCapacity = adapterPageCount;
          fastRegisterRemoteAccess = remoteAccess;
          if (localToken == 0) {
            issueTokens();
            remoteTokenValid = false;
          }
        });
    return NtStatus.PENDING;
  }

  @Override
  public int getRemoteTokenFromMr() {
    requireOpen("GetRemoteTokenFromMr");
    return remoteToken;
  }

  @Override
  public int getLocalTokenFromMr() {
    requireOpen("GetLocalTokenFromMr");
    return localToken;
  }

  // ---- Provider side, for posts ----

  /** True for an MR created with FastRegister TRUE. */
  public boolean isFastRegister() {
    return fastRegister;
  }

  /** True once RegisterMr or InitializeFastRegisterMr has completed (and no deregistration). */
  public boolean isRegistered() {
    return registered;
  }

  /** The MR_FLAG access of a RegisterMr registration. */
  public int accessFlags() {
    return accessFlags;
  }

  public long virtualAddress() {
    return virtualAddress;
  }

  public long lengthBytes() {
    return lengthBytes;
  }

  /** Pages InitializeFastRegisterMr prepared. */
  public long fastRegisterPageCapacity() {
    return fastRegisterPageCapacity;
  }

  /** Whether InitializeFastRegisterMr allowed remote access. */
  public boolean fastRegisterRemoteAccess() {
    return fastRegisterRemoteAccess;
  }

  /**
   * A FastRegister post maps the MR: a new remote token, readable once the post returns (ndkpi-spec
   * 5).
   */
  public void fastRegistered(long baseVirtualAddress, long length, int opFlags) {
    dropAdapterEntry();
    runtime.tokens().remove(remoteToken);
    remoteToken = runtime.nextToken();
    remoteTokenValid = true;
    runtime.tokens().register(remoteToken, this);
    virtualAddress = baseVirtualAddress;
    lengthBytes = length;
    accessFlags = opFlags;
    adapterRegistered = true;
    adapter().memory().registered(localToken, remoteToken, virtualAddress, lengthBytes);
  }

  /**
   * An Invalidate post (or a peer's SendAndInvalidate) ends the fast registration's token: the
   * adapter drops the MPT entry, so a later access with either token is refused.
   */
  public void invalidated() {
    remoteTokenValid = false;
    runtime.tokens().remove(remoteToken);
    dropAdapterEntry();
  }

  /** True while the remote token names this MR. */
  public boolean isRemoteTokenValid() {
    return remoteTokenValid;
  }

  @Override
  public void invalidateRemote(int token) {
    if (token == remoteToken) {
      invalidated();
    }
  }

  private void submit(FirmwareCommand command, PendingRequest request, Runnable onSuccess) {
    requestsInFlight++;
    FirmwareGateway firmware = runtime.firmware();
    firmware.submit(
        command,
        status -> {
          requestsInFlight--;
          NtStatus outcome = status;
          if (request.isCancelRequested()) {
            outcome = NtStatus.CANCELLED;
          } else if (NtStatus.SUCCESS.equals(status)) {
            onSuccess.run();
          }
          completeRequest(
              request, outcome, firmware.core(), runtime.policy().completionDpcCostPs());
        });
  }

  private void issueTokens() {
    runtime.tokens().remove(remoteToken);
    localToken = runtime.nextToken();
    remoteToken = runtime.nextToken();
    remoteTokenValid = true;
    runtime.tokens().register(remoteToken, this);
  }

  private Rnic adapter() {
    return runtime.hardware().node().rnic();
  }

  private void dropRegistration() {
    dropAdapterEntry();
    registered = false;
    remoteTokenValid = false;
    runtime.tokens().remove(remoteToken);
  }

  private void dropAdapterEntry() {
    if (adapterRegistered) {
      adapterRegistered = false;
      adapter().memory().deregistered(localToken, remoteToken, virtualAddress, lengthBytes);
    }
  }

  @Override
  protected void onCloseIssued() {}

  @Override
  protected boolean destroysByFirmware() {
    return super.destroysByFirmware() || (registered && !fastRegister);
  }

  @Override
  protected void onGone() {
    dropRegistration();
  }
}
