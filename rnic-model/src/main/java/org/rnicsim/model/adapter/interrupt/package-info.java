/**
 * Completion events and MSI-X interrupts: per interrupt vector an event queue (EQ) in host memory;
 * per CQ a one-shot arm and interrupt moderation (static count and time as calibration I1, adaptive
 * as the Linux DIM tables of I2, a per-vector minimum interrupt gap as I3); on the host, an ISR and
 * then a DPC on the vector's core (I5, an assumption) that drains the EQ and calls the handler of
 * each CQ with an event.
 *
 * <p>The path of one completion event: the datapath reports a CQE that landed in host memory
 * ({@link org.rnicsim.model.adapter.interrupt.InterruptController#onCqeLanded}); once the CQ is
 * armed and its moderation is satisfied, the adapter writes an EQE (a posted write) and, if the EQ
 * is armed and the minimum gap has passed, an MSI-X message right behind it; the ISR queues a DPC,
 * the DPC drains the EQ, calls {@link org.rnicsim.model.adapter.interrupt.CqEventHandler} per CQ
 * and re-arms the EQ, which raises another MSI-X at once if EQEs arrived meanwhile.
 *
 * <p>Assumptions (no calibration entry gives them): ISR 1 us + DPC entry 0.5 us (I5 says 1-2 us in
 * all); an EQE is a 64-byte write; the EQ re-arm doorbell takes no time; the ISR and DPC queue
 * behind work already waiting on their core instead of preempting it; a new DIM profile applies at
 * the moment of the decision, where Linux issues a modify-CQ command; DIM sees completions in place
 * of packets and bytes; the minimum gap counts from the previous MSI-X the adapter sent.
 */
package org.rnicsim.model.adapter.interrupt;
