/**
 * The NDK lifetime verifier: decorators around an {@link org.rnicsim.ndk.api.NdkProvider} that
 * check every numbered invariant of ndkpi-spec section 7 on both sides of the interface, at run
 * time, on simulated time. Start at {@link org.rnicsim.ndk.verifier.LifetimeVerifier}.
 *
 * <p>How the package is cut:
 *
 * <ul>
 *   <li>Public results: {@link org.rnicsim.ndk.verifier.Violation} (an immutable record), {@link
 *       org.rnicsim.ndk.verifier.ViolationReport} (plain-English rendering), {@link
 *       org.rnicsim.ndk.verifier.Invariant} (the 34 rules and their wording).
 *   <li>Wrappers, one per object kind ({@code VerifyingCq}, {@code VerifyingQp}, ...): thin; each
 *       method hands its call to a rule class.
 *   <li>Shadows ({@code Shadow} and one subclass per kind): what the verifier knows of each object.
 *   <li>Rules, one class per concern: {@code CreateRules} (1-4, 30), {@code CloseRules} (5-11,
 *       consumer 13), {@code RequestRules} (12), {@code CallbackRules} (3, 6, 11, 13), {@code
 *       CqRules} (14-18), {@code PostRules} (posts, DEFER chains), {@code CompletionRules}
 *       (entries, 18-26), {@code ConnectionRules} (10, 25-29), {@code SrqRules} (32), {@code
 *       AdapterRules} (31, 33, 34), {@code AuditRules} (end of run).
 * </ul>
 *
 * <p>What is checked when, and where the verifier cannot see:
 *
 * <ul>
 *   <li>At the call, return or callback: 1-8, 10-13, 15, 18, 19 (inline failures, second entries,
 *       silent successes), 23-25, 27-31, 32 (unarmed), 33, 34. The audit ({@code
 *       LifetimeVerifier.audit()}) adds what never happened: creates, requests and closes never
 *       completed (1, 12, 5, 9), notifications owed (14, 16, 17, 32), entries never queued (19-22,
 *       9, 26), DEFER chains left open (22, consumer).
 *   <li>16, 17 and "an arm gets its notification" (14) need to know when entries arrive: only with
 *       {@code ProviderProbe.cqEntryQueued}. So does "QP close queues its flushed entries first"
 *       (9, an Interp of ndkpi-spec 5). Without the probe, entries are checked when dequeued, and
 *       entries of a CQ closed undrained cannot be seen.
 *   <li>20: that flushed requests reach the CQ is checked always; that they carry CANCELLED only
 *       where it is provable, i.e. receives on a QP that was never connected (any other request may
 *       have been done already).
 *   <li>24: the receiver's token is only visible through GetCqResultsEx or the probe.
 *   <li>26: "all DMA on the QP is done" is invisible above the provider; the flush after a finished
 *       NdkDisconnect is checked.
 *   <li>25: a disconnect event racing the consumer's Disconnect is tolerated until that Disconnect
 *       finished.
 *   <li>29: explicit ports only, exact address match.
 *   <li>33: only the consumer's half (passive-only calls from callbacks); IRQL has no Java
 *       counterpart for the provider.
 *   <li>4: reading the Dispatch is seen when the provider calls a handed-out wrapper; NdkReserved
 *       is compared at every non-post call and at close.
 *   <li>2: {@code NdkCreateResult} already forbids an object with PENDING, so "*ppObj never
 *       written" cannot be broken in Java; a SUCCESS completion without an object and an object
 *       delivered twice are checked.
 *   <li>13 (provider): "touching X" is seen as starting another callback for X while a completion
 *       started inside a call on X still runs (in Java or in modelled time).
 *   <li>Concurrency means nesting on the simulation's one thread (or overlap in modelled time): the
 *       verifier is not thread-safe.
 * </ul>
 */
package org.rnicsim.ndk.verifier;
