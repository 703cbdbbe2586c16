package org.rnicsim.ndk.api;

import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkCapabilities;

/**
 * The NDK side of an NDIS miniport: the OPEN_NDK_ADAPTER_HANDLER and CLOSE_NDK_ADAPTER_HANDLER of
 * NDIS_NDK_PROVIDER_CHARACTERISTICS, plus the NDIS_NDK_CAPABILITIES it reports (ndkpi-spec 2, 3,
 * 6). Several adapter instances may be open on one provider at once.
 */
public interface NdkProvider {

  /**
   * OPEN_NDK_ADAPTER_HANDLER (the consumer's NdkOpenAdapter), ndkpi-spec 2: synchronous, passive.
   * The major version must match, else BAD_VERSION; a requested minor at or below the provider's
   * maximum succeeds and the adapter (its ADAPTER_INFO and every header) reports the provider's
   * maximum minor; a higher minor gives BAD_VERSION (invariant 34). ADAPTER_NOT_READY while NDK is
   * disabled; RESOURCES.
   */
  NdkOpenAdapterResult openAdapter(NdisOpenNdkAdapterParameters parameters);

  /**
   * CLOSE_NDK_ADAPTER_HANDLER (the overview's NdkCloseAdapter), ndkpi-spec 3: VOID and blocking. On
   * return no callback on any descendant object is running, which makes it the consumer's safe
   * unload point; never called from inside a callback (invariant 11).
   */
  void closeAdapter(NdkAdapter adapter);

  /** NDIS_NDK_CAPABILITIES: the adapter-wide counts and the NDK_ADAPTER_INFO they point to. */
  NdkCapabilities ndkCapabilities();
}
