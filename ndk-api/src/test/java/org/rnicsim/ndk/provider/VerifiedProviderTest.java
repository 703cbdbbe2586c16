package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.rnicsim.ndk.provider.policy.ProviderObserver;
import org.rnicsim.ndk.verifier.LifetimeVerifier;
import org.rnicsim.ndk.verifier.Violation;

/**
 * The provider under the lifetime verifier (org.rnicsim.ndk.verifier), with the probe fed from
 * {@link ProviderObserver}: random well-formed programs give no violation, during the run or at the
 * audit.
 */
class VerifiedProviderTest {

  private static List<String> describe(LifetimeVerifier verifier) {
    List<String> all = new ArrayList<>();
    for (Violation v : verifier.violations()) {
      all.add(v.toString());
    }
    for (Violation v : verifier.audit()) {
      all.add("audit: " + v);
    }
    return all;
  }

  @Property(seed = ProgramSeeds.JQWIK_SEED) // tries: see ProgramSeeds
  void randomProgramsOnTheProviderAreCleanUnderTheVerifier(@ForAll long seed) {
    RandomProgram program = new RandomProgram(seed, true);
    program.run(80);
    assertTrue(program.adapterClosed);
    assertEquals(List.of(), program.audit.violations(), "seed " + seed);
    assertEquals(List.of(), describe(program.rig.verifier), "seed " + seed);
  }

  @Property(seed = ProgramSeeds.JQWIK_SEED) // tries: see ProgramSeeds
  void randomConnectionProgramsAreCleanUnderTheVerifier(@ForAll long seed) {
    RandomConnectionProgram program = new RandomConnectionProgram(seed, true);
    program.run(60);
    assertTrue(program.finished);
    assertEquals(List.of(), program.audit.violations(), "seed " + seed);
    assertEquals(List.of(), describe(program.verifier), "seed " + seed);
  }
}
