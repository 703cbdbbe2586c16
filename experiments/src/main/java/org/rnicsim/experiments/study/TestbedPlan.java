package org.rnicsim.experiments.study;

import org.rnicsim.model.profile.HardwareProfile;

/**
 * The machines a workload runs on, validated: their hardware (the profile with the study's
 * overrides), how they are cabled, and how consumers learn of completions.
 */
public record TestbedPlan(
    HardwareProfile hardware, TopologyPlan topology, CompletionPlan completion) {}
