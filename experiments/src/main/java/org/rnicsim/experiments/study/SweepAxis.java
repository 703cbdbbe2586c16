package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * One axis of a sweep as written: the config path it varies, and either a list of values or a
 * range. A range of quantities with units ({@code from: 1us, to: 2us, step: 250ns}) is stepped in
 * exact integer units (picoseconds, bytes, bits per second), so no value is off by a rounding
 * error.
 *
 * @param path the key path to vary, such as {@code workload.meanServiceTime} or {@code run.seed}
 * @param values the values to take, in order; each is checked where it is bound
 * @param from first value of a range (a number, or a quantity with a unit)
 * @param to last value of a range, included when the steps land on it
 * @param step distance between values of a range, positive
 */
public record SweepAxis(
    @JsonPropertyDescription("config path to vary: workload.meanServiceTime, run.seed, ...")
        String path,
    @JsonPropertyDescription("the values to take, in order") List<Object> values,
    @JsonPropertyDescription("first value of a range: a number or a quantity (500ns, 4KiB)")
        Object from,
    @JsonPropertyDescription("last value of a range, included when the steps land on it") Object to,
    @JsonPropertyDescription("distance between range values, positive, same unit kind as from")
        Object step) {}
