/**
 * The {@code ndk-script} workload: a scripted NDK consumer in the lessons' step vocabulary, run per
 * replication under the lifetime verifier against the simulated provider the study's {@code
 * provider:} section describes, measuring how long creates and closes take, what the provider did
 * on the way, and which rules were broken.
 */
package org.rnicsim.experiments.ndkscript;
