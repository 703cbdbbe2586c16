package org.rnicsim.experiments.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.experiments.study.Duration;
import org.rnicsim.experiments.study.Percentage;
import org.rnicsim.experiments.study.Problems;
import org.rnicsim.experiments.study.ProviderSection;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.TopologyPlan;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.consumer.ProviderVariant;
import org.rnicsim.ndk.consumer.ScriptSettings;
import org.rnicsim.ndk.consumer.ScriptStep;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;

/**
 * What a script runs as, from its bound sections, for lessons and {@code ndk-script} and {@code
 * connection-storm} studies alike: its hosts, the {@code provider:} section on the machines of its
 * testbed (which creates and closes wait for a firmware command, what each callback costs, DEFER
 * batching, the firmware's jitter, the provider variant under the verifier; how long each firmware
 * command takes is the hardware's), and its steps. Every problem goes to the file's {@link
 * Problems}, at the value it is about; what the provider section leaves out keeps {@link
 * ProviderPolicy#defaults()}.
 */
public final class ScriptSetup {
  private static final Map<String, ControlPath> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put("inline", ControlPath.INLINE);
    PATHS.put("firmware", ControlPath.FIRMWARE);
  }

  private ScriptSetup() {}

  /** The host names written at {@code path}; one host, "host", when absent. */
  public static List<String> hosts(List<String> written, String path, Problems problems) {
    if (written == null) {
      return List.of("host");
    }
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      String at = path + "[" + i + "]";
      String name = written.get(i);
      if (name == null) {
        problems.report(at, "'" + at + "' is missing");
        continue;
      }
      if (!ScriptNames.isName(name)) {
        problems.report(
            at,
            "'"
                + at
                + "' must be a name (a letter, then letters, digits, '-' or '_'), got '"
                + name
                + "'");
      } else if (hosts.contains(name)) {
        problems.report(at, "host '" + name + "' is named twice");
      }
      hosts.add(name);
    }
    if (hosts.isEmpty() || hosts.size() > 8) {
      problems.report(path, "'" + path + "' names 1 to 8 hosts");
      return List.of("host");
    }
    return hosts;
  }

  /** The steps written at {@code path}, checked in order: every name used is declared before. */
  public static List<ScriptStep> steps(
      List<StepEntry> steps, String path, List<String> hosts, Problems problems) {
    return new ScriptNames(problems, new LinkedHashSet<>(hosts)).steps(steps, path, false);
  }

  /**
   * The settings of a script on {@code hosts} (written at {@code hostsPath}) on the machines of
   * {@code testbed}, under {@code provider} (null: the defaults) with seed {@code seed}; null when
   * {@code testbed} is (its problems are reported already) or the hosts do not fit on it (reported
   * here).
   */
  public static ScriptSettings settings(
      ProviderSection provider,
      List<String> hosts,
      String hostsPath,
      TestbedPlan testbed,
      long seed,
      Problems problems) {
    ProviderPolicy policy = ProviderPolicy.defaults();
    HardwareConfig hardware =
        testbed == null
            ? HardwareConfig.assumedDefaults()
            : HardwareConfig.of(testbed.hardware())
                .withInterruptCosts(testbed.completion().costs());
    ProviderVariant variant = ProviderVariant.CORRECT;
    if (provider != null) {
      policy = paths(policy, provider.create(), "provider.create", true, problems);
      policy = paths(policy, provider.close(), "provider.close", false, problems);
      policy = callbackCosts(policy, provider.callbackCosts(), problems);
      policy = costs(policy, provider);
      hardware = jitter(hardware, provider.firmwareJitter());
      hardware = hardware.withCmMadCostPs(duration(provider.cmMadCost(), hardware.cmMadCostPs()));
      if (provider.variant() != null) {
        Map<String, ProviderVariant> variants = new LinkedHashMap<>();
        for (ProviderVariant v : ProviderVariant.values()) {
          variants.put(v.fileName(), v);
        }
        ProviderVariant chosen =
            ScriptNames.choice(problems, "provider.variant", provider.variant(), variants);
        variant = chosen != null ? chosen : variant;
      }
    }
    if (testbed == null) {
      return null;
    }
    TopologyPlan topology = testbed.topology();
    int machines = topology.switched() ? topology.machines() : hosts.size();
    int room = topology.switched() ? machines : 2;
    if (hosts.size() > room) {
      problems.report(
          hostsPath,
          "'"
              + hostsPath
              + "' names "
              + hosts.size()
              + " hosts, but the topology has "
              + room
              + " machines ("
              + topology.describe()
              + "): each host runs on one machine; use topology: {shape: switch, clients: "
              + (hosts.size() - 1)
              + "}");
      return null;
    }
    return new ScriptSettings(
        hosts, policy, testbed.hardware(), topology.cabling(), machines, hardware, variant, seed);
  }

  private static long duration(Duration written, long fallback) {
    return written == null ? fallback : written.ps();
  }

  private static ProviderPolicy paths(
      ProviderPolicy policy,
      Map<String, String> paths,
      String path,
      boolean create,
      Problems problems) {
    if (paths == null) {
      return policy;
    }
    Map<String, NdkObjectType> kinds = new LinkedHashMap<>();
    ProviderPolicy.CLOSEABLE_KINDS.forEach(kind -> kinds.put(kind.name(), kind));
    ProviderPolicy result = policy;
    for (Map.Entry<String, String> entry : paths.entrySet()) {
      String at = path + "." + entry.getKey();
      NdkObjectType kind = known(kinds, entry.getKey(), at, "object type", problems);
      ControlPath controlPath = ScriptNames.choice(problems, at, entry.getValue(), PATHS);
      if (kind == null || controlPath == null) {
        continue;
      }
      if (controlPath == ControlPath.FIRMWARE && !ProviderPolicy.FIRMWARE_KINDS.contains(kind)) {
        problems.report(at, kind + " has no firmware command, so it can only be 'inline'");
        continue;
      }
      result =
          create
              ? result.withCreatePath(kind, controlPath)
              : result.withClosePath(kind, controlPath);
    }
    return result;
  }

  private static ProviderPolicy callbackCosts(
      ProviderPolicy policy, Map<String, Duration> costs, Problems problems) {
    if (costs == null) {
      return policy;
    }
    Map<String, CallbackKind> names = new LinkedHashMap<>();
    for (CallbackKind kind : CallbackKind.values()) {
      names.put(ndkName(kind), kind);
    }
    ProviderPolicy result = policy;
    for (Map.Entry<String, Duration> entry : costs.entrySet()) {
      String at = "provider.callbackCosts." + entry.getKey();
      CallbackKind kind = known(names, entry.getKey(), at, "callback", problems);
      if (kind == null) {
        continue;
      }
      result = result.withCallbackCostPs(kind, duration(entry.getValue(), 0));
    }
    return result;
  }

  /** The value {@code key} names, or null after reporting the key at {@code at}. */
  private static <E> E known(
      Map<String, E> names, String key, String at, String what, Problems problems) {
    E value = names.get(key);
    if (value == null) {
      problems.reportKey(
          at,
          "unknown " + what + " '" + key + "' (known: " + String.join(", ", names.keySet()) + ")");
    }
    return value;
  }

  /** The callback's ndkpi name: CQ_NOTIFICATION -> CqNotification. */
  public static String ndkName(CallbackKind kind) {
    StringBuilder out = new StringBuilder();
    for (String part : kind.name().split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  private static ProviderPolicy costs(ProviderPolicy p, ProviderSection s) {
    long postCostPs = duration(s.postCost(), p.postCostPs());
    long dpcCostPs = duration(s.dpcCost(), p.completionDpcCostPs());
    boolean batch =
        s.batchDeferredDoorbells() == null
            ? p.batchDeferredDoorbells()
            : s.batchDeferredDoorbells();
    return new ProviderPolicy(
        p.createPaths(),
        p.closePaths(),
        p.callbackCostsPs(),
        dpcCostPs,
        postCostPs,
        p.controlCore(),
        p.moderationTimerStart(),
        batch,
        p.adapterCloseLimitPs());
  }

  /**
   * {@code firmwareJitter: 10%}: every fixed command latency L becomes uniform in [L - 10 % L, L +
   * 10 % L], drawn per command from the provider's seeded firmware stream, so that replications of
   * a study differ as runs on a real adapter do. 0 % (the default) keeps latencies fixed.
   */
  private static HardwareConfig jitter(HardwareConfig hardware, Percentage jitter) {
    if (jitter == null) {
      return hardware;
    }
    FirmwareConfig firmware = hardware.firmware();
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      firmware = firmware.withLatency(kind, jittered(firmware.latency(kind), jitter.fraction()));
    }
    return hardware.withFirmware(firmware);
  }

  private static CommandLatency jittered(CommandLatency latency, double fraction) {
    if (latency instanceof CommandLatency.Fixed fixed && fraction > 0) {
      long spreadPs = Math.round(fixed.latencyPs() * fraction);
      return new CommandLatency.Uniform(fixed.latencyPs() - spreadPs, fixed.latencyPs() + spreadPs);
    }
    if (latency instanceof CommandLatency.PerPage perPage) {
      return new CommandLatency.PerPage(jittered(perPage.base(), fraction), perPage.perPagePs());
    }
    return latency;
  }
}
