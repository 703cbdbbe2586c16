/**
 * {@code rnicsim calibrate}: every published figure of docs/calibration.md that a study file can
 * express, run and compared with its tolerance. The figures are listed once, in
 * configs/calibration/figures.yaml; the report this package writes is the README's calibration
 * table.
 */
package org.rnicsim.experiments.calibrate;
