package org.rnicsim.ndk.provider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rnicsim.engine.RnicSimulator;
import org.rnicsim.engine.SimTime;
import org.rnicsim.engine.random.RandomStreams;
import org.rnicsim.engine.stats.StatisticsRegistry;
import org.rnicsim.model.adapter.AdapterNode;
import org.rnicsim.ndk.api.NdkAdapter;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.NdkOpenAdapterResult;
import org.rnicsim.ndk.api.NdkProvider;
import org.rnicsim.ndk.api.status.NdisStatus;
import org.rnicsim.ndk.api.struct.NdisOpenNdkAdapterParameters;
import org.rnicsim.ndk.api.struct.NdkCapabilities;
import org.rnicsim.ndk.api.struct.NdkObjectHeader;
import org.rnicsim.ndk.api.struct.NdkVersion;
import org.rnicsim.ndk.provider.adapter.AdapterConnections;
import org.rnicsim.ndk.provider.adapter.SimAdapter;
import org.rnicsim.ndk.provider.connection.SimConnector;
import org.rnicsim.ndk.provider.cq.SimCq;
import org.rnicsim.ndk.provider.lifetime.LifetimeObject;
import org.rnicsim.ndk.provider.policy.ProviderDefaults;
import org.rnicsim.ndk.provider.policy.ProviderMutation;
import org.rnicsim.ndk.provider.policy.ProviderObserver;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.queue.SimSrq;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import org.rnicsim.ndk.provider.runtime.ProviderRuntime;
import org.rnicsim.ndk.provider.work.AdapterHardware;
import org.rnicsim.ndk.provider.work.RnicWorkEngine;
import org.rnicsim.ndk.provider.work.WorkRequestEngine;

/**
 * The simulated NDK provider of one RNIC: OpenAdapter and CloseAdapter on top of the rnic-model
 * hardware, with every asynchronous outcome resolved on simulated time (ndkpi-spec 2, 3).
 *
 * <p>Build one with {@link #builder(RnicSimulator)}; several providers (several simulated hosts)
 * may share one simulator and one {@link WorkRequestEngine}, so their QPs can connect.
 */
public final class SimNdkProvider implements NdkProvider {
  private final ProviderRuntime runtime;
  private final AdapterConnections connections;
  private final List<SimAdapter> adapters = new ArrayList<>();
  private boolean ndkEnabled = true;

  private SimNdkProvider(ProviderRuntime runtime, AdapterConnections connections) {
    this.runtime = runtime;
    this.connections = connections;
  }

  /** A builder for a provider on {@code simulator}. */
  public static Builder builder(RnicSimulator simulator) {
    return new Builder(simulator);
  }

  /** Everything the provider's objects run on. */
  public ProviderRuntime runtime() {
    return runtime;
  }

  public RnicSimulator simulator() {
    return runtime.simulator();
  }

  public AdapterHardware hardware() {
    return runtime.hardware();
  }

  /** Hooks an observer (such as the lifetime verifier's probe) into the provider. */
  public void setObserver(ProviderObserver observer) {
    runtime.setObserver(observer);
  }

  /** NDK on or off on the miniport; while off, OpenAdapter fails with ADAPTER_NOT_READY. */
  public void setNdkEnabled(boolean enabled) {
    this.ndkEnabled = enabled;
  }

  /**
   * OPEN_NDK_ADAPTER_HANDLER, ndkpi-spec 2, invariant 34: the major version must match and the
   * requested minor be at most the provider's; the adapter then reports the provider's highest
   * minor in its ADAPTER_INFO and every header. Otherwise BAD_VERSION; ADAPTER_NOT_READY while NDK
   * is disabled. Several adapter instances may be open at once.
   */
  @Override
  public NdkOpenAdapterResult openAdapter(NdisOpenNdkAdapterParameters parameters) {
    if (!ndkEnabled) {
      return NdkOpenAdapterResult.failed(NdisStatus.ADAPTER_NOT_READY);
    }
    NdkVersion requested = parameters.version();
    NdkVersion highest = runtime.version();
    boolean minorTooHigh =
        requested.minor() > highest.minor()
            && !runtime.mutated(ProviderMutation.OPEN_ACCEPTS_HIGHER_MINOR);
    if (requested.major() != highest.major() || minorTooHigh) {
      return NdkOpenAdapterResult.failed(NdisStatus.BAD_VERSION);
    }
    SimAdapter adapter = new SimAdapter(runtime, connections);
    adapters.add(adapter);
    return NdkOpenAdapterResult.opened(adapter);
  }

