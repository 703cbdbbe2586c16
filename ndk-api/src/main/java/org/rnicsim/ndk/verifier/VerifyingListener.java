package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkAddressResult;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/** The consumer's view of a listener. */
final class VerifyingListener extends VerifyingObject implements NdkListener {

  private final ListenerShadow listener;
  private final NdkListener inner;

  VerifyingListener(VerifierCore core, ListenerShadow shadow, NdkListener inner) {
    super(core, shadow);
    this.listener = shadow;
    this.inner = inner;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> inner.closeObject(w, context));
  }

  @Override
  public NtStatus listen(
      NdkSockAddr address, NdkFnRequestCompletion requestCompletion, Object requestContext) {
    return core.connections.listen(
        listener, address, requestCompletion, w -> inner.listen(address, w, requestContext));
  }

  @Override
  public NdkAddressResult getLocalAddress() {
    return core.sync(shadow, "GetLocalAddress", Frame.OpGroup.NONE, inner::getLocalAddress);
  }

  @Override
  public void controlConnectEvents(boolean pause) {
    core.connections.controlConnectEvents(listener, pause, () -> inner.controlConnectEvents(pause));
  }
}
