/**
 * Statistics across replications: confidence intervals of a mean (on Apache Commons Statistics).
 * Within-run statistics (histograms, gauges) belong to the engine; what lives here combines
 * finished runs.
 */
package org.rnicsim.experiments.stats;
