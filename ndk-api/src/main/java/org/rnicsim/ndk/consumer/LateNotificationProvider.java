package org.rnicsim.ndk.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.trace.TraceEvent;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkAdapterInfoResult;
import org.rnicsim.ndk.api.NdkConnector;
import org.rnicsim.ndk.api.NdkCq;
import org.rnicsim.ndk.api.NdkCreateResult;
import org.rnicsim.ndk.api.NdkExtensionResult;
import org.rnicsim.ndk.api.NdkFnConnectEventCallback;
import org.rnicsim.ndk.api.NdkFnCqNotificationCallback;
import org.rnicsim.ndk.api.NdkFnCreateCompletion;
import org.rnicsim.ndk.api.NdkFnRequestCompletion;
import org.rnicsim.ndk.api.NdkListener;
import org.rnicsim.ndk.api.NdkOpenAdapterResult;
import org.rnicsim.ndk.api.NdkPd;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.NdkSharedEndpoint;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.api.struct.GroupAffinity;
import org.rnicsim.ndk.api.struct.Mdl;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkCapabilities;
import org.rnicsim.ndk.api.struct.NdkLogicalAddressMapping;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.SimNdkProvider;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;

/**
 * A deliberately broken provider, for the lesson on what the lifetime verifier catches (ndkpi-spec
 * 3, invariant 6). It is the simulated provider with one bug a real driver can have: its DPC does
 * not check whether a CQ was closed before calling the CQ's notification, so an event queue entry
 * that arrives {@link #LATE_EVENT_PS} after a CQ's close completion returned still calls the
 * consumer, on an object the consumer may already have freed.
 *
 * <p>Everything else is delegated unchanged: the wrapper only sits around the adapter, to learn
 * each CQ's notification callback, and watches the simulator's trace for the CQ being closed.
 */
final class LateNotificationProvider implements NdkProvider {

  /** How long after the close completion returned the stale event arrives. */
  static final long LATE_EVENT_PS = SimTime.PS_PER_US;

  private final SimNdkProvider provider;
  private final Map<NdkAdapter, BrokenAdapter> adapters = new HashMap<>();
  // Provider object names (unique within one provider) of open CQs, to their notification.
  private final Map<String, Runnable> lateNotifications = new HashMap<>();

  LateNotificationProvider(SimNdkProvider provider) {
    this.provider = provider;
    provider.simulator().trace().addSink(this::onTrace);
  }

  private void onTrace(TraceEvent event) {
    if (event instanceof ProviderTraceEvent.Closed closed) {
      Runnable late = lateNotifications.remove(closed.subject());
      if (late != null) {
        provider.simulator().schedule(LATE_EVENT_PS, late);
      }
    }
  }

  @Override
  public NdkOpenAdapterResult openAdapter(NdisOpenNdkAdapterParameters parameters) {
    NdkOpenAdapterResult result = provider.openAdapter(parameters);
    if (result.adapter() == null) {
      return result;
    }
    BrokenAdapter broken = new BrokenAdapter(result.adapter());
    adapters.put(broken, broken);
    return NdkOpenAdapterResult.opened(broken);
  }

  @Override
  public void closeAdapter(NdkAdapter adapter) {
    BrokenAdapter broken = adapters.remove(adapter);
    provider.closeAdapter(broken != null ? broken.inner : adapter);
  }

  @Override
  public NdkCapabilities ndkCapabilities() {
    return provider.ndkCapabilities();
  }

  /** Remembers a CQ's notification, to be called once more after its close completes. */
  private void watch(NdkCq cq, NdkFnCqNotificationCallback notification, Object context) {
    if (cq != null && notification != null) {
      lateNotifications.put(
          cq.toString(), () -> notification.cqNotification(context, NtStatus.SUCCESS));
    }
  }

  /** The adapter, unchanged but for CreateCq. */
  private final class BrokenAdapter implements NdkAdapter {
    private final NdkAdapter inner;

    BrokenAdapter(NdkAdapter inner) {
      this.inner = inner;
    }

    @Override
    public NdkObjectHeader header() {
      return inner.header();
    }

    @Override
    public NdkExtensionResult queryExtension(UUID id, NdkVersion version) {
      return inner.queryExtension(id, version);
    }

    @Override
    public NdkAdapterInfoResult queryAdapterInfo(long bufferSizeBytes) {
      return inner.queryAdapterInfo(bufferSizeBytes);
    }

    @Override
    public NdkCreateResult<NdkCq> createCq(
        long cqDepth,
        NdkFnCqNotificationCallback cqNotification,
        Object cqNotificationContext,
        GroupAffinity affinity,
        NdkFnCreateCompletion createCompletion,
        Object requestContext) {
      NdkFnCreateCompletion learn =
          (ctx, status, object) -> {
            if (object instanceof NdkCq cq) {
              watch(cq, cqNotification, cqNotificationContext);
            }
            createCompletion.createCompletion(ctx, status, object);
          };
      NdkCreateResult<NdkCq> result =
          inner.createCq(
              cqDepth, cqNotification, cqNotificationContext, affinity, learn, requestContext);
      watch(result.object(), cqNotification, cqNotificationContext);
      return result;
    }

    @Override
    public NdkCreateResult<NdkPd> createPd(NdkFnCreateCompletion completion, Object context) {
      return inner.createPd(completion, context);
    }

    @Override
    public NdkCreateResult<NdkSharedEndpoint> createSharedEndpoint(
        NdkSockAddr address, NdkFnCreateCompletion completion, Object context) {
      return inner.createSharedEndpoint(address, completion, context);
    }

    @Override
    public NdkCreateResult<NdkConnector> createConnector(
        NdkFnCreateCompletion completion, Object context) {
      return inner.createConnector(completion, context);
    }

    @Override
    public NdkCreateResult<NdkListener> createListener(
        NdkFnConnectEventCallback connectEvent,
        Object connectEventContext,
        NdkFnCreateCompletion completion,
        Object context) {
      return inner.createListener(connectEvent, connectEventContext, completion, context);
    }

    @Override
    public NtStatus buildLam(
        Mdl mdl,
        long lengthBytes,
        NdkFnRequestCompletion completion,
        Object context,
        NdkLogicalAddressMapping lam) {
      return inner.buildLam(mdl, lengthBytes, completion, context, lam);
    }

    @Override
    public void releaseLam(NdkLogicalAddressMapping lam) {
      inner.releaseLam(lam);
    }

    @Override
    public String toString() {
      return inner.toString();
    }
  }
}
