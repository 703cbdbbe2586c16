/**
 * Connection management of the simulated provider (ndkpi-spec 1, 4; invariants 10, 25-29):
 * listeners, connectors and shared endpoints, the ND port table with its reuse rules, and the
 * handshake and disconnect messages between providers over a {@link
 * org.rnicsim.ndk.provider.connection.ConnectionFabric} with a fixed message latency, which the
 * rnic-model fabric will replace.
 */
package org.rnicsim.ndk.provider.connection;
