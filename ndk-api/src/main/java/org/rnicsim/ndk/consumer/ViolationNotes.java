package org.rnicsim.ndk.consumer;

import java.util.List;

/**
 * Ties each verifier finding to the call or callback that broke the rule: the finding points at it
 * as its cause, and the culprit's sentence says it broke a rule instead of explaining it as a
 * normal step (a late notification is not "the CQ was armed and got a completion"). A consumer call
 * that breaks a rule keeps its own sentence, which already names the misuse.
 */
final class ViolationNotes {

  private ViolationNotes() {}

  /** Rewrites {@code entries} (in time order) in place. */
  static void flagCulprits(List<TimelineEntry> entries) {
    for (int i = 0; i < entries.size(); i++) {
      TimelineEntry finding = entries.get(i);
      if (finding.kind() != EntryKind.VIOLATION) {
        continue;
      }
      int culprit = culpritOf(entries, i);
      if (culprit < 0) {
        continue;
      }
      TimelineEntry e = entries.get(culprit);
      if (e.kind() == EntryKind.CALLBACK) {
        // A consumer call that breaks a rule already says so (Explanations' misuse sentences).
        entries.set(
            culprit,
            e.withSentence(
                "Against the rules: this callback must not run ("
                    + finding.what()
                    + ", "
                    + finding.status()
                    + "), as the verifier's next line says."));
      }
      entries.set(i, finding.placed(finding.host(), culprit));
    }
  }

  /** The last call or callback on the finding's object at its time, before it; or -1. */
  private static int culpritOf(List<TimelineEntry> entries, int finding) {
    TimelineEntry v = entries.get(finding);
    for (int j = finding - 1; j >= 0; j--) {
      TimelineEntry e = entries.get(j);
      if (e.timePs() != v.timePs()) {
        return -1;
      }
      if ((e.kind() == EntryKind.CALL || e.kind() == EntryKind.CALLBACK)
          && e.object().equals(v.object())) {
        return j;
      }
    }
    return -1;
  }
}
