/**
 * The {@code rnicsim} command line (picocli). Commands only parse arguments and call into the other
 * packages; how failures become exit codes lives in {@link
 * org.rnicsim.experiments.cli.FailureReporter}.
 */
package org.rnicsim.experiments.cli;
