package org.rnicsim.experiments.ndkscript;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.consumer.ScriptStep;
import org.rnicsim.ndk.consumer.Step;
import org.rnicsim.ndk.provider.policy.ProviderPolicy;

/**
 * What a script creates and closes, read off its steps before it runs: the object kinds and names
 * that get a latency metric, in the order the script first mentions them. The metric list of an
 * {@code ndk-script} study follows from it.
 *
 * @param createdKinds kinds the script creates by a create call (a connect event's connector is
 *     delivered, not created)
 * @param closedKinds kinds the script closes
 * @param created names created by a create call, with their kind
 * @param closed names the script closes, with their kind
 */
record ScriptLayout(
    Set<NdkObjectType> createdKinds,
    Set<NdkObjectType> closedKinds,
    Map<String, NdkObjectType> created,
    Map<String, NdkObjectType> closed) {

  /** ndkpi-spec 7 numbers its testable invariants 1 to 34. */
  static final int INVARIANTS = 34;

  static ScriptLayout of(List<ScriptStep> steps) {
    ScriptLayout layout =
        new ScriptLayout(
            EnumSet.noneOf(NdkObjectType.class),
            EnumSet.noneOf(NdkObjectType.class),
            new LinkedHashMap<>(),
            new LinkedHashMap<>());
    Map<String, NdkObjectType> kinds = new LinkedHashMap<>();
    layout.walk(steps, kinds);
    return layout;
  }

  private void walk(List<ScriptStep> steps, Map<String, NdkObjectType> kinds) {
    for (ScriptStep scripted : steps) {
      Step step = scripted.step();
      if (step instanceof Step.CreateCq s) {
        create(s.name(), NdkObjectType.CQ, kinds);
      } else if (step instanceof Step.CreatePd s) {
        create(s.name(), NdkObjectType.PD, kinds);
      } else if (step instanceof Step.CreateMr s) {
        create(s.name(), NdkObjectType.MR, kinds);
      } else if (step instanceof Step.CreateQp s) {
        create(s.name(), NdkObjectType.QP, kinds);
      } else if (step instanceof Step.CreateConnector s) {
        create(s.name(), NdkObjectType.CONNECTOR, kinds);
      } else if (step instanceof Step.CreateListener s) {
        create(s.name(), NdkObjectType.LISTENER, kinds);
      } else if (step instanceof Step.WaitFor s
          && s.kind() == Step.WaitKind.CONNECT_EVENT
          && s.as() != null) {
        kinds.put(s.as(), NdkObjectType.CONNECTOR);
      } else if (step instanceof Step.Close s && kinds.containsKey(s.object())) {
        closedKinds.add(kinds.get(s.object()));
        closed.putIfAbsent(s.object(), kinds.get(s.object()));
      } else if (step instanceof Step.Repeat s) {
        walk(s.steps(), kinds);
      } else if (step instanceof Step.WhenNotified s) {
        walk(s.steps(), kinds);
      }
    }
  }

  private void create(String name, NdkObjectType kind, Map<String, NdkObjectType> kinds) {
    kinds.put(name, kind);
    createdKinds.add(kind);
    created.putIfAbsent(name, kind);
  }

  /** The metrics of a script with this layout, in the order each job measures them. */
  List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    for (NdkObjectType kind : createdKinds) {
      metrics.add(
          new Metric(createKindId(kind), "create to completion, " + label(kind), "ns", true, null));
    }
    for (NdkObjectType kind : closedKinds) {
      metrics.add(
          new Metric(
              closeKindId(kind), "close to completion, " + label(kind), "ns", charted(kind), null));
    }
    metrics.add(new Metric("callbacks", "consumer callbacks run", "", false, null));
    metrics.add(new Metric("cq_notifications", "CQ notifications", "", false, null));
    metrics.add(new Metric("doorbells", "doorbells rung", "", false, null));
    metrics.add(new Metric("interrupts", "MSI-X interrupts", "", false, null));
    metrics.add(new Metric("firmware_commands", "firmware commands", "", false, null));
    metrics.add(new Metric("violations", "lifetime verifier violations", "", false, null));
    metrics.add(new Metric("end_time_us", "simulated end time", "us", false, null));
    for (String name : created.keySet()) {
      metrics.add(Metric.detail(objectCreateId(name), "create to completion, " + name, "ns"));
    }
    for (String name : closed.keySet()) {
      metrics.add(Metric.detail(objectCloseId(name), "close to completion, " + name, "ns"));
    }
    for (int n = 1; n <= INVARIANTS; n++) {
      metrics.add(Metric.detail(invariantId(n), "violations of invariant " + n, ""));
    }
    return metrics;
  }

  /**
   * Connection-manager objects never wait for the adapter, so a chart of theirs against a swept
   * setting would be a flat line; the kinds with firmware commands get one.
   */
  private static boolean charted(NdkObjectType kind) {
    return ProviderPolicy.FIRMWARE_KINDS.contains(kind);
  }

  static String createKindId(NdkObjectType kind) {
    return "create_" + kind.name().toLowerCase(Locale.ROOT) + "_ns";
  }

  static String closeKindId(NdkObjectType kind) {
    return "close_" + kind.name().toLowerCase(Locale.ROOT) + "_ns";
  }

  static String objectCreateId(String name) {
    return "object_" + snake(name) + "_create_ns";
  }

  static String objectCloseId(String name) {
    return "object_" + snake(name) + "_close_ns";
  }

  static String invariantId(int number) {
    return "violations_invariant_" + number;
  }

  /** How tables and charts name a kind: its ndkpi type ({@code QP}). */
  static String label(NdkObjectType kind) {
    return kind.name();
  }

  /** A script's object name as part of a metric id: qpCqFirst, qp-cq-first -> qp_cq_first. */
  static String snake(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
      out.append(c == '-' ? '_' : Character.toLowerCase(c));
    }
    return out.toString();
  }
}
