package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The part of a study file that says what is simulated. The {@code kind} key picks the record; the
 * kinds are registered with the loader by name (see {@code
 * org.rnicsim.experiments.run.WorkloadKinds}), so that adding one touches no file in this package.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
public interface Workload {

  /**
   * Checks every value of this workload, reporting problems under {@code path}; returns the
   * runnable form, or null when something was reported.
   */
  WorkloadPlan validate(Problems problems, String path);
}
