package org.rnicsim.experiments.rdma.sim;

/**
 * What an {@code api: ndk} job measured, with the lifetime verifier's violations.
 *
 * @param run the loop's measurements, as the hardware loop reports them
 * @param violations lifetime rules the consumers or the provider broke
 */
public record NdkOutcome(RunOutcome run, int violations) {}
