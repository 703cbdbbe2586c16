/**
 * What the provider objects run on: the rnic-model hardware ({@link
 * org.rnicsim.ndk.provider.work.AdapterHardware}: host cores, interrupt controller, firmware
 * command queue), the firmware gateway ({@link org.rnicsim.ndk.provider.work.FirmwareGateway}) that
 * maps command outcomes to NTSTATUS, the callback runner that puts every consumer callback on
 * modelled CPU time, and the adapter-wide object counts.
 *
 * <p>The path of a pending create or close: the provider submits a firmware command; the adapter
 * executes it for its kind's latency, writes an EQE to the command event queue and sends an MSI-X;
 * the ISR and then the DPC run on the queue's core; in the DPC the provider's handler runs (its own
 * cost, {@code completionDpcCostPs}), then the consumer's callback starts on the same core at t and
 * returns at t + its cost. Only then does the request stop counting against the object's close.
 */
package org.rnicsim.ndk.provider.runtime;
