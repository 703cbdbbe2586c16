package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkAddressResult;
import org.rnicsim.ndk.api.NdkConnectionData;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkFnCloseCompletion;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallback;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallbackEx;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/** The consumer's view of a connector; disconnect events are wrapped for invariant 25. */
final class VerifyingConnector extends VerifyingObject implements NdkConnector {

  private final ConnectorShadow connector;
  private final NdkConnector inner;

  VerifyingConnector(VerifierCore core, ConnectorShadow shadow, NdkConnector inner) {
    super(core, shadow);
    this.connector = shadow;
    this.inner = inner;
  }

  @Override
  public NtStatus closeObject(NdkFnCloseCompletion closeCompletion, Object context) {
    return close(closeCompletion, w -> inner.closeObject(w, context));
  }

  @Override
  public NtStatus connect(
      NdkQp qp,
      NdkSockAddr source,
      NdkSockAddr destination,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.connections.connect(
        connector,
        "Connect",
        qp,
        null,
        source,
        requestCompletion,
        w ->
            inner.connect(
                core.unwrap(qp),
                source,
                destination,
                inboundReadLimit,
                outboundReadLimit,
                privateData,
                w,
                requestContext));
  }

  @Override
  public NtStatus connectWithSharedEndpoint(
      NdkQp qp,
      NdkSharedEndpoint sharedEndpoint,
      NdkSockAddr destination,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.connections.connect(
        connector,
        "ConnectWithSharedEndpoint",
        qp,
        sharedEndpoint,
        null,
        requestCompletion,
        w ->
            inner.connectWithSharedEndpoint(
                core.unwrap(qp),
                core.unwrap(sharedEndpoint),
                destination,
                inboundReadLimit,
                outboundReadLimit,
                privateData,
                w,
                requestContext));
  }

  @Override
  public NtStatus completeConnect(
      NdkFnDisconnectEventCallback disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.requests.request(
        shadow,
        "CompleteConnect",
        requestCompletion,
        w ->
            inner.completeConnect(wrap(disconnectEvent), disconnectEventContext, w, requestContext),
        null);
  }

  @Override
  public NtStatus completeConnectEx(
      NdkFnDisconnectEventCallbackEx disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.requests.request(
        shadow,
        "CompleteConnectEx",
        requestCompletion,
        w ->
            inner.completeConnectEx(
                wrapEx(disconnectEvent), disconnectEventContext, w, requestContext),
        null);
  }

  @Override
  public NtStatus accept(
      NdkQp qp,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnDisconnectEventCallback disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.connections.connect(
        connector,
        "Accept",
        qp,
        null,
        null,
        requestCompletion,
        w ->
            inner.accept(
                core.unwrap(qp),
                inboundReadLimit,
                outboundReadLimit,
                privateData,
                wrap(disconnectEvent),
                disconnectEventContext,
                w,
                requestContext));
  }

  @Override
  public NtStatus acceptEx(
      NdkQp qp,
      long inboundReadLimit,
      long outboundReadLimit,
      byte[] privateData,
      NdkFnDisconnectEventCallbackEx disconnectEvent,
      Object disconnectEventContext,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext) {
    return core.connections.connect(
        connector,
        "AcceptEx",
        qp,
        null,
        null,
        requestCompletion,
        w ->
            inner.acceptEx(
                core.unwrap(qp),
                inboundReadLimit,
                outboundReadLimit,
                privateData,
                wrapEx(disconnectEvent),
                disconnectEventContext,
                w,
                requestContext));
  }

  @Override
  public NtStatus reject(byte[] privateData) {
    NtStatus status =
        core.sync(shadow, "Reject", Frame.OpGroup.NONE, () -> inner.reject(privateData));
    core.requests.checkNeverPends(shadow, "Reject", status);
    return status;
  }

  @Override
  public NdkConnectionData getConnectionData(byte[] privateDataBuffer) {
    return core.sync(
        shadow,
        "GetConnectionData",
        Frame.OpGroup.NONE,
        () -> inner.getConnectionData(privateDataBuffer));
  }

  @Override
  public NdkAddressResult getLocalAddress() {
    return core.sync(shadow, "GetLocalAddress", Frame.OpGroup.NONE, inner::getLocalAddress);
  }

  @Override
  public NdkAddressResult getPeerAddress() {
    return core.sync(shadow, "GetPeerAddress", Frame.OpGroup.NONE, inner::getPeerAddress);
  }

  @Override
  public NtStatus disconnect(NdkFnRequestCompletion requestCompletion, Object requestContext) {
    return core.connections.disconnect(
        connector, requestCompletion, w -> inner.disconnect(w, requestContext));
  }

  private NdkFnDisconnectEventCallback wrap(NdkFnDisconnectEventCallback event) {
    if (event == null) {
      return null;
    }
    return ctx ->
        core.connections.disconnectEvent(connector, null, () -> event.disconnectEvent(ctx));
  }

  private NdkFnDisconnectEventCallbackEx wrapEx(NdkFnDisconnectEventCallbackEx event) {
    if (event == null) {
      return null;
    }
    return (ctx, reason) ->
        core.connections.disconnectEvent(
            connector, " reason " + reason, () -> event.disconnectEventEx(ctx, reason));
  }
}
