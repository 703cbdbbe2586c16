package org.rnicsim.ndk.provider.memory;

import org.rnicsim.model.adapter.Rnic;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.runtime.TokenTable;

/**
 * NDK_MW (ndkpi-spec 1, 5): a window a Bind post places on an MR. The Bind makes the MW a successor
 * of that MR (MR -> MW, ndkpi-spec 1), so the MR's close stays pending until the MW is closed; the
 * link ends earlier when the window is invalidated (Invalidate, or a peer's SendAndInvalidate) or
 * bound to another MR. Its remote token is readable once Bind returns.
 */
public final class SimMw extends LifetimeObject implements NdkMw, TokenTable.Target {
  private SimMr boundTo;
  private int remoteToken;

  public SimMw(ProviderRuntime runtime) {
    super(runtime, NdkObjectType.MW);
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  @Override
  public int getRemoteTokenFromMw() {
    requireOpen("GetRemoteTokenFromMw");
    return remoteToken;
  }

  /** The MR the window is bound to, or null. */
  public SimMr boundTo() {
    return boundTo;
  }

  /**
   * A Bind post: the window now lies on {@code [virtualAddress, virtualAddress + lengthBytes)} of
   * {@code mr} with a fresh remote token, which the adapter holds (an MPT entry of the window's
   * own) until the window is unbound.
   */
  public void bind(SimMr mr, long virtualAddress, long lengthBytes) {
    unbind();
    boundTo = mr;
    addAntecedent(mr);
    remoteToken = runtime.nextToken();
    runtime.tokens().register(remoteToken, this);
    adapter().memory().windowBound(remoteToken, virtualAddress, lengthBytes);
  }

  /** An Invalidate post or a peer's SendAndInvalidate: the window is unbound. */
  public void unbind() {
    runtime.tokens().remove(remoteToken);
    if (boundTo != null) {
      adapter().memory().windowUnbound(remoteToken);
      SimMr former = boundTo;
      boundTo = null;
      removeAntecedent(former);
    }
  }

  @Override
  public void invalidateRemote(int token) {
    if (token == remoteToken) {
      unbind();
    }
  }

  @Override
  protected void onCloseIssued() {}

  @Override
  protected void onGone() {
    runtime.tokens().remove(remoteToken);
    if (boundTo != null) {
      adapter().memory().windowUnbound(remoteToken);
    }
    boundTo = null;
  }

  private Rnic adapter() {
    return runtime.hardware().node().rnic();
  }
}
