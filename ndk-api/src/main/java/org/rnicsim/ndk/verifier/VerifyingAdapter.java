package org.rnicsim.ndk.verifier;

import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkAdapterInfoResult;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdkLogicalAddressMapping;
import org.rnicsim.ndk.api.struct.NdkSockAddr;

/** The consumer's view of an adapter: every call checked, then passed to the provider's. */
final class VerifyingAdapter extends VerifyingObject implements NdkAdapter {

  private final AdapterShadow adapterShadow;
  private final NdkAdapter adapter;

  VerifyingAdapter(VerifierCore core, AdapterShadow shadow, NdkAdapter adapter) {
    super(core, shadow);
    this.adapterShadow = shadow;
    this.adapter = adapter;
  }

  @Override
  public NdkAdapterInfoResult queryAdapterInfo(long bufferSizeBytes) {
    return core.adapterRules.queryAdapterInfo(
        adapterShadow, () -> adapter.queryAdapterInfo(bufferSizeBytes));
  }

  @Override
  public NdkCreateResult<NdkCq> createCq(
      long cqDepth,
      NdkFnCqNotificationCallback cqNotification,
      Object cqNotificationContext,
      GroupAffinity affinity,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    CqShadow[] created = new CqShadow[1];
    NdkFnCqNotificationCallback notification =
        cqNotification == null
            ? null
            : (ctx, status) -> {
              if (created[0] == null) {
                cqNotification.cqNotification(ctx, status);
              } else {
                core.cqs.notification(created[0], cqNotification, ctx, status);
              }
            };
    return core.creates.create(
        shadow,
        NdkObjectType.CQ,
        CqShadow::new,
        "CreateCq",
        CreateLimits.cq(adapterShadow.info, cqDepth),
        s -> created[0] = s,
        s -> {},
        CreateRules.NO_ARGUMENTS,
        createCompletion,
        w ->
            adapter.createCq(
                cqDepth, notification, cqNotificationContext, affinity, w, requestContext));
  }

  @Override
  public NdkCreateResult<NdkPd> createPd(
      NdkFnCreateCompletion createCompletion, Object requestContext) {
    return core.creates.create(
        shadow,
        NdkObjectType.PD,
        Shadow::new,
        "CreatePd",
        null,
        s -> {},
        s -> {},
        CreateRules.NO_ARGUMENTS,
        createCompletion,
        w -> adapter.createPd(w, requestContext));
  }

  @Override
  public NdkCreateResult<NdkSharedEndpoint> createSharedEndpoint(
      NdkSockAddr address, NdkFnCreateCompletion createCompletion, Object requestContext) {
    Shadow[] busy = new Shadow[1];
    return core.creates.create(
        shadow,
        NdkObjectType.SHARED_ENDPOINT,
        EndpointShadow::new,
        "CreateSharedEndpoint",
        null,
        s -> busy[0] = core.connections.sharedEndpointRequested(s, address),
        s -> core.connections.sharedEndpointDelivered(s, busy[0]),
        CreateRules.NO_ARGUMENTS,
        createCompletion,
        w -> adapter.createSharedEndpoint(address, w, requestContext));
  }

  @Override
  public NdkCreateResult<NdkConnector> createConnector(
      NdkFnCreateCompletion createCompletion, Object requestContext) {
    return core.creates.create(
        shadow,
        NdkObjectType.CONNECTOR,
        ConnectorShadow::new,
        "CreateConnector",
        null,
        s -> {},
        s -> {},
        CreateRules.NO_ARGUMENTS,
        createCompletion,
        w -> adapter.createConnector(w, requestContext));
  }

  @Override
  public NdkCreateResult<NdkListener> createListener(
      NdkFnConnectEventCallback connectEvent,
      Object connectEventContext,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    ListenerShadow[] created = new ListenerShadow[1];
    NdkFnConnectEventCallback events =
        connectEvent == null
            ? null
            : (ctx, connector) -> {
              if (created[0] == null) {
                connectEvent.connectEvent(ctx, connector);
              } else {
                core.connections.connectEvent(created[0], connectEvent, ctx, connector);
              }
            };
    return core.creates.create(
        shadow,
        NdkObjectType.LISTENER,
        ListenerShadow::new,
        "CreateListener",
        null,
        s -> created[0] = s,
        s -> {},
        CreateRules.NO_ARGUMENTS,
        createCompletion,
        w -> adapter.createListener(events, connectEventContext, w, requestContext));
  }

  @Override
  public NtStatus buildLam(
      Mdl mdl,
      long lengthBytes,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext,
      NdkLogicalAddressMapping lam) {
    return core.requests.request(
        shadow,
        "BuildLAM",
        requestCompletion,
        w -> adapter.buildLam(mdl, lengthBytes, w, requestContext, lam),
        null);
  }

  @Override
  public void releaseLam(NdkLogicalAddressMapping lam) {
    core.run(shadow, "ReleaseLAM", Frame.OpGroup.NONE, () -> adapter.releaseLam(lam));
  }
}
