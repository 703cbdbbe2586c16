package org.rnicsim.experiments.queueing;

import org.rnicsim.experiments.stats.ConfidenceInterval;

/**
 * The M/M/1 result at one load, over all replications.
 *
 * @param load offered load rho
 * @param analyticMeanWaitPs the closed-form Wq
 * @param meanWait simulated mean wait in ps with its confidence interval across replications
 * @param customersMeasured waits measured, summed over replications
 * @param eventsExecuted simulator events, summed over replications
 * @param simulatedPsPerReplication simulated time of each replication, warm-up included
 */
public record LoadPoint(
    double load,
    double analyticMeanWaitPs,
    ConfidenceInterval meanWait,
    long customersMeasured,
    long eventsExecuted,
    long simulatedPsPerReplication) {}
