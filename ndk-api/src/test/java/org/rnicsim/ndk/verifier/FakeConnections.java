package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkAddressResult;
import org.rnicsim.ndk.api.NdkConnectionData;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallback;
import org.rnicsim.ndk.api.NdkFnDisconnectEventCallbackEx;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkMr;
import org.rnicsim.ndk.api.NdkMw;
import org.rnicsim.ndk.api.NdkQp;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.api.struct.NdkVersion;

/** Fake connector, listener, shared endpoint, MR and MW. */
final class FakeConnections {

  private FakeConnections() {}

  static final class FakeConnector extends FakeProvider.FakeObject implements NdkConnector {
    NdkFnDisconnectEventCallback disconnectEvent;
    NdkFnDisconnectEventCallbackEx disconnectEventEx;
    Object disconnectContext;

    FakeConnector(FakeProvider provider, NdkVersion version) {
      super(provider, NdkObjectType.CONNECTOR, version);
    }

    /** Fires the disconnect event the consumer registered. */
    void fireDisconnectEvent() {
      if (disconnectEvent != null) {
        disconnectEvent.disconnectEvent(disconnectContext);
      } else {
        disconnectEventEx.disconnectEventEx(disconnectContext, 0);
      }
    }

    @Override
    public NtStatus connect(
        NdkQp qp,
        NdkSockAddr source,
        NdkSockAddr destination,
        long ird,
        long ord,
        byte[] privateData,
        NdkFnRequestCompletion completion,
        Object ctx) {
      return provider.request("Connect", this, completion, ctx);
    }

    @Override
    public NtStatus connectWithSharedEndpoint(
        NdkQp qp,
        NdkSharedEndpoint sharedEndpoint,
        NdkSockAddr destination,
        long ird,
        long ord,
        byte[] privateData,
        NdkFnRequestCompletion completion,
        Object ctx) {
      return provider.request("ConnectWithSharedEndpoint", this, completion, ctx);
    }

    @Override
    public NtStatus completeConnect(
        NdkFnDisconnectEventCallback event,
        Object eventContext,
        NdkFnRequestCompletion completion,
        Object ctx) {
      disconnectEvent = event;
      disconnectContext = eventContext;
      return provider.request("CompleteConnect", this, completion, ctx);
    }

    @Override
    public NtStatus completeConnectEx(
        NdkFnDisconnectEventCallbackEx event,
        Object eventContext,
        NdkFnRequestCompletion completion,
        Object ctx) {
      disconnectEventEx = event;
      disconnectContext = eventContext;
      return provider.request("CompleteConnectEx", this, completion, ctx);
    }

    @Override
    public NtStatus accept(
        NdkQp qp,
        long ird,
        long ord,
        byte[] privateData,
        NdkFnDisconnectEventCallback event,
        Object eventContext,
        NdkFnRequestCompletion completion,
        Object ctx) {
      disconnectEvent = event;
      disconnectContext = eventContext;
      return provider.request("Accept", this, completion, ctx);
    }

    @Override
    public NtStatus acceptEx(
        NdkQp qp,
        long ird,
        long ord,
        byte[] privateData,
        NdkFnDisconnectEventCallbackEx event,
        Object eventContext,
        NdkFnRequestCompletion completion,
        Object ctx) {
      disconnectEventEx = event;
      disconnectContext = eventContext;
      return provider.request("AcceptEx", this, completion, ctx);
    }

    @Override
    public NtStatus reject(byte[] privateData) {
      return provider.rejectAnswer;
    }

    @Override
    public NdkConnectionData getConnectionData(byte[] buffer) {
      return new NdkConnectionData(NtStatus.SUCCESS, 4, 4, 0);
    }

    @Override
    public NdkAddressResult getLocalAddress() {
      return new NdkAddressResult(NtStatus.SUCCESS, NdkSockAddr.of("10.0.0.1", 1000));
    }

    @Override
    public NdkAddressResult getPeerAddress() {
      return new NdkAddressResult(NtStatus.SUCCESS, NdkSockAddr.of("10.0.0.2", 2000));
    }

    @Override
    public NtStatus disconnect(NdkFnRequestCompletion completion, Object ctx) {
      return provider.request("Disconnect", this, completion, ctx);
    }
  }

  static final class FakeListener extends FakeProvider.FakeObject implements NdkListener {
    final NdkFnConnectEventCallback connectEvent;
    final Object connectEventContext;

    FakeListener(
        FakeProvider provider,
        NdkVersion version,
        NdkFnConnectEventCallback connectEvent,
        Object connectEventContext) {
      super(provider, NdkObjectType.LISTENER, version);
      this.connectEvent = connectEvent;
      this.connectEventContext = connectEventContext;
    }

    /** An incoming connection: hands the consumer a new connector. */
    FakeConnector fireConnectEvent() {
      FakeConnector connector = new FakeConnector(provider, header().version());
      connectEvent.connectEvent(connectEventContext, connector);
      return connector;
    }

    @Override
    public NtStatus listen(NdkSockAddr address, NdkFnRequestCompletion completion, Object ctx) {
      return provider.request("Listen", this, completion, ctx);
    }

    @Override
    public NdkAddressResult getLocalAddress() {
      return new NdkAddressResult(NtStatus.SUCCESS, NdkSockAddr.of("10.0.0.1", 1000));
    }

    @Override
    public void controlConnectEvents(boolean pause) {}
  }

  static final class FakeSharedEndpoint extends FakeProvider.FakeObject
      implements NdkSharedEndpoint {
    final NdkSockAddr address;

    FakeSharedEndpoint(FakeProvider provider, NdkVersion version, NdkSockAddr address) {
      super(provider, NdkObjectType.SHARED_ENDPOINT, version);
      this.address = address;
    }

    @Override
    public NdkAddressResult getLocalAddress() {
      return new NdkAddressResult(NtStatus.SUCCESS, address);
    }
  }

  static final class FakeMr extends FakeProvider.FakeObject implements NdkMr {
    int remoteToken = 0x1234;

    FakeMr(FakeProvider provider, NdkVersion version) {
      super(provider, NdkObjectType.MR, version);
    }

    @Override
    public NtStatus registerMr(
        Mdl mdl, long length, int flags, NdkFnRequestCompletion completion, Object ctx) {
      return provider.request("RegisterMr", this, completion, ctx);
    }

    @Override
    public NtStatus deregisterMr(NdkFnRequestCompletion completion, Object ctx) {
      return provider.request("DeregisterMr", this, completion, ctx);
    }

    @Override
    public NtStatus initializeFastRegisterMr(
        long pages, boolean remoteAccess, NdkFnRequestCompletion completion, Object ctx) {
      return provider.request("InitializeFastRegisterMr", this, completion, ctx);
    }

    @Override
    public int getRemoteTokenFromMr() {
      return remoteToken;
    }

    @Override
    public int getLocalTokenFromMr() {
      return 0x4321;
    }
  }

  static final class FakeMw extends FakeProvider.FakeObject implements NdkMw {
    int remoteToken = 0x5678;

    FakeMw(FakeProvider provider, NdkVersion version) {
      super(provider, NdkObjectType.MW, version);
    }

    @Override
    public int getRemoteTokenFromMw() {
      return remoteToken;
    }
  }
}
