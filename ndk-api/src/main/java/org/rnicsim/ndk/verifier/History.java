package org.rnicsim.ndk.verifier;

import java.util.ArrayList;
import java.util.List;
import org.rnicsim.ndk.api.status.NtStatus;

/**
 * The last few events on one object, kept in a ring so that a long run costs constant memory per
 * object. The text of an event is built only when a violation copies the history out, so recording
 * costs two stores and no string concatenation on the hot path.
 */
final class History {

  private final long[] timesPs;
  private final String[] actions;
  private final Object[] details;
  private int next;
  private int size;

  History(int depth) {
    timesPs = new long[depth];
    actions = new String[depth];
    details = new Object[depth];
  }

  /**
   * Records "{@code action}{@code detail}" at {@code timePs}; {@code detail} may be null and is
   * turned into text only if a violation copies the history.
   */
  void add(long timePs, String action, Object detail) {
    if (timesPs.length == 0) {
      return;
    }
    timesPs[next] = timePs;
    actions[next] = action;
    details[next] = detail;
    next = next + 1 == timesPs.length ? 0 : next + 1; // no division per recorded event
    size = Math.min(size + 1, timesPs.length);
  }

  /** The recorded events, oldest first. */
  List<HistoryEntry> snapshot() {
    List<HistoryEntry> out = new ArrayList<>(size);
    int start = (next - size + timesPs.length) % Math.max(1, timesPs.length);
    for (int i = 0; i < size; i++) {
      int at = (start + i) % timesPs.length;
      Object detail = details[at];
      String text = detail instanceof NtStatus status ? status.name() : String.valueOf(detail);
      if (actions[at].endsWith("(")) {
        text += ")";
      }
      out.add(
          new HistoryEntry(
              timesPs[at], detail == null ? actions[at].stripTrailing() : actions[at] + text));
    }
    return out;
  }
}
