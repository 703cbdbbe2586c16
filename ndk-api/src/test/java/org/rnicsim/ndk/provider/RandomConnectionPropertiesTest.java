package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random connection programs between two hosts keep the lifetime and listener rules. */
class RandomConnectionPropertiesTest {

  @Property(seed = ProgramSeeds.JQWIK_SEED) // tries: see ProgramSeeds
  void randomConnectionProgramsKeepTheRulesAndNothingHangs(@ForAll long seed) {
    RandomConnectionProgram program = new RandomConnectionProgram(seed);
    program.run(60);
    assertEquals(List.of(), program.audit.violations(), "seed " + seed);
    assertEquals(List.of(), program.audit.hungCloses(), "seed " + seed);
    assertTrue(program.finished, "seed " + seed);
  }
}
