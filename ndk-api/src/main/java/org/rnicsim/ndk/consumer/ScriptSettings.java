package org.rnicsim.ndk.consumer;

import java.util.List;
import java.util.Objects;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;

/**
 * Where a script runs.
 *
 * @param hosts host names, one simulated provider each; the first is the default host
 * @param policy every host's provider policy
 * @param hardware every host's adapter and CPU
 * @param providerVariant {@link ProviderVariant} name of the provider under the verifier
 * @param seed master seed of the firmware's random streams
 */
public record ScriptSettings(
    List<String> hosts,
    ProviderPolicy policy,
    HardwareConfig hardware,
    ProviderVariant providerVariant,
    long seed) {

  public ScriptSettings {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a script needs at least one host");
    }
    if (hosts.size() > 250) {
      throw new IllegalArgumentException("at most 250 hosts");
    }
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(providerVariant, "providerVariant");
  }

  /** One host, the default policy and hardware, the correct provider. */
  public static ScriptSettings defaults() {
    return new ScriptSettings(
        List.of("host"),
        ProviderPolicy.defaults(),
        HardwareConfig.assumedDefaults(),
        ProviderVariant.CORRECT,
        1);
  }
}
