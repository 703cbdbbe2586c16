package org.rnicsim.experiments.study;

/**
 * A validated study, ready to run: every value checked and converted to engine units.
 *
 * @param name the study's name, a safe folder name
 * @param description free text, possibly empty
 * @param run run control
 * @param workload what is simulated
 */
public record StudyPlan(String name, String description, RunPlan run, WorkloadPlan workload) {}