  /**
   * CLOSE_NDK_ADAPTER_HANDLER, ndkpi-spec 3, invariant 11: blocks, running the simulation forward,
   * until every descendant of the adapter is closed and every callback on them has returned; then
   * returns. Creates pending on the adapter are cancelled; the close waits for the consumer to
   * close the rest (from callbacks that run meanwhile), as every antecedent waits for its
   * successors (invariant 10).
   *
   * <p>Interp: a CloseAdapter that can never return (nothing is left to simulate, or {@link
   * ProviderPolicy#adapterCloseLimitPs} of simulated time passed) and a CloseAdapter from inside a
   * callback are consumer errors (consumer rules C7, C6): they end with {@link NdkMisuseException}
   * naming what is still open; the objects stay as they are.
   */
  @Override
  public void closeAdapter(NdkAdapter adapter) {
    if (runtime.callbacks().insideCallback()) {
      throw new NdkMisuseException(
          "C6", "CloseAdapter called from inside a callback, which it would wait for forever");
    }
    SimAdapter own = adapters.stream().filter(a -> a == adapter).findFirst().orElse(null);
    if (own == null) {
      throw new NdkMisuseException("C2", adapter + " is not an open adapter of this provider");
    }
    own.beginAdapterClose();
    RnicSimulator simulator = runtime.simulator();
    long limitPs = simulator.nowPs() + runtime.policy().adapterCloseLimitPs();
    while (!own.isGone()) {
      if (simulator.pendingEventCount() == 0) {
        throw cannotReturn(
            own, "nothing is left to simulate at " + SimTime.format(simulator.nowPs()));
      }
      if (simulator.nowPs() > limitPs) {
        throw cannotReturn(
            own,
            "it still waits after "
                + SimTime.format(runtime.policy().adapterCloseLimitPs())
                + " of simulated time");
      }
      simulator.runEvents(1);
    }
    adapters.remove(own);
  }

  private static NdkMisuseException cannotReturn(SimAdapter adapter, String why) {
    List<String> open = new ArrayList<>();
    List<String> closing = new ArrayList<>();
    for (LifetimeObject object : descendants(adapter)) {
      if (object.isOpen()) {
        open.add(object.toString());
      } else if (!object.isGone()) {
        closing.add(object + " (" + object.gate().describe() + ")");
      }
    }
    return new NdkMisuseException(
        "C7",
        "CloseAdapter of "
            + adapter
            + " can never return ("
            + why
            + "): "
            + (open.isEmpty() ? "" : "never closed: " + String.join(", ", open))
            + (open.isEmpty() || closing.isEmpty() ? "" : "; ")
            + (closing.isEmpty() ? "" : "closing: " + String.join(", ", closing))
            + ". CloseAdapter waits for every object below the adapter to be closed.");
  }

  /**
   * Fault: the adapter is surprise-removed now (rnic-model: every outstanding and later firmware
   * command fails, no more interrupts). This only removes the hardware; the provider hears of it
   * from the adapter node, as it does of a removal made on the node itself ({@link
   * #onDeviceRemoved}), so both give the consumer the same results.
   */
  public void surpriseRemoval() {
    runtime.hardware().surpriseRemoval();
  }

  /**
   * The adapter node reported its surprise removal (as PnP tells a Windows driver; the consumer
   * need not call anything). The provider surfaces it as ndkpi-spec 4's fatal statuses: every CQ
   * reports INTERNAL_ERROR (to its next or current arm, invariant 18), every SRQ with a callback
   * reports INTERNAL_ERROR; pending creates and requests fail with STATUS_DEVICE_REMOVED, each
   * callback once (invariant 12), and closes still complete (a close cannot fail, invariants 5-10),
   * so the consumer can tear everything down. Connection requests waiting on the other host
   * (Connect, Accept, Disconnect) fail now too, rather than after the CM's resends ({@link
   * SimConnector#deviceRemoved}).
   */
  private void onDeviceRemoved() {
    for (SimAdapter adapter : List.copyOf(adapters)) {
      for (LifetimeObject object : descendants(adapter)) {
        if (object instanceof SimCq cq) {
          cq.injectFatalError();
        } else if (object instanceof SimSrq srq) {
          srq.deviceRemoved();
        } else if (object instanceof SimConnector connector) {
          connector.deviceRemoved();
        }
      }
    }
  }

