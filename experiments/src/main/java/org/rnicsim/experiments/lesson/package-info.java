/**
 * The numbered NDK lessons: lesson files ({@code configs/lessons/NN-name.yaml}) bound to scripted
 * consumers ({@link org.rnicsim.ndk.consumer}), the {@code rnicsim lesson} command, and what a run
 * shows: a narrated timeline on the terminal, a swimlane chart (PNG and SVG) and an HTML page with
 * the narration beside the chart.
 *
 * <p>A lesson file is checked like a study file: every problem is reported with file, line, column
 * and key path, and a file with problems is not run.
 */
package org.rnicsim.experiments.lesson;
