/**
 * Charts drawn with JFreeChart off screen and saved as PNG and SVG. Every chart is a pure function
 * of its data: no dates, fixed sizes and fixed SVG ids, so a rerun draws the same bytes.
 */
package org.rnicsim.experiments.chart;
