/**
 * Result files: a results folder that appears complete or not at all, and byte-stable writers for
 * JSON and CSV. Nothing here reads the wall clock or the default locale, so a rerun writes the same
 * bytes.
 */
package org.rnicsim.experiments.output;
