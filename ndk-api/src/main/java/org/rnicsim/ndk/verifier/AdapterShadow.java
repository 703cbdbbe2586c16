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

  /** Every object created under this adapter, in creation order (invariant 11). */
  final List<Shadow> descendants = new ArrayList<>();

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
