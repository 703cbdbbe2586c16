package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnicsim.experiments.study.TestbedPlan;
import org.rnicsim.experiments.study.TopologyPlan;
import org.rnicsim.model.adapter.firmware.CommandLatency;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareConfig;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.consumer.ProviderVariant;
import org.rnicsim.ndk.consumer.ScriptSettings;
import org.rnicsim.ndk.provider.policy.CallbackKind;
import org.rnicsim.ndk.provider.policy.ControlPath;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;
import org.rnicsim.ndk.provider.runtime.HardwareConfig;
import tools.jackson.databind.JsonNode;

/**
 * Binds a lesson's {@code hosts:}, {@code seed:} and {@code provider:}, on the machines of its
 * testbed, to {@link ScriptSettings}: the provider policy knobs a lesson turns (which creates and
 * closes wait for a firmware command, what each callback costs, DEFER batching, the firmware's
 * jitter) and the provider variant under the verifier. How long each firmware command takes is the
 * hardware's ({@code hardware.firmware}). Everything left out keeps {@link
 * ProviderPolicy#defaults()}.
 */
final class SettingsBinder {
  static final Set<String> PROVIDER_KEYS =
      new LinkedHashSet<>(
          List.of(
              "create",
              "close",
              "callbackCosts",
              "postCost",
              "dpcCost",
              "cmMadCost",
              "batchDeferredDoorbells",
              "firmwareJitter",
              "variant"));

  private static final Map<String, ControlPath> PATHS =
      Map.of("inline", ControlPath.INLINE, "firmware", ControlPath.FIRMWARE);

  private final LessonTree tree;

  SettingsBinder(LessonTree tree) {
    this.tree = tree;
  }

