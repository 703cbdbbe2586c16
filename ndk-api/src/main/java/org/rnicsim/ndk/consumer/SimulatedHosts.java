package org.rnicsim.ndk.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.struct.NdkResultEx;
import org.rnicsim.ndk.api.struct.NdkSockAddr;
import org.rnicsim.ndk.provider.NdkHosts;
import org.rnicsim.ndk.provider.SimNdkProvider;
import org.rnicsim.ndk.verifier.LifetimeVerifier;
import org.rnicsim.ndk.verifier.ProviderProbe;

/**
 * The world a script runs in: one simulator and the hosts of {@link NdkHosts} on the settings'
 * machines and cabling (one adapter node and simulated provider per machine, posts on the
 * rnic-model datapath, connection messages as management datagrams over the modelled ports, links
 * and switch; host i answers on 10.0.0.i+1), and one lifetime verifier wrapping them all, so that
 * the consumer only ever holds verified objects.
 */
public final class SimulatedHosts {

  /** What a provider observes beyond calls and callbacks, for the recorder. */
  public interface EntrySink {
    void cqEntryQueued(NdkResultEx entry);
  }

  final RnicSimulator simulator;
  final LifetimeVerifier verifier;
  private final Map<String, SimNdkProvider> providers = new LinkedHashMap<>();
  private final Map<String, NdkProvider> verified = new LinkedHashMap<>();
  private final Map<String, NdkSockAddr> addresses = new LinkedHashMap<>();
  private final NdkHosts machines;

  public SimulatedHosts(ScriptSettings settings, EntrySink entries) {
    this.simulator = new RnicSimulator("lesson");
    this.verifier = LifetimeVerifier.builder(simulator::nowPs).build();
    ProviderProbe probe = verifier.probe();
    List<String> hosts = settings.hosts();
    this.machines =
        NdkHosts.builder(simulator)
            .names(settings.machineNames())
            .profile(settings.profile())
            .cabling(settings.cabling())
            .seed(settings.seed())
            .hardware(settings.hardware())
            .customise((i, builder) -> builder.policy(settings.policy()))
            .build();
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i);
      NdkSockAddr address = new NdkSockAddr(machines.ipAddress(i), 0);
      SimNdkProvider provider = machines.provider(i);
      provider.setObserver(ProbeFeed.into(probe, entries::cqEntryQueued));
      providers.put(host, provider);
      verified.put(host, verifier.wrap(settings.providerVariant().around(provider)));
      addresses.put(host, address);
    }
  }

  /** The simulator every host runs on. */
  public RnicSimulator simulator() {
    return simulator;
  }

  /** The lifetime verifier every call and callback passes through. */
  public LifetimeVerifier verifier() {
    return verifier;
  }

  /** The machines the hosts run on, host i on machine i. */
  public NdkHosts machines() {
    return machines;
  }

  /** The simulated provider of {@code host}, or null. */
  SimNdkProvider provider(String host) {
    return providers.get(host);
  }

  /** The provider of {@code host} as the consumer sees it: through the verifier. */
  public NdkProvider verified(String host) {
    return verified.get(host);
  }

  /** The address {@code host} answers on, with {@code port}. */
  public NdkSockAddr address(String host, int port) {
    return addresses.get(host).withPort(port);
  }

  boolean hasHost(String host) {
    return providers.containsKey(host);
  }
}
