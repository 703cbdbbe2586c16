package org.rnicsim.ndk.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.MethodFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.rnicsim.ndk.provider.policy.ProviderMutation;

/**
 * Each invariant's dedicated provider tests (the methods named {@code invariantNN_...} in this
 * package) fail when that invariant alone is broken: the tests run again, in this JVM, on a
 * provider built with one {@link ProviderMutation}, and at least one of them must fail. A test that
 * passes under the variant breaking its own invariant pins nothing.
 */
class DedicatedTestsPinTheirInvariantsTest {

  @ParameterizedTest
  @EnumSource(ProviderMutation.class)
  void theInvariantsOwnTestsFailUnderTheVariantThatBreaksIt(ProviderMutation mutation) {
    TestExecutionSummary summary = runInvariantTests(mutation.invariant(), Set.of(mutation));
    assertTrue(summary.getTestsFoundCount() > 0, "no test is named for " + mutation.invariant());
    assertTrue(
        summary.getTotalFailureCount() > 0,
        "every invariant"
            + mutation.invariant()
            + "_ test passed on a provider with "
            + mutation
            + " ("
            + summary.getTestsSucceededCount()
            + " tests)");
  }

  @ParameterizedTest
  @EnumSource(ProviderMutation.class)
  void theSameTestsPassOnTheUnbrokenProvider(ProviderMutation mutation) {
    TestExecutionSummary summary = runInvariantTests(mutation.invariant(), Set.of());
    assertEquals(0, summary.getTotalFailureCount(), () -> failures(summary));
  }

  private static TestExecutionSummary runInvariantTests(
      int invariant, Set<ProviderMutation> mutations) {
    String prefix = String.format(Locale.ROOT, "invariant%02d_", invariant);
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage(DedicatedTestsPinTheirInvariantsTest.class.getPackageName()))
            .filters(
                EngineFilter.includeEngines("junit-jupiter"),
                MethodFilter.includeMethodNamePatterns(".*#" + prefix + ".*"))
            .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    Set<ProviderMutation> before = ProviderRig.injected;
    ProviderRig.injected = mutations;
    try {
      launcher.execute(request, listener);
    } finally {
      ProviderRig.injected = before;
    }
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary summary) {
    StringBuilder out = new StringBuilder();
    summary
        .getFailures()
        .forEach(
            f ->
                out.append(f.getTestIdentifier().getDisplayName())
                    .append(": ")
                    .append(f.getException())
                    .append('\n'));
    return out.toString();
  }
}
