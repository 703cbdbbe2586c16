package org.rnicsim.ndk.verifier;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule, as the lifetime verifier recorded it. Immutable.
 *
 * @param invariant which invariant of ndkpi-spec section 7 was broken; for a consumer rule, the
 *     invariant it pairs with ({@link ConsumerRule#pairedInvariant})
 * @param consumerRule the consumer duty broken (C1 to C9), or null when the provider broke an
 *     invariant
 * @param side who broke it: the provider or the consumer
 * @param object the object it happened on
 * @param timePs simulated time, picoseconds
 * @param happened what the verifier saw, in plain words
 * @param requirement what the rule requires: the invariant's wording, or for a consumer obligation
 *     the spec sentence it restates
 * @param history the object's last events, oldest first, ending with the one that broke the rule
 */
public record Violation(
    Invariant invariant,
    ConsumerRule consumerRule,
    Side side,
    ObjectRef object,
    long timePs,
    String happened,
    String requirement,
    List<HistoryEntry> history) {

  /** Checks every field is present and copies the history. */
  public Violation {
    Objects.requireNonNull(invariant, "invariant");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(happened, "happened");
    Objects.requireNonNull(requirement, "requirement");
    if (consumerRule != null && side != Side.CONSUMER) {
      throw new IllegalArgumentException("only the consumer breaks " + consumerRule);
    }
    history = List.copyOf(history);
  }

  /** The invariant's number, 1 to 34. */
  public int invariantNumber() {
    return invariant.number();
  }

  /** "invariant 10" for a provider violation, "consumer rule C2" for a consumer one. */
  public String ruleName() {
    return consumerRule != null ? consumerRule.toString() : invariant.toString();
  }

  @Override
  public String toString() {
    return ruleName() + " (" + side + ", " + object + "): " + happened;
  }
}
