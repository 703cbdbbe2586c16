/**
 * Benchmarks behind {@code rnicsim bench}: performance targets are measured here, side by side in
 * one JVM and reported as ratios, never as timed unit tests.
 */
package org.rnicsim.experiments.bench;
