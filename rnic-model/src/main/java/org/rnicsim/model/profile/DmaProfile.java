package org.rnicsim.model.profile;

/**
 * The adapter's DMA engines (calibration P5).
 *
 * @param engines engines working in parallel; each DMA goes to the one free first
 * @param writesPerSecondPerEngine issue-rate ceiling of one engine for posted writes
 * @param readsPerSecondPerEngine issue-rate ceiling of one engine for reads
 * @param maxOutstandingReads read tags: reads in flight at once; more wait in issue order
 */
public record DmaProfile(
    int engines,
    double writesPerSecondPerEngine,
    double readsPerSecondPerEngine,
    int maxOutstandingReads) {
  public DmaProfile {
    ProfileChecks.positive("adapter.dma.engines", engines);
    ProfileChecks.positive("adapter.dma.writesPerSecondPerEngine", writesPerSecondPerEngine);
    ProfileChecks.positive("adapter.dma.readsPerSecondPerEngine", readsPerSecondPerEngine);
    ProfileChecks.positive("adapter.dma.maxOutstandingReads", maxOutstandingReads);
  }
}
