/**
 * The vocabulary every part of the simulated provider shares, below all of them: the choices ndkpi
 * leaves to an implementation ({@link org.rnicsim.ndk.provider.policy.ProviderPolicy}, {@link
 * org.rnicsim.ndk.provider.policy.ControlPath}), the adapter a provider reports by default ({@link
 * org.rnicsim.ndk.provider.policy.ProviderDefaults}), the consumer callbacks it runs ({@link
 * org.rnicsim.ndk.provider.policy.CallbackKind}), what it tells an observer ({@link
 * org.rnicsim.ndk.provider.policy.ProviderObserver}) and the deliberately broken variants ({@link
 * org.rnicsim.ndk.provider.policy.ProviderMutation}). Nothing here refers to a provider object.
 */
package org.rnicsim.ndk.provider.policy;
