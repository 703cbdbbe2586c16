/**
 * Running a study's jobs: every (point, case, replication) of the grid is a job, a pure function of
 * the study at that point. Jobs run in parallel, each writes one result file atomically, and a
 * rerun after a kill runs only the jobs whose file is missing or belongs to a different study.
 */
package org.rnicsim.experiments.sweep;
