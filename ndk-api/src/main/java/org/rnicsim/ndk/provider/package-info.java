/**
 * The simulated NDK provider (ndkpi-spec, /work/shared/ndkpi-spec.md): an implementation of the
 * {@code org.rnicsim.ndk.api} interfaces on the rnic-model hardware, where every asynchronous
 * create, close, request and notification resolves on simulated time.
 *
 * <p>Start at {@link org.rnicsim.ndk.provider.SimNdkProvider}. Its choices are {@link
 * org.rnicsim.ndk.provider.ProviderPolicy}; the reported adapter is {@link
 * org.rnicsim.ndk.provider.ProviderDefaults} unless a profile gives another.
 *
 * <p>Sub-packages by concept: {@code lifetime} (states, close gates, antecedent links, the create
 * flow; invariants 1-13), {@code runtime} (hardware, firmware gateway, callback runner), {@code
 * adapter}, {@code cq} (arming and notifications, 14-18, 31), {@code memory} (PD, MR, MW), {@code
 * queue} (QP, SRQ, posts, DEFER, Flush; 19-23, 30, 32), {@code work} (the datapath seam and its
 * loopback stand-in), {@code connection} (connectors, listeners, shared endpoints; 25-29).
 */
package org.rnicsim.ndk.provider;
