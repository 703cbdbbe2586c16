package org.rnicsim.ndk.consumer;

import java.util.List;
import org.rnicsim.ndk.verifier.Violation;

/**
 * What a scripted consumer run produced: the narration's entries in simulated-time order, each
 * object's lifetime states, the lanes in the order objects appeared, and the verifier's findings.
 *
 * @param entries every call, callback, hardware event, note and violation, ordered by time
 * @param states every lifetime state change, ordered by time
 * @param lanes the objects, in the order they were first created or delivered
 * @param endPs the simulated time at the end of the run
 * @param violations everything the lifetime verifier found, in the order found
 * @param verifierReport the verifier's report as a student reads it
 */
public record Timeline(
    List<TimelineEntry> entries,
    List<StateChange> states,
    List<Lane> lanes,
    long endPs,
    List<Violation> violations,
    String verifierReport) {

  public Timeline {
    entries = List.copyOf(entries);
    states = List.copyOf(states);
    lanes = List.copyOf(lanes);
    violations = List.copyOf(violations);
  }

  /**
   * One object's swimlane.
   *
   * @param object the script's name
   * @param kind the ndkpi object type ({@code ADAPTER}, {@code CQ}, ...)
   * @param host the host it lives on
   */
  public record Lane(String object, String kind, String host) {}

  /** The invariant numbers the verifier reported, in order, each once. */
  public List<Integer> violatedInvariants() {
    return violations.stream().map(Violation::invariantNumber).distinct().sorted().toList();
  }
}
