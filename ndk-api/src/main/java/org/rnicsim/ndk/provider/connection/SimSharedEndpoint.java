package org.rnicsim.ndk.provider.connection;

import org.rnicsim.ndk.api.NdkAddressResult;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;

/**
 * NDK_SHARED_ENDPOINT (ndkpi-spec 1, 2): a local address:port that connectors share through
 * ConnectWithSharedEndpoint. Each such connector is its successor; the port stays busy until the
 * endpoint and all of them are closed (invariant 29).
 */
public final class SimSharedEndpoint extends LifetimeObject implements NdkSharedEndpoint {
  private final SimConnections home;
  private NdkSockAddr bound;

  SimSharedEndpoint(ProviderRuntime runtime, SimConnections home) {
    super(runtime, NdkObjectType.SHARED_ENDPOINT);
    this.home = home;
  }

  void bound(NdkSockAddr address) {
    this.bound = address;
  }

  NdkSockAddr address() {
    return bound;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return beginClose(closeCompletion, context);
  }

  @Override
  public NdkAddressResult getLocalAddress() {
    requireOpen("GetLocalAddress");
    return new NdkAddressResult(NtStatus.SUCCESS, bound);
  }

  @Override
  protected void onCloseIssued() {}

  @Override
  protected void onGone() {
    home.ports().release(bound.port(), this);
  }
}
