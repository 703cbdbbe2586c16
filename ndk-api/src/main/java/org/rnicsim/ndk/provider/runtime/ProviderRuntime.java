package org.rnicsim.ndk.provider.runtime;

import java.util.EnumSet;
import java.util.Set;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.ndk.api.struct.NdkAdapterInfo;
import org.rnicsim.ndk.api.struct.NdkCapabilities;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.policy.ProviderObserver;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.work.AdapterHardware;
import org.rnicsim.ndk.provider.work.FirmwareGateway;
import org.rnicsim.ndk.provider.work.WorkRequestEngine;

/**
 * Everything a provider object needs besides itself: the simulator and the hardware, the policy,
 * the capabilities, the callback runner, the firmware gateway, the adapter-wide counts, and the
 * number sources for object ids and memory tokens. One per provider.
 */
public final class ProviderRuntime {
  private final AdapterHardware hardware;
  private final NdkCapabilities capabilities;
  private final ProviderPolicy policy;
  private final CallbackRunner callbacks;
  private final FirmwareGateway firmware;
  private final AdapterResources resources;
  private final WorkRequestEngine engine;
  private final TokenTable tokens = new TokenTable();
  private ProviderObserver observer = ProviderObserver.NONE;
  private Set<ProviderMutation> mutations = EnumSet.noneOf(ProviderMutation.class);
  private boolean anyMutation;
  private long nextObjectId = 1;
  private int nextToken = 0x100;

  public ProviderRuntime(
      AdapterHardware hardware,
      NdkCapabilities capabilities,
      ProviderPolicy policy,
      WorkRequestEngine engine) {
    this.hardware = hardware;
    this.engine = engine;
    this.capabilities = capabilities;
    this.policy = policy;
    this.callbacks = new CallbackRunner(hardware.simulator(), hardware.hostCpu(), policy);
    this.firmware = new FirmwareGateway(hardware);
    this.resources = new AdapterResources(capabilities);
  }

  public RnicSimulator simulator() {
    return hardware.simulator();
  }

  /** The current simulated time. */
  public long nowPs() {
    return hardware.simulator().nowPs();
  }

  public AdapterHardware hardware() {
    return hardware;
  }

  public NdkCapabilities capabilities() {
    return capabilities;
  }

  /** NDK_ADAPTER_INFO; its Version is the provider's highest, the one every adapter negotiates. */
  public NdkAdapterInfo adapterInfo() {
    return capabilities.ndkInfo();
  }

  /**
   * The negotiated version every object header carries (ndkpi-spec 2: a successful open reports the
   * provider's highest minor; invariants 4, 34).
   */
  public NdkVersion version() {
    return capabilities.ndkInfo().version();
  }

  public ProviderPolicy policy() {
    return policy;
  }

  public CallbackRunner callbacks() {
    return callbacks;
  }

  public FirmwareGateway firmware() {
    return firmware;
  }

  /** The datapath that executes posted work requests. */
  public WorkRequestEngine engine() {
    return engine;
  }

  public AdapterResources resources() {
    return resources;
  }

  /** The remote tokens this provider has handed out. */
  public TokenTable tokens() {
    return tokens;
  }

  public ProviderObserver observer() {
    return observer;
  }

  public void setObserver(ProviderObserver observer) {
    this.observer = observer;
    callbacks.setObserver(observer);
  }

  /** Deliberately breaks the provider (for testing the verifier); none by default. */
  public void setMutations(Set<ProviderMutation> broken) {
    this.mutations =
        broken.isEmpty() ? EnumSet.noneOf(ProviderMutation.class) : EnumSet.copyOf(broken);
    this.anyMutation = !broken.isEmpty();
  }

  /** True if the provider was deliberately broken this way. */
  public boolean mutated(ProviderMutation mutation) {
    // Asked several times per request; an unbroken provider answers without the set.
    return anyMutation && mutations.contains(mutation);
  }

  /** A fresh object number, for names in messages and traces. */
  public long nextObjectId() {
    return nextObjectId++;
  }

  /**
   * A fresh 32-bit memory token. Tokens are never reused within a run, so a stale token is always
   * recognisably invalid.
   */
  public int nextToken() {
    return nextToken++;
  }
}
