/**
 * The simulated NDK provider (ndkpi-spec, /work/shared/ndkpi-spec.md): an implementation of the
 * {@code org.rnicsim.ndk.api} interfaces on the rnic-model hardware, where every asynchronous
 * create, close, request and notification resolves on simulated time.
 *
 * <p>Start at {@link org.rnicsim.ndk.provider.SimNdkProvider} (built with its {@code Builder}). Its
 * choices are {@link org.rnicsim.ndk.provider.ProviderPolicy}; the adapter it reports is {@link
 * org.rnicsim.ndk.provider.ProviderDefaults} unless a profile gives another; {@link
 * org.rnicsim.ndk.provider.ProviderObserver} feeds the lifetime verifier's probe; {@link
 * org.rnicsim.ndk.provider.ProviderMutation} builds deliberately broken variants for testing the
 * verifier.
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
 * queued or running callback, an open successor or hardware work; once it is clear the destroy
 * command (FIRMWARE path) goes through the same firmware/EQE/interrupt/DPC path, the close
 * completion runs as the object's last callback (invariants 6, 7), and at its return the object
 * unlinks from its antecedents, whose closes may then complete (invariant 10). The adapter close
 * runs the simulation until its own gate is clear (invariant 11).
 *
 * <p>Sub-packages by concept: {@code lifetime} (states, close gates, antecedent links, the create
 * flow; invariants 1-13), {@code runtime} (hardware, firmware gateway, callback runner), {@code
 * adapter}, {@code cq} (arming and notifications, 14-18, 31), {@code memory} (PD, MR, MW), {@code
 * queue} (QP, SRQ, posts, DEFER, Flush; 19-24, 30, 32), {@code work} (the datapath seam and {@link
 * org.rnicsim.ndk.provider.work.RnicWorkEngine}, which runs every post on the rnic-model adapter),
 * {@code hosts} (N adapter nodes with a provider each, cabled, sharing one datapath and one CM
 * fabric), {@code connection} (connectors, listeners, shared endpoints; 10, 25-29; their messages
 * travel as management datagrams over the modelled ports, links and switch).
 */
package org.rnicsim.ndk.provider;
