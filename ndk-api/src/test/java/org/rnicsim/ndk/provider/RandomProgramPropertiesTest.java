package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Random well-formed consumer programs over every object kind but the connection objects, with
 * random policy paths, callback costs, core counts and firmware latencies, and injected hardware
 * faults (asynchronous firmware failures, surprise removal): no lifetime violation, no hung close,
 * and the adapter close returns.
 */
class RandomProgramPropertiesTest {

  @Property(seed = ProgramSeeds.JQWIK_SEED) // tries: see ProgramSeeds
  void randomProgramsKeepTheLifetimeRulesAndNothingHangs(@ForAll long seed) {
    RandomProgram program = runClean(seed);

    // The faults must really be exercised, not just possible: a fair share of the programs meets
    // each kind, and injected firmware failures reach the consumer as failed creates or requests.
    Statistics.label("surprise removal")
        .collect(program.surpriseRemoved)
        .coverage(c -> c.check(true).percentage(p -> p >= 5));
    Statistics.label("firmware failures injected")
        .collect(program.injectedFailures > 0)
        .coverage(c -> c.check(true).percentage(p -> p >= 30));
    Statistics.label("a create failed asynchronously")
        .collect(program.outcomes.containsKey("async create STATUS_INSUFFICIENT_RESOURCES"))
        .coverage(c -> c.check(true).percentage(p -> p >= 5));
  }

  /**
   * Found by the property: a QP reconnected while the RTR command of its previous connection was
   * still running got that stale answer after its reset and asked the adapter for RESET to RTS.
   */
  @Example
  void aStaleRtrAnswerAfterAReconnectIsIgnored() {
    runClean(-110_920);
  }

  private static RandomProgram runClean(long seed) {
    RandomProgram program = new RandomProgram(seed);
    program.run(80);
    assertEquals(List.of(), program.audit.violations(), "seed " + seed);
    assertEquals(List.of(), program.audit.hungCloses(), "seed " + seed);
    assertTrue(program.adapterClosed, "seed " + seed);
    return program;
  }
}
