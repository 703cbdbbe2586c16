package org.rnicsim.ndk.api.constant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnicsim.ndk.api.constant.NdkCqNotificationType.ANY;
import static org.rnicsim.ndk.api.constant.NdkCqNotificationType.ERRORS;
import static org.rnicsim.ndk.api.constant.NdkCqNotificationType.SOLICITED;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariant 16: re-arming keeps max(old, new) in the order ERRORS &lt; SOLICITED &lt; ANY. */
class NdkCqNotificationTypeTest {

  @Test
  void strengthOrderIsErrorsThenSolicitedThenAny_notTheNumericOrder() {
    assertTrue(ERRORS.strength() < SOLICITED.strength());
    assertTrue(SOLICITED.strength() < ANY.strength());
    assertTrue(SOLICITED.value() > ANY.value(), "header values are not the strength order");
  }

  @Test
  void rearmKeepsTheStrongerType_allNinePairs() {
    assertEquals(ERRORS, ERRORS.stronger(ERRORS));
    assertEquals(SOLICITED, ERRORS.stronger(SOLICITED));
    assertEquals(ANY, ERRORS.stronger(ANY));
    assertEquals(SOLICITED, SOLICITED.stronger(ERRORS));
    assertEquals(SOLICITED, SOLICITED.stronger(SOLICITED));
    assertEquals(ANY, SOLICITED.stronger(ANY));
    assertEquals(ANY, ANY.stronger(ERRORS));
    assertEquals(ANY, ANY.stronger(SOLICITED));
    assertEquals(ANY, ANY.stronger(ANY));
  }

  @Test
  void everySequenceOfUpToFourArmsEndsAtItsStrongestMember() {
    List<List<NdkCqNotificationType>> sequences = new ArrayList<>();
    sequences.add(List.of());
    for (int length = 1; length <= 4; length++) {
      List<List<NdkCqNotificationType>> longer = new ArrayList<>();
      for (List<NdkCqNotificationType> prefix : sequences) {
        if (prefix.size() == length - 1) {
          for (NdkCqNotificationType next : NdkCqNotificationType.values()) {
            List<NdkCqNotificationType> sequence = new ArrayList<>(prefix);
            sequence.add(next);
            longer.add(sequence);
          }
        }
      }
      sequences.addAll(longer);
    }
    sequences.remove(0);
    assertEquals(3 + 9 + 27 + 81, sequences.size());
    for (List<NdkCqNotificationType> arms : sequences) {
      NdkCqNotificationType inForce = arms.get(0);
      for (NdkCqNotificationType arm : arms) {
        inForce = inForce.stronger(arm);
      }
      int strongest = arms.stream().mapToInt(NdkCqNotificationType::strength).max().orElseThrow();
      assertEquals(strongest, inForce.strength(), arms.toString());
    }
  }
}
