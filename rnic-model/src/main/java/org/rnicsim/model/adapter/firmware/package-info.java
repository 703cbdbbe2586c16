/**
 * The firmware command queue: how control-path work (create and destroy CQs, QPs, SRQs, PDs,
 * register memory) takes simulated time. Commands run one at a time or in a configured number of
 * slots, each kind with its own latency distribution drawn from a named seeded stream; a command
 * completes by an EQE and interrupt on the command event queue, after which its callback runs in
 * the DPC. Faults: a command that never completes is completed by the driver's timeout with an
 * error, and after surprise removal every outstanding and later command fails.
 */
package org.rnicsim.model.adapter.firmware;
