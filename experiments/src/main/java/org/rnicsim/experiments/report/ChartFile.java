package org.rnicsim.experiments.report;

/**
 * A chart written to disk as {@code name.png} and {@code name.svg}.
 *
 * @param name the file name without extension
 * @param title the chart's title, used as its caption in the report
 */
public record ChartFile(String name, String title) {}
