package org.rnicsim.experiments.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnicsim.ndk.verifier.Invariant;

@Timeout(30)
class RuleTextsTest {

  @Test
  void rulesComeFromTheResource_andTheVerifiersWordingFillsTheGaps() {
    RuleTexts rules = RuleTexts.builtIn();
    RuleTexts.Rule six = rules.rule(6);
    assertEquals("the close completion is the last callback", six.name());
    assertTrue(six.text().startsWith("Once the close completion has run"), six.text());
    // Rule 4 (object headers) is not taught by a lesson and not in the resource.
    assertEquals(Invariant.of(4).rule(), rules.rule(4).text());
  }

  @Test
  void aSentenceCitesTheInvariantsItNames() {
    assertEquals(List.of(5, 6), RuleTexts.cited("must not touch the object (invariants 5, 6)."));
    assertEquals(List.of(6), RuleTexts.cited("invariant 6"));
    assertEquals(List.of(14, 16), RuleTexts.cited("(invariants 14 and 16) and invariant 14"));
    assertEquals(List.of(), RuleTexts.cited("no rule here, 12 us later"));
  }
}
