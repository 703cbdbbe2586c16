package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.rnicsim.ndk.provider.connection.CmRetries;

/**
 * Random connection programs with both providers on adapter nodes, CM messages as packets over the
 * cable, keep the lifetime and listener rules and never hang.
 */
class RandomConnectionOverAdaptersPropertiesTest {

  @Property(tries = 60)
  void randomConnectionProgramsOverPacketsKeepTheRulesAndNothingHangs(@ForAll long seed) {
    AdapterPair nodes = new AdapterPair("random-over-adapters", seed, CmRetries.assumedDefault());
    RandomConnectionProgram program = new RandomConnectionProgram(seed, false, nodes);
    program.run(60);
    assertEquals(List.of(), program.audit.violations(), "seed " + seed);
    assertEquals(List.of(), program.audit.hungCloses(), "seed " + seed);
    assertTrue(program.finished, "seed " + seed);
    assertTrue(
        nodes.stats.counter("nic0.mad.sent").count() > 0, "the handshakes travelled as MADs");
  }
}
