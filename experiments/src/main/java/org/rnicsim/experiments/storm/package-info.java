/**
 * The {@code connection-storm} workload: many connected QP pairs opened at once between two hosts
 * through the simulated NDK provider, and torn down again, on the study's hardware and topology.
 */
package org.rnicsim.experiments.storm;