  /** The host names at {@code path} (default one host, "host"). */
  List<String> hosts(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return List.of("host");
    }
    List<String> hosts = new ArrayList<>();
    List<JsonNode> items = tree.list(node, path);
    for (int i = 0; i < items.size(); i++) {
      String name = tree.name(items.get(i), LessonTree.index(path, i));
      if (hosts.contains(name)) {
        tree.problem(LessonTree.index(path, i), "host '" + name + "' is named twice");
      }
      hosts.add(name);
    }
    if (hosts.isEmpty() || hosts.size() > 8) {
      tree.problem(path, "'" + path + "' names 1 to 8 hosts");
      return List.of("host");
    }
    return hosts;
  }

  /**
   * The settings of a script on {@code hosts} (written at {@code hostsPath}) on the machines of
   * {@code testbed}, under the provider at {@code providerNode}; null when {@code testbed} is (its
   * problems are reported already) or the hosts do not fit on it (reported here).
   */
  ScriptSettings settings(
      List<String> hosts, String hostsPath, JsonNode providerNode, long seed, TestbedPlan testbed) {
    ProviderPolicy policy = ProviderPolicy.defaults();
    HardwareConfig hardware =
        testbed == null
            ? HardwareConfig.assumedDefaults()
            : HardwareConfig.of(testbed.hardware())
                .withInterruptCosts(testbed.completion().costs());
    ProviderVariant variant = ProviderVariant.CORRECT;
    JsonNode provider = tree.mapping(providerNode, "provider");
    if (provider != null) {
      tree.onlyKeys(provider, "provider", PROVIDER_KEYS);
      policy = paths(policy, provider.get("create"), "provider.create", true);
      policy = paths(policy, provider.get("close"), "provider.close", false);
      policy = callbackCosts(policy, provider.get("callbackCosts"));
      policy = costs(policy, provider);
      hardware = jitter(hardware, provider.get("firmwareJitter"));
      hardware =
          hardware.withCmMadCostPs(
              tree.duration(
                  provider.get("cmMadCost"), "provider.cmMadCost", hardware.cmMadCostPs()));
      if (provider.has("variant")) {
        Map<String, ProviderVariant> variants = new LinkedHashMap<>();
        for (ProviderVariant v : ProviderVariant.values()) {
          variants.put(v.fileName(), v);
        }
        ProviderVariant chosen = tree.choice(provider.get("variant"), "provider.variant", variants);
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
      tree.problem(
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

  private ProviderPolicy paths(ProviderPolicy policy, JsonNode node, String path, boolean create) {
    JsonNode paths = tree.mapping(node, path);
    if (paths == null) {
      return policy;
    }
    ProviderPolicy result = policy;
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String at = LessonTree.join(path, entry.getKey());
      NdkObjectType kind = objectKind(entry.getKey(), at);
      ControlPath controlPath = tree.choice(entry.getValue(), at, PATHS);
      if (kind == null || controlPath == null) {
        continue;
      }
      if (controlPath == ControlPath.FIRMWARE && !ProviderPolicy.FIRMWARE_KINDS.contains(kind)) {
        tree.problem(at, kind + " has no firmware command, so it can only be 'inline'");
        continue;
      }
      result =
          create
              ? result.withCreatePath(kind, controlPath)
              : result.withClosePath(kind, controlPath);
    }
    return result;
  }

  private NdkObjectType objectKind(String key, String at) {
    for (NdkObjectType kind : ProviderPolicy.CLOSEABLE_KINDS) {
      if (kind.name().equals(key)) {
        return kind;
      }
    }
    List<String> known = new ArrayList<>();
    ProviderPolicy.CLOSEABLE_KINDS.forEach(k -> known.add(k.name()));
    tree.keyProblem(
        at, "unknown object type '" + key + "' (known: " + String.join(", ", known) + ")");
    return null;
  }

  private ProviderPolicy callbackCosts(ProviderPolicy policy, JsonNode node) {
    String path = "provider.callbackCosts";
    JsonNode costs = tree.mapping(node, path);
    if (costs == null) {
      return policy;
    }
    Map<String, CallbackKind> names = new LinkedHashMap<>();
    for (CallbackKind kind : CallbackKind.values()) {
      names.put(ndkName(kind), kind);
    }
    ProviderPolicy result = policy;
    for (Iterator<Map.Entry<String, JsonNode>> it = costs.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String at = LessonTree.join(path, entry.getKey());
      CallbackKind kind = names.get(entry.getKey());
      if (kind == null) {
        tree.keyProblem(
            at,
            "unknown callback '"
                + entry.getKey()
                + "' (known: "
                + String.join(", ", names.keySet())
                + ")");
        continue;
      }
      result = result.withCallbackCostPs(kind, tree.duration(entry.getValue(), at, 0));
    }
    return result;
  }

  /** The callback's ndkpi name: CQ_NOTIFICATION -> CqNotification. */
  static String ndkName(CallbackKind kind) {
    StringBuilder out = new StringBuilder();
    for (String part : kind.name().split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return out.toString();
  }

  private ProviderPolicy costs(ProviderPolicy p, JsonNode provider) {
    long postCostPs = tree.duration(provider.get("postCost"), "provider.postCost", p.postCostPs());
    long dpcCostPs =
        tree.duration(provider.get("dpcCost"), "provider.dpcCost", p.completionDpcCostPs());
    boolean batch =
        tree.bool(
            provider.get("batchDeferredDoorbells"),
            "provider.batchDeferredDoorbells",
            p.batchDeferredDoorbells());
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
  private HardwareConfig jitter(HardwareConfig hardware, JsonNode node) {
    String path = "provider.firmwareJitter";
    if (node == null || node.isNull()) {
      return hardware;
    }
    String text = node.isString() ? node.asString().strip() : "";
    double percent = -1;
    if (text.matches("\\d{1,2}(\\.\\d{1,3})?%")) {
      percent = Double.parseDouble(text.substring(0, text.length() - 1));
    }
    if (percent < 0) {
      tree.problem(
          path,
          "'"
              + path
              + "' must be a percentage below 100, such as \"10%\"; got "
              + LessonTree.describe(node));
      return hardware;
    }
    FirmwareConfig firmware = hardware.firmware();
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      firmware = firmware.withLatency(kind, jittered(firmware.latency(kind), percent / 100));
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
