package org.rnicsim.ndk.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** What the *PinTest classes read of a rig's reports. */
final class PinReports {

  private PinReports() {}

  /**
   * Runs the audit and returns the one violation, asserting it is the provider's, under {@code
   * invariant}.
   */
  static Violation only(Rig rig, int invariant) {
    rig.verifier.audit();
    List<Violation> found = rig.verifier.violations();
    assertEquals(1, found.size(), rig.verifier::report);
    Violation v = found.get(0);
    assertEquals(invariant, v.invariantNumber(), rig.verifier::report);
    assertEquals(Side.PROVIDER, v.side(), rig.verifier::report);
    return v;
  }

  /** The events of a violation's history, oldest first. */
  static List<String> events(Violation v) {
    return v.history().stream().map(HistoryEntry::event).toList();
  }
}
