package org.rnicsim.experiments.study;

/**
 * A workload that runs the simulated NDK provider on modelled machines: it is validated with the
 * study's testbed ({@code hardware}, {@code topology}, {@code completion}) and its {@code provider}
 * section, which no other workload reads.
 */
public interface ProviderWorkload extends TestbedWorkload {

  /**
   * Checks every value of this workload and of {@code provider}, reporting problems under their
   * paths; returns the runnable form, or null when something was reported.
   *
   * @param testbed the validated testbed, or null when it has problems of its own
   * @param provider the study's provider section as merged over the defaults, or null when absent
   */
  WorkloadPlan validate(
      Problems problems, String path, TestbedPlan testbed, ProviderSection provider);

  /** Never called: the study validates a provider workload with its provider section. */
  @Override
  default WorkloadPlan validate(Problems problems, String path, TestbedPlan testbed) {
    throw new IllegalStateException("a provider workload is validated with its provider section");
  }
}
