package org.rnicsim.ndk.consumer;

/**
 * An object entered a lifetime state at a simulated time.
 *
 * @param object the script's name of the object
 * @param kind the object type as ndkpi names it ({@code CQ}, {@code QP})
 */
public record StateChange(long timePs, String object, String kind, LaneState state) {}
