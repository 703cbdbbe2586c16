package org.rnicsim.ndk.consumer;

import java.util.List;
import java.util.Objects;
import org.rnicsim.model.profile.HardwareProfile;
import org.rnicsim.model.testbed.Cabling;
import org.rnicsim.ndk.provider.NdkHosts;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;

/**
 * Where a script runs: on which machines, cabled how, under which provider.
 *
 * @param hosts host names, one simulated provider each; the first is the default host. Host i runs
 *     on machine i
 * @param policy every host's provider policy
 * @param profile every machine's hardware (its firmware command times included)
 * @param cabling back to back (one host looped back, or two on one cable) or on a switch
 * @param machines machines in the testbed, at least one per host: on a switch, machines no host
 *     runs on are cabled and idle
 * @param hardware every host's cores, firmware and interrupt costs as the provider drives them (the
 *     profile's, with the study's firmware jitter and CM cost)
 * @param providerVariant {@link ProviderVariant} name of the provider under the verifier
 * @param seed master seed of the firmware's random streams
 */
public record ScriptSettings(
    List<String> hosts,
    ProviderPolicy policy,
    HardwareProfile profile,
    Cabling cabling,
    int machines,
    HardwareConfig hardware,
    ProviderVariant providerVariant,
    long seed) {

  public ScriptSettings {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a script needs at least one host");
    }
    if (machines > 250) {
      throw new IllegalArgumentException("at most 250 machines");
    }
    if (hosts.size() > machines || machines > cabling.maxMachines()) {
      throw new IllegalArgumentException(
          hosts.size()
              + " hosts need as many machines; "
              + machines
              + " cabled "
              + cabling.describe());
    }
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(providerVariant, "providerVariant");
  }

  /** One host on the reference ConnectX-4 machine, the default policy, the correct provider. */
  public static ScriptSettings defaults() {
    HardwareProfile profile = NdkHosts.connectX4Class();
    return new ScriptSettings(
        List.of("host"),
        ProviderPolicy.defaults(),
        profile,
        Cabling.backToBack(),
        1,
        HardwareConfig.of(profile),
        ProviderVariant.CORRECT,
        1);
  }

  /** The same with another seed (each replication of a study plays with its own). */
  public ScriptSettings withSeed(long newSeed) {
    return new ScriptSettings(
        hosts, policy, profile, cabling, machines, hardware, providerVariant, newSeed);
  }

  /** The machines' names: the hosts, then {@code idle1}, {@code idle2}, ... for the rest. */
  public List<String> machineNames() {
    List<String> names = new java.util.ArrayList<>(hosts);
    for (int i = 1; names.size() < machines; i++) {
      names.add("idle" + i);
    }
    return names;
  }
}
