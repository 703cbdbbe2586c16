/**
 * The M/M/1 workload ({@code kind: mm1}): one FIFO station with exponential inter-arrival and
 * service times, run at several loads and compared with the closed-form waiting time. It exercises
 * the whole pipeline (file, validation, sweeps, replications, confidence intervals, charts, report)
 * on a model whose right answer is known, until the hardware model provides workloads of its own.
 */
package org.rnicsim.experiments.queueing;
