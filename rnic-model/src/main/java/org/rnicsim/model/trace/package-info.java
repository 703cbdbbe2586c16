/**
 * What the hardware model reports to the engine's trace: a sealed family of records. Emitting sites
 * check {@code trace.isOn()} first, so a run without a sink builds none of them.
 */
package org.rnicsim.model.trace;
