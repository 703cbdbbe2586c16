/**
 * The host side: CPU cores that execute ISRs, DPCs, consumer callbacks and WQE writes, one piece of
 * work at a time per core, each costing modelled time.
 */
package org.rnicsim.model.host;
