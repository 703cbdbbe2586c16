/**
 * The script vocabulary lessons and NDK script studies share, as Jackson binds it: one record a
 * step key ({@link org.rnicsim.experiments.script.StepSpec}), the items of a {@code steps:} list
 * ({@link org.rnicsim.experiments.script.StepEntry}), and what a script runs as, from its hosts,
 * its {@code provider:} section and its testbed ({@link
 * org.rnicsim.experiments.script.ScriptSetup}).
 */
package org.rnicsim.experiments.script;
