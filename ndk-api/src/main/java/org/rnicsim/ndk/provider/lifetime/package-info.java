/**
 * The lifetime core of the simulated provider (ndkpi-spec 1-3, invariants 1-13): every provider
 * object is a {@link org.rnicsim.ndk.provider.lifetime.LifetimeObject} with a state, a {@link
 * org.rnicsim.ndk.provider.lifetime.CloseGate} of what keeps its close pending (pending requests,
 * queued or running callbacks, open successors) and its antecedent -> successor links. {@link
 * org.rnicsim.ndk.provider.lifetime.Creation} finishes every create along the policy's INLINE or
 * FIRMWARE path.
 */
package org.rnicsim.ndk.provider.lifetime;
