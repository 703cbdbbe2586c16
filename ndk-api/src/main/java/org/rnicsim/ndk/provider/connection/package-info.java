/**
 * Connection management of the simulated provider (ndkpi-spec 1, 4; invariants 10, 25-29):
 * listeners, connectors and shared endpoints, the ND port table with its reuse rules, and the
 * handshake ({@link org.rnicsim.ndk.provider.connection.ConnectorHandshake}) and teardown ({@link
 * org.rnicsim.ndk.provider.connection.ConnectorTeardown}) messages between providers, named as the
 * InfiniBand CM names them ({@link org.rnicsim.ndk.provider.connection.CmMessage}).
 *
 * <p>A {@link org.rnicsim.ndk.provider.connection.ConnectionFabric} carries the messages (one per
 * simulation; {@code NdkHosts} builds it and registers every provider): each is a 256-byte MAD sent
 * from the provider's rnic-model adapter node over its port, the links and any switch to the peer's
 * adapter, which delivers it to the peer's connection manager from a DPC; lost messages are resent
 * per {@link org.rnicsim.ndk.provider.connection.CmRetries} and requests give up with IO_TIMEOUT.
 */
package org.rnicsim.ndk.provider.connection;
