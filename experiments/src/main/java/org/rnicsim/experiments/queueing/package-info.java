/**
 * The M/M/1 study: one FIFO station with exponential inter-arrival and service times, run at
 * several loads and compared with the closed-form waiting time. It exercises the whole pipeline
 * (file, validation, replications, confidence intervals, charts) on a model whose right answer is
 * known, until the hardware model provides studies of its own.
 */
package org.rnicsim.experiments.queueing;
