/**
 * Running a study end to end: the registry of workload kinds, and the runner that loads, validates,
 * simulates and writes a results folder atomically.
 */
package org.rnicsim.experiments.run;
