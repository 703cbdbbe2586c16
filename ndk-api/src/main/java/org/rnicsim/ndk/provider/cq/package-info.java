/**
 * NDK_CQ of the simulated provider (ndkpi-spec 4-6, invariants 14-18, 31): the provider-side queue
 * of results, the NDK arm on top of the hardware's one-shot arm, non-overlapping notifications,
 * interrupt moderation, resizing and CQ errors.
 */
package org.rnicsim.ndk.provider.cq;
