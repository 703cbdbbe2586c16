/**
 * Memory of the simulated provider (ndkpi-spec 1, 4, 5): NDK_MR (registration by firmware command,
 * fast registration, tokens) and NDK_MW (bound by a Bind post, which links MR -> MW). Their parent
 * NDK_PD is {@link org.rnicsim.ndk.provider.queue.SimPd}.
 */
package org.rnicsim.ndk.provider.memory;
