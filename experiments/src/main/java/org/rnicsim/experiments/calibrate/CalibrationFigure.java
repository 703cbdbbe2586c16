package org.rnicsim.experiments.calibrate;

/**
 * One row of configs/calibration/figures.yaml: a published value and the study that reproduces it.
 *
 * @param figure the docs/calibration.md entry (P1, R1, ...)
 * @param source who published it
 * @param conditions what was measured, in a few words
 * @param study the study file, relative to figures.yaml
 * @param metric the metric id of that study the figure is read from
 * @param at the case value (a size in bytes)
 * @param operation the case's group (latency studies: send, write, read); null when the study has
 *     no groups
 * @param derive how the figure follows from the metric: null (the metric itself), {@code tlp-rate}
 *     (P1: a write payload rate scaled back by P2's 24 bytes per TLP), {@code tlp-overhead} (P2:
 *     the bytes a write of one byte past a TLP costs beyond that byte, from the DMA rates at {@code
 *     at} and {@code at + 1})
 * @param published the published value
 * @param unit its unit
 * @param tolerance relative tolerance (0.1 = 10 %); null with a bound
 * @param bound {@code at-least} or {@code at-most} when the published value is a floor or ceiling
 * @param use {@code tuned} or {@code held-out}
 * @param set overrides of the study, {@code PATH=VALUE} as {@code rnicsim run --set} takes them
 *     (one study file serves a curve at several MTUs); null for none
 * @param per overrides of the same study for a reference point: the figure is then the ratio of the
 *     metric with {@code set} to the metric with {@code per} (Q1: READ rate relative to a reference
 *     QP count); null for an absolute figure
 */
public record CalibrationFigure(
    String figure,
    String source,
    String conditions,
    String study,
    String metric,
    double at,
    String operation,
    String derive,
    double published,
    String unit,
    Double tolerance,
    String bound,
    String use,
    java.util.List<String> set,
    java.util.List<String> per) {

  /** The overrides, empty for none. */
  public java.util.List<String> overrides() {
    return set == null ? java.util.List.of() : set;
  }
}
