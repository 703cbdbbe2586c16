package org.rnicsim.experiments.study;

/**
 * A workload that runs the simulated NDK provider: it is validated with the study's {@code
 * provider} section, which no other workload reads.
 */
public interface ProviderWorkload extends Workload {

  /**
   * Checks every value of this workload and of {@code provider}, reporting problems under their
   * paths; returns the runnable form, or null when something was reported.
   *
   * @param provider the study's provider section as merged over the defaults, or null when absent
   */
  WorkloadPlan validate(Problems problems, String path, ProviderSection provider);

  /** Never called: the study validates a provider workload with its provider section. */
  @Override
  default WorkloadPlan validate(Problems problems, String path) {
    throw new IllegalStateException("a provider workload is validated with its provider section");
  }
}
