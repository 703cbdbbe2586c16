/**
 * The seam between the provider and the hardware that runs it: {@link
 * org.rnicsim.ndk.provider.work.WorkRequestEngine} takes doorbells and reports completions; {@link
 * org.rnicsim.ndk.provider.work.RnicWorkEngine} runs them on the rnic-model adapter; {@link
 * org.rnicsim.ndk.provider.work.AdapterHardware} holds the adapter's host-side parts and {@link
 * org.rnicsim.ndk.provider.work.FirmwareGateway} its firmware command queue. The lowest provider
 * layer above {@code policy}: it knows the hardware model, not the provider's objects.
 */
package org.rnicsim.ndk.provider.work;
