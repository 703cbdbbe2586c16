package org.rnicsim.ndk.provider.adapter;

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
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkLogicalAddressMapping;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.lifetime.Creation;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.queue.SimPd;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;

/**
 * NDK_ADAPTER (ndkpi-spec 1, 2): the root of one object tree, antecedent of its CQs, PDs,
 * connectors, listeners and shared endpoints. It has no close entry: {@link
 * org.rnicsim.ndk.provider.SimNdkProvider#closeAdapter} closes it, blocking until every descendant
 * is closed and every callback returned (invariant 11).
 */
public final class SimAdapter extends LifetimeObject implements NdkAdapter {
  private static final long PAGE_BYTES = 4096;
  private final AdapterConnections connections;
  private int nextCqCore;

  /** A freshly opened adapter instance; it is delivered by OpenAdapter at once. */
  public SimAdapter(ProviderRuntime runtime, AdapterConnections connections) {
    super(runtime, NdkObjectType.ADAPTER);
    this.connections = connections;
    markDelivered();
  }

  /**
   * NdkQueryAdapterInfo: never pends. Interp: answered from the provider's copy, so it takes no
   * simulated time (ndkpi says it may block at PASSIVE level).
   */
  @Override
  public NdkAdapterInfoResult queryAdapterInfo(long bufferSizeBytes) {
    requireOpen("QueryAdapterInfo");
    if (bufferSizeBytes < NdkAdapterInfo.SIZE_BYTES) {
      return new NdkAdapterInfoResult(NtStatus.BUFFER_TOO_SMALL, null, NdkAdapterInfo.SIZE_BYTES);
    }
    return new NdkAdapterInfoResult(
        NtStatus.SUCCESS, runtime.adapterInfo(), NdkAdapterInfo.SIZE_BYTES);
  }

  /**
   * NdkCreateCq. INVALID_PARAMETER for a depth of 0 or above MaxCqDepth (invariant 30),
   * INSUFFICIENT_RESOURCES when MaxCqCount CQs exist. The affinity hint picks the core of the
   * lowest processor in its mask; without one, CQs are spread over the cores in turn. Interp: a
   * null notification callback is accepted (a polled CQ); arming it then notifies nobody.
   */
  @Override
  public NdkCreateResult<NdkCq> createCq(
      long cqDepth,
      NdkFnCqNotificationCallback cqNotification,
      Object cqNotificationContext,
      GroupAffinity affinity,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    requireOpen("CreateCq");
    if (cqDepth <= 0
        || (cqDepth > runtime.adapterInfo().maxCqDepth()
            && !runtime.mutated(ProviderMutation.CQ_DEPTH_UNCHECKED))) {
      return NdkCreateResult.failed(NtStatus.INVALID_PARAMETER);
    }
    if (!runtime.resources().tryReserve(NdkObjectType.CQ)) {
      return NdkCreateResult.failed(NtStatus.INSUFFICIENT_RESOURCES);
    }
    int core =
        affinity != null && affinity.mask() != 0
            ? Long.numberOfTrailingZeros(affinity.mask())
            : nextCqCore++;
    SimCq cq = new SimCq(runtime, cqDepth, cqNotification, cqNotificationContext, core);
    cq.markHoldsAdapterCount();
    cq.addAntecedent(this);
    return widen(Creation.complete(cq, createCompletion, requestContext, cq::attachHardware));
  }

  /** NdkCreatePd. INSUFFICIENT_RESOURCES when MaxPdCount PDs exist. */
  @Override
  public NdkCreateResult<NdkPd> createPd(
      NdkFnCreateCompletion createCompletion, Object requestContext) {
    requireOpen("CreatePd");
    if (!runtime.resources().tryReserve(NdkObjectType.PD)) {
      return NdkCreateResult.failed(NtStatus.INSUFFICIENT_RESOURCES);
    }
    SimPd pd = new SimPd(runtime);
    pd.markHoldsAdapterCount();
    pd.addAntecedent(this);
    return widen(Creation.complete(pd, createCompletion, requestContext, () -> {}));
  }

  @Override
  public NdkCreateResult<NdkSharedEndpoint> createSharedEndpoint(
      NdkSockAddr address, NdkFnCreateCompletion createCompletion, Object requestContext) {
    requireOpen("CreateSharedEndpoint");
    return connections.createSharedEndpoint(this, address, createCompletion, requestContext);
  }

  @Override
  public NdkCreateResult<NdkConnector> createConnector(
      NdkFnCreateCompletion createCompletion, Object requestContext) {
    requireOpen("CreateConnector");
    return connections.createConnector(this, createCompletion, requestContext);
  }

  @Override
  public NdkCreateResult<NdkListener> createListener(
      NdkFnConnectEventCallback connectEvent,
      Object connectEventContext,
      NdkFnCreateCompletion createCompletion,
      Object requestContext) {
    requireOpen("CreateListener");
    return connections.createListener(
        this, connectEvent, connectEventContext, createCompletion, requestContext);
  }

  /**
   * NdkBuildLAM. Interp: completes inline (SUCCESS, no callback) with an identity mapping, each 4
   * KiB page's logical address equal to its virtual address; INVALID_PARAMETER unless the MDL is
   * virtually contiguous over {@code lengthBytes} (and the length above 0); BUFFER_TOO_SMALL with
   * the page count needed when the caller's buffer is short.
   */
  @Override
  public NtStatus buildLam(
      Mdl mdl,
      long lengthBytes,
      NdkFnRequestCompletion requestCompletion,
      Object requestContext,
      NdkLogicalAddressMapping lam) {
    requireOpen("BuildLAM");
    if (mdl == null || lam == null || lengthBytes <= 0 || !mdl.isVirtuallyContiguous(lengthBytes)) {
      return NtStatus.INVALID_PARAMETER;
    }
    long firstByteOffset = mdl.virtualAddress() % PAGE_BYTES;
    long pages = (firstByteOffset + lengthBytes + PAGE_BYTES - 1) / PAGE_BYTES;
    if (pages > lam.capacityPages()) {
      lam.setRequiredPageCount(pages);
      return NtStatus.BUFFER_TOO_SMALL;
    }
    long firstPage = mdl.virtualAddress() - firstByteOffset;
    long[] adapterPages = new long[Math.toIntExact(pages)];
    for (int i = 0; i < adapterPages.length; i++) {
      adapterPages[i] = firstPage + i * PAGE_BYTES;
    }
    lam.fill(adapterPages, firstByteOffset, this);
    return NtStatus.SUCCESS;
  }

  @Override
  public void releaseLam(NdkLogicalAddressMapping lam) {
    requireOpen("ReleaseLAM");
    lam.clear();
  }

  /** Starts the adapter's close: creates are refused, pending ones cancelled. */
  public void beginAdapterClose() {
    beginClose(null, null);
  }

  @Override
  protected void onCloseIssued() {}

  @Override
  protected boolean destroysByFirmware() {
    return false;
  }

  @Override
  protected boolean hasCloseCompletion() {
    return false;
  }

  @SuppressWarnings("unchecked")
  private static <T extends org.rnicsim.ndk.api.NdkObject> NdkCreateResult<T> widen(
      NdkCreateResult<? extends T> result) {
    return (NdkCreateResult<T>) result;
  }
}
