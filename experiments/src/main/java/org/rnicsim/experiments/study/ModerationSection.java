package org.rnicsim.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Static interrupt moderation of the consumer's CQs as written, with the semantics a driver's
 * ControlCqInterruptModeration request has (calibration I4): an event waits until {@code count}
 * CQEs have gathered or {@code period} has passed, whichever comes first; 0 in either switches
 * moderation off.
 *
 * @param count CQEs that raise the event at once; 0 or 1 is off
 * @param period longest an event waits, with a unit; 0us is off
 * @param timerStart {@code eqe} (the period runs from the CQ's previous event, mlx5's default) or
 *     {@code cqe} (from the first CQE not yet reported)
 */
public record ModerationSection(
    @JsonPropertyDescription("CQEs that raise the event at once; 0 or 1 = every CQE (off)")
        Long count,
    @JsonPropertyDescription("longest an event waits, with a unit; 0us = off") String period,
    @JsonPropertyDescription("where the period starts: eqe (previous event, mlx5) or cqe")
        String timerStart) {}
