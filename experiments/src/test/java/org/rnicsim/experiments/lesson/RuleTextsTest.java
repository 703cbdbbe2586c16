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
  void rulesComeFromTheRulesDocument() {
    RuleTexts rules = RuleTexts.builtIn();
    RuleTexts.Rule six = rules.rule(6);
    assertEquals("Nothing after the close", six.name());
    assertTrue(six.text().startsWith("No callback of any kind for an object starts"), six.text());
    assertTrue(!six.text().contains("Source:"), six.text());
    for (int number = 1; number <= 34; number++) {
      assertTrue(!rules.rule(number).name().isEmpty(), "rule " + number + " is in the document");
    }
  }

  @Test
  void aRuleTheDocumentLacksIsQuotedInTheVerifiersWording() {
    RuleTexts rules =
        RuleTexts.of("## 7. Testable invariants\n\n### 7.6 Nothing after the close\n\n> x\n");
    assertEquals("x", rules.rule(6).text());
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