  /**
   * The provider's own object carrying {@code header}, or null. C code passes objects around as
   * NDK_OBJECT_HEADER pointers, and a layer above (NDIS, the lifetime verifier) wraps objects but
   * keeps their header; this finds the provider object behind such a wrapper, for tests and tools
   * that need the provider-side view (queued entries, datapath hooks).
   */
  public LifetimeObject objectWithHeader(NdkObjectHeader header) {
    for (SimAdapter adapter : adapters) {
      if (adapter.header() == header) {
        return adapter;
      }
      for (LifetimeObject object : descendants(adapter)) {
        if (object.header() == header) {
          return object;
        }
      }
    }
    return null;
  }

  /** Every object below {@code root}, parents before children, each once. */
  private static List<LifetimeObject> descendants(LifetimeObject root) {
    List<LifetimeObject> found = new ArrayList<>();
    ArrayDeque<LifetimeObject> todo = new ArrayDeque<>(root.gate().successors());
    while (!todo.isEmpty()) {
      LifetimeObject next = todo.removeFirst();
      if (!found.contains(next)) {
        found.add(next);
        todo.addAll(next.gate().successors());
      }
    }
    return found;
  }

  @Override
  public NdkCapabilities ndkCapabilities() {
    return runtime.capabilities();
  }

  /** Builds a {@link SimNdkProvider}; every setting has a documented default. */
  public static final class Builder {
    private final RnicSimulator simulator;
    private String name = "nic0";
    private long seed = 1;
    private int replication;
    private StatisticsRegistry stats;
    private HardwareConfig hardwareConfig = HardwareConfig.assumedDefaults();
    private NdkCapabilities capabilities = ProviderDefaults.capabilities();
    private ProviderPolicy policy = ProviderPolicy.defaults();
    private WorkRequestEngine engine;
    private AdapterConnections connections = AdapterConnections.NONE;
    private Set<ProviderMutation> mutations = Set.of();
    private AdapterNode node;

    private Builder(RnicSimulator simulator) {
      this.simulator = simulator;
    }

    /** The adapter's name, prefix of its statistics and random streams; default "nic0". */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Master seed and replication of the firmware's random streams; default 1 and 0. */
    public Builder seed(long value, int replicationIndex) {
      this.seed = value;
      this.replication = replicationIndex;
      return this;
    }

    /** Where statistics go; default a new registry on the simulator. */
    public Builder stats(StatisticsRegistry value) {
      this.stats = value;
      return this;
    }

    /**
     * Runs the provider on this rnic-model adapter node (its datapath, cores, interrupts and
     * firmware queue); {@link #hardware} and {@link #seed} are then unused.
     */
    public Builder node(AdapterNode value) {
      this.node = value;
      return this;
    }

    public Builder hardware(HardwareConfig value) {
      this.hardwareConfig = value;
      return this;
    }

    public Builder capabilities(NdkCapabilities value) {
      this.capabilities = value;
      return this;
    }

    public Builder policy(ProviderPolicy value) {
      this.policy = value;
      return this;
    }

    /**
     * The datapath; default a new {@link RnicWorkEngine} of its own. Providers whose QPs connect to
     * each other must share one (see {@link NdkHosts}). Without a {@link #node} the provider runs
     * on an adapter node of its own ({@link NdkHosts#loopedBackNode}) built from {@link #hardware}.
     */
    public Builder engine(WorkRequestEngine value) {
      this.engine = value;
      return this;
    }

    /** Connection management; default none (connection creates fail with NOT_SUPPORTED). */
    public Builder connections(AdapterConnections value) {
      this.connections = value;
      return this;
    }

    /** Deliberately broken variants, for testing the lifetime verifier; default none. */
    public Builder mutations(Set<ProviderMutation> value) {
      this.mutations = value;
      return this;
    }

    public SimNdkProvider build() {
      StatisticsRegistry registry = stats != null ? stats : new StatisticsRegistry(simulator);
      AdapterNode hardwareNode =
          node != null
              ? node
              : NdkHosts.loopedBackNode(
                  simulator, name, hardwareConfig, new RandomStreams(seed, replication), registry);
      AdapterHardware hardware = new AdapterHardware(hardwareNode, registry);
      WorkRequestEngine datapath = engine != null ? engine : new RnicWorkEngine();
      ProviderRuntime runtime = new ProviderRuntime(hardware, capabilities, policy, datapath);
      runtime.setMutations(mutations);
      SimNdkProvider provider = new SimNdkProvider(runtime, connections);
      hardwareNode.addRemovalListener(provider::onDeviceRemoved);
      return provider;
    }
  }
}
