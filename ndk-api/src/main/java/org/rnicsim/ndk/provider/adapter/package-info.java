/**
 * NDK_ADAPTER of the simulated provider: QueryAdapterInfo, the adapter's creates (CQ, PD, and via
 * {@link org.rnicsim.ndk.provider.adapter.AdapterConnections} the connection objects), BuildLAM and
 * ReleaseLAM.
 */
package org.rnicsim.ndk.provider.adapter;
