package org.rnicsim.ndk.verifier;

/**
 * One event in an object's call history as the verifier saw it.
 *
 * @param timePs simulated time of the event, picoseconds
 * @param event what happened, e.g. "consumer calls CloseObject" or "callback
 *     CqNotification(SUCCESS) starts"
 */
public record HistoryEntry(long timePs, String event) {}
