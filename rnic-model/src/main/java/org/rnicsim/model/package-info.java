/**
 * The RNIC hardware model on simulated time: host CPU and memory, PCIe, the adapter pipeline,
 * interrupts, links and switch. Nothing here knows NDK; the provider in ndk-api drives it.
 */
package org.rnicsim.model;
