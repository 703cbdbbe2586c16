/**
 * Protection domains and memory of the simulated provider (ndkpi-spec 1, 4, 5): NDK_PD, NDK_MR
 * (registration by firmware command, fast registration, tokens) and NDK_MW (bound by a Bind post,
 * which links MR -> MW).
 */
package org.rnicsim.ndk.provider.memory;
