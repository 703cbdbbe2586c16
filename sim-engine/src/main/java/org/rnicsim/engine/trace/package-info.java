/**
 * Trace: typed events (records) sent to pluggable sinks. Off by default; an emitting site checks
 * {@link org.rnicsim.engine.trace.Trace#isOn()} first, so a run with no sink builds no records.
 */
package org.rnicsim.engine.trace;
