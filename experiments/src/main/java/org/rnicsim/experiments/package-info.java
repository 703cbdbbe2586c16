/**
 * Experiments: study files in, results out. Reads JSON or YAML studies, validates them, runs them
 * on the simulation engine and writes summaries, tables and charts. The only module that knows
 * about files, formats, charts and the command line.
 */
package org.rnicsim.experiments;
