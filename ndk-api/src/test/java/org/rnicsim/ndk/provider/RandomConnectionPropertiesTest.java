package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random connection programs between two hosts, their CM messages travelling as MADs over the
 * cable, keep the lifetime and listener rules.
 */
class RandomConnectionPropertiesTest {

  @Property(seed = ProgramSeeds.JQWIK_SEED) // tries: see ProgramSeeds
  void randomConnectionProgramsKeepTheRulesAndNothingHangs(@ForAll long seed) {
    RandomConnectionProgram program = new RandomConnectionProgram(seed);
    program.run(60);
    assertEquals(List.of(), program.audit.violations(), "seed " + seed);
    assertEquals(List.of(), program.audit.hungCloses(), "seed " + seed);
    assertTrue(program.finished, "seed " + seed);
    long madsSent = program.hosts.stats().counter("a.mad.sent").count();
    assertTrue(
        madsSent >= 2L * program.established,
        "seed " + seed + ": each connection A completed sent at least a REQ and an RTU as MADs");
  }
}
