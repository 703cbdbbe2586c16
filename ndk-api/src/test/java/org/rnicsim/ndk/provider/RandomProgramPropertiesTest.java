package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random well-formed consumer programs over every object kind but the connection objects, with
 * random policy paths, callback costs, core counts and firmware latencies: no lifetime violation,
 * no hung close, and the adapter close returns.
 */
class RandomProgramPropertiesTest {

  @Property(tries = 300)
  void randomProgramsKeepTheLifetimeRulesAndNothingHangs(@ForAll long seed) {
    RandomProgram program = new RandomProgram(seed);
    program.run(80);
    assertEquals(List.of(), program.audit.violations(), "seed " + seed);
    assertEquals(List.of(), program.audit.hungCloses(), "seed " + seed);
    assertTrue(program.adapterClosed, "seed " + seed);
  }
}
