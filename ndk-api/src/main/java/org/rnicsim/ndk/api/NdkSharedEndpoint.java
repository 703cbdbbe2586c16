package org.rnicsim.ndk.api;

/**
 * NDK_SHARED_ENDPOINT with NDK_SHARED_ENDPOINT_DISPATCH (ndkpi-spec 1): a local address:port shared
 * by connectors using ConnectWithSharedEndpoint. Its close stays pending until every such connector
 * is closed, and the address stays busy until then (invariant 29).
 */
public interface NdkSharedEndpoint extends NdkCloseableObject {

  /** NDK_FN_GET_SHARED_ENDPOINT_LOCAL_ADDRESS (NdkGetLocalAddress), ndkpi-spec 1 and 2. */
  NdkAddressResult getLocalAddress();
}
