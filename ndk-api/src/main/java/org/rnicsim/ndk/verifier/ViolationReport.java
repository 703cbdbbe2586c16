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
    out.append("Invariant ")
        .append(v.invariantNumber())
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
    for (Violation v : violations) {
      int[] counts = byInvariant.computeIfAbsent(v.invariantNumber(), n -> new int[2]);
      counts[v.side().ordinal()]++;
    }
    for (Map.Entry<Integer, int[]> e : byInvariant.entrySet()) {
      int[] counts = e.getValue();
      out.append(String.format(java.util.Locale.ROOT, "  invariant %2d: ", e.getKey()));
      if (counts[Side.PROVIDER.ordinal()] > 0) {
        out.append(counts[Side.PROVIDER.ordinal()]).append(" by the provider");
      }
      if (counts[Side.CONSUMER.ordinal()] > 0) {
        if (counts[Side.PROVIDER.ordinal()] > 0) {
          out.append(", ");
        }
        out.append(counts[Side.CONSUMER.ordinal()]).append(" by the consumer");
      }
      out.append("  - ").append(Invariant.of(e.getKey()).rule()).append('\n');
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
