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
 */
package org.rnicsim.ndk.verifier;
