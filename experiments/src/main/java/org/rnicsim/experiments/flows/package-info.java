/**
 * The {@code flows} workload: flows whose sizes come from a CDF, arriving at a load of the host
 * links in a traffic pattern, each an RC WRITE stream on a pooled QP over the study's fabric; FCT,
 * slowdown, fairness and the fabric's counters, and the fabric benchmark behind {@code rnicsim
 * bench fabric}.
 */
package org.rnicsim.experiments.flows;
