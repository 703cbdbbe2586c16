/**
 * The simulated NDK provider (ndkpi-spec: docs/ndk-lifetime-rules.md): an implementation of the
 * {@code org.rnicsim.ndk.api} interfaces on the rnic-model hardware, where every asynchronous
 * create, close, request and notification resolves on simulated time.
 *
 * <p>Start at {@link org.rnicsim.ndk.provider.SimNdkProvider} (built with its {@code Builder}). Its
 * choices are {@link org.rnicsim.ndk.provider.policy.ProviderPolicy}; the adapter it reports is
 * {@link org.rnicsim.ndk.provider.policy.ProviderDefaults} unless a profile gives another; {@link
 * org.rnicsim.ndk.provider.policy.ProviderObserver} feeds the lifetime verifier's probe; {@link
 * org.rnicsim.ndk.provider.policy.ProviderMutation} builds deliberately broken variants for testing
 * the verifier.
 *
 * <p>A pending create: the create checks its arguments (inline failures), reserves an adapter-wide
 * count, links the new object to its antecedents and returns PENDING; the firmware command runs for
 * its kind's latency; the adapter writes an EQE and sends an MSI-X; the ISR and the DPC run on the
 * command event queue's core; in the DPC the provider sets up the hardware side and, after its own
 * DPC work, the create completion starts on that core at t (delivering the object, invariant 2) and
 * returns at t + its cost. A close issued from inside that callback waits for the return.
 *
 * <p>A pending close: the close starts cancelling the object's requests (invariant 9) and returns
 * PENDING while its {@link org.rnicsim.ndk.provider.lifetime.CloseGate} holds a pending request, a
 * queued or running callback or an open successor; once it is clear the destroy command (FIRMWARE
 * path) goes through the same firmware/EQE/interrupt/DPC path, the close completion runs as the
 * object's last callback (invariants 6, 7), and at its return the object unlinks from its
 * antecedents, whose closes may then complete (invariant 10). The adapter close runs the simulation
 * until its own gate is clear (invariant 11).
 *
 * <p>Sub-packages by concept, each using only those listed before it (ArchitectureTest in
 * experiments): {@code policy} (the vocabulary every part shares: the provider's choices, callback
 * kinds, the observer and the mutations), {@code work} (the hardware seam: {@link
 * org.rnicsim.ndk.provider.work.RnicWorkEngine}, which runs every post on the rnic-model adapter,
 * the adapter's hardware and its firmware gateway), {@code runtime} (callback runner, adapter-wide
 * counts, tokens), {@code lifetime} (states, close gates, antecedent links, the create flow;
 * invariants 1-13), {@code cq} (arming and notifications, 14-18, 31), {@code memory} (MR, MW),
 * {@code queue} (PD, QP, SRQ, posts, DEFER, Flush; 19-24, 30, 32), {@code adapter}, {@code
 * connection} (connectors, listeners, shared endpoints; 10, 25-29; their messages travel as
 * management datagrams over the modelled ports, links and switch). This package sits on top: the
 * two entry points, {@link org.rnicsim.ndk.provider.SimNdkProvider} (one provider) and {@link
 * org.rnicsim.ndk.provider.NdkHosts} (N adapter nodes with a provider each, cabled, sharing one
 * datapath and one CM fabric).
 */
package org.rnicsim.ndk.provider;
