/**
 * Statistics across replications: Student t quantiles and confidence intervals of a mean.
 * Within-run statistics (histograms, gauges) belong to the engine; what lives here combines
 * finished runs.
 */
package org.rnicsim.experiments.stats;
