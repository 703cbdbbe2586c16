package org.rnicsim.experiments.study;

/**
 * A workload that runs on modelled machines: it is validated against the study's {@code hardware},
 * {@code topology} and {@code completion} sections, so that what it asks for (a QP depth, a QP
 * count) can be checked against what the adapter accepts. The loader puts the named hardware
 * profile beneath the {@code hardware} section only for these workloads.
 */
public interface TestbedWorkload extends Workload {

  /**
   * Checks every value of this workload against {@code testbed}, reporting problems under {@code
   * path}; returns the runnable form, or null when something was reported.
   *
   * @param testbed the validated testbed, or null when it has problems of its own: then check what
   *     does not depend on it, so the user sees every problem at once
   */
  WorkloadPlan validate(Problems problems, String path, TestbedPlan testbed);

  /** Never called: the study validates a testbed workload with its testbed. */
  @Override
  default WorkloadPlan validate(Problems problems, String path) {
    throw new IllegalStateException("a testbed workload is validated with its testbed");
  }
}
