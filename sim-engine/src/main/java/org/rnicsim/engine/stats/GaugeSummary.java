package org.rnicsim.engine.stats;

/** A gauge's time average, extremes and the simulated span it was observed over. */
public record GaugeSummary(
    String name, double timeAverage, double min, double max, long observedPs) {}
