package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkVersion;

/** An open adapter: the negotiated version, its limits, and every object created under it. */
final class AdapterShadow extends Shadow {

  final NdkProvider provider;

  /** The version in the adapter's header: what every child header must carry (invariant 4). */
  NdkVersion negotiated;

  /** The provider's NDK_ADAPTER_INFO (from NDIS_NDK_CAPABILITIES), or null if unavailable. */
  final NdkAdapterInfo info;

  /**
   * The objects created under this adapter, in creation order (invariant 11, the audit); closed
   * ones are dropped now and then, once nothing can be reported about them any more.
   */
  final List<Shadow> descendants = new ArrayList<>();

  private int compactAt = 256;

  void addDescendant(Shadow s) {
    if (descendants.size() >= compactAt) {
      descendants.removeIf(AdapterShadow::settled);
      compactAt = Math.max(256, 2 * descendants.size());
    }
    descendants.add(s);
  }

  /** Closed or failed, with no post whose missing entry the audit could still report. */
  private static boolean settled(Shadow s) {
    if (s.state == ObjectState.FAILED) {
      return true;
    }
    if (s.state != ObjectState.CLOSED || s.closeCallbackRunning) {
      return false;
    }
    return !(s instanceof QpShadow qp) || qp.pending.isEmpty();
  }

  AdapterShadow(ObjectRef ref, int historyDepth, NdkProvider provider, NdkAdapterInfo info) {
    super(ref, null, null, historyDepth);
    this.provider = provider;
    this.info = info;
  }

  @Override
  NdkObjectType type() {
    return NdkObjectType.ADAPTER;
  }
}
