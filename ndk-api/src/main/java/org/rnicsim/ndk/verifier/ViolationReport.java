package org.rnicsim.ndk.verifier;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnicsim.engine.SimTime;

/**
 * Renders violations for a reader who is learning the NDK rules: one violation as a few plain lines
 * (who broke which rule on which object and when, what happened, what the rule says) and the
 * object's recent history; a summary lists how often each invariant was broken, then every
 * violation.
 */
public final class ViolationReport {

  private ViolationReport() {}

  /** One violation as a headline, two explanation lines and the object's history. */
  public static String render(Violation v) {
    StringBuilder out = new StringBuilder();
    String rule = v.ruleName();
    out.append(Character.toUpperCase(rule.charAt(0)))
        .append(rule.substring(1))
        .append(" broken by the ")
        .append(v.side().name().toLowerCase(java.util.Locale.ROOT))
        .append(" on ")
        .append(v.object())
        .append(" at ")
        .append(SimTime.format(v.timePs()))
        .append('\n');
    out.append("  What happened: ").append(v.happened()).append('\n');
    out.append("  The rule:      ").append(v.requirement()).append('\n');
    out.append("  To fix:        ").append(fixHint(v.side())).append('\n');
    List<HistoryEntry> history = v.history();
    if (!history.isEmpty()) {
      out.append("  Last ")
          .append(history.size())
          .append(history.size() == 1 ? " event on " : " events on ")
          .append(v.object())
          .append(":\n");
      for (HistoryEntry entry : history) {
        out.append(
                String.format(java.util.Locale.ROOT, "    %12s  ", SimTime.format(entry.timePs())))
            .append(entry.event())
            .append('\n');
      }
    }
    return out.toString();
  }

  /** A count per invariant, then every violation rendered, in the order they happened. */
  public static String summary(List<Violation> violations) {
    if (violations.isEmpty()) {
      return "Lifetime verifier: no violations.\n";
    }
    StringBuilder out = new StringBuilder();
    out.append("Lifetime verifier: ")
        .append(violations.size())
        .append(violations.size() == 1 ? " violation" : " violations")
        .append('\n');
    Map<Integer, int[]> byInvariant = new TreeMap<>();
    Map<ConsumerRule, Integer> byConsumerRule = new TreeMap<>();
    for (Violation v : violations) {
      if (v.consumerRule() != null) {
        byConsumerRule.merge(v.consumerRule(), 1, Integer::sum);
      } else {
        byInvariant.computeIfAbsent(v.invariantNumber(), n -> new int[1])[0]++;
      }
    }
    for (Map.Entry<Integer, int[]> e : byInvariant.entrySet()) {
      out.append(String.format(java.util.Locale.ROOT, "  invariant %2d: ", e.getKey()))
          .append(e.getValue()[0])
          .append(" by the provider  - ")
          .append(Invariant.of(e.getKey()).rule())
          .append('\n');
    }
    for (Map.Entry<ConsumerRule, Integer> e : byConsumerRule.entrySet()) {
      out.append("  consumer rule ")
          .append(e.getKey().name())
          .append(": ")
          .append(e.getValue())
          .append(" by the consumer  - ")
          .append(e.getKey().rule())
          .append('\n');
    }
    for (Violation v : violations) {
      out.append('\n').append(render(v));
    }
    return out.toString();
  }

  private static String fixHint(Side side) {
    return side == Side.PROVIDER
        ? "the provider (the NDK driver below the verifier) must change."
        : "the consumer (the code calling the NDK objects) must change.";
  }
}
