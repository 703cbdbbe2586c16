package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.consumer.ScriptStep;
import org.rnicsim.ndk.consumer.Step;
import tools.jackson.databind.JsonNode;

/**
 * Binds a lesson's {@code steps:} to {@link ScriptStep}s: each list item is one step key (the
 * action) with its arguments, plus an optional {@code say:}. Names are checked in file order, so a
 * step that uses an object no earlier step created is refused before anything runs.
 */
final class StepBinder {
  private static final long DEFAULT_CQ_DEPTH = 64;
  private static final long DEFAULT_QP_DEPTH = 16;
  private static final long DEFAULT_INLINE_BYTES = 64;
  private static final long DEFAULT_POST_BYTES = 64;
  private static final int DEFAULT_PORT = 4791;

  private static final Map<String, Integer> FLAGS = new LinkedHashMap<>();
  private static final Map<String, NdkCqNotificationType> ARM_TYPES = new LinkedHashMap<>();
  private static final Map<String, Step.WaitKind> WAITS = new LinkedHashMap<>();

  static {
    FLAGS.put("defer", NdkOpFlag.DEFER.value());
    FLAGS.put("solicitEvent", NdkOpFlag.SEND_AND_SOLICIT_EVENT.value());
    FLAGS.put("silentSuccess", NdkOpFlag.SILENT_SUCCESS.value());
    FLAGS.put("inline", NdkOpFlag.INLINE.value());
    FLAGS.put("readFence", NdkOpFlag.READ_FENCE.value());
    ARM_TYPES.put("any", NdkCqNotificationType.ANY);
    ARM_TYPES.put("solicited", NdkCqNotificationType.SOLICITED);
    ARM_TYPES.put("errors", NdkCqNotificationType.ERRORS);
    WAITS.put("created", Step.WaitKind.CREATED);
    WAITS.put("closed", Step.WaitKind.CLOSED);
    WAITS.put("notification", Step.WaitKind.NOTIFICATION);
    WAITS.put("completion", Step.WaitKind.COMPLETION);
    WAITS.put("connectEvent", Step.WaitKind.CONNECT_EVENT);
    WAITS.put("disconnectEvent", Step.WaitKind.DISCONNECT_EVENT);
  }

  private final LessonTree tree;
  private final Set<String> hosts;
  private final Set<String> names = new HashSet<>();

  StepBinder(LessonTree tree, Set<String> hosts) {
    this.tree = tree;
    this.hosts = hosts;
  }

  List<ScriptStep> steps(JsonNode node, String path, boolean inCallback) {
    List<ScriptStep> steps = new ArrayList<>();
    List<JsonNode> items = tree.list(node, path);
    for (int i = 0; i < items.size(); i++) {
      ScriptStep step = step(items.get(i), LessonTree.index(path, i), inCallback);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
  }

  private ScriptStep step(JsonNode item, String path, boolean inCallback) {
    String action;
    JsonNode args = null;
    String say = null;
    if (item.isString()) {
      action = item.asString();
    } else if (item.isObject()) {
      List<String> keys = new ArrayList<>();
      item.propertyNames().forEach(keys::add);
      keys.remove("say");
      if (keys.size() != 1) {
        tree.problem(
            path,
            "a step is one action key (and optionally 'say'); '"
                + path
                + "' has "
                + (keys.isEmpty() ? "none" : String.join(", ", keys)));
        return null;
      }
      action = keys.get(0);
      args = item.get(action);
      say = tree.text(item.get("say"), LessonTree.join(path, "say"), null);
    } else {
      tree.problem(
          path, "a step must be an action such as 'close: qp', got " + LessonTree.describe(item));
      return null;
    }
    StepKinds.Kind kind = StepKinds.of(action);
    if (kind == null) {
      tree.keyProblem(
          LessonTree.join(path, action),
          "unknown step '" + action + "' (known: " + String.join(", ", StepKinds.names()) + ")");
      return null;
    }
    String at = item.isObject() ? LessonTree.join(path, action) : path;
    Step step = kind.binding().bind(this, args, at, inCallback);
    if (step == null) {
      return null;
    }
    if (inCallback && !kind.call()) {
      tree.problem(at, "inside whenNotified only calls are allowed, not '" + action + "'");
    }
    return new ScriptStep(step, say, tree.where(path));
  }

  Step openAdapter(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, "as", Set.of("as", "host"));
    String host = a.optionalName("host");
    if (host != null && !hosts.contains(host)) {
      tree.problem(a.at("host"), "no host is named '" + host + "' (hosts: " + hosts + ")");
    }
    return new Step.OpenAdapter(declare(a, "as"), host);
  }

  Step createCq(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, "as", Set.of("as", "adapter", "depth", "core"));
    String adapter = use(a, "adapter", false);
    return new Step.CreateCq(
        declare(a, "as"),
        adapter,
        a.integer("depth", 1, 4_294_967_295L, DEFAULT_CQ_DEPTH),
        (int) a.integer("core", 0, 63, -1));
  }

  Step createMr(JsonNode args, String at, boolean inCallback) {
    StepArgs a =
        StepArgs.of(tree, args, null == args ? at : at, null, Set.of("as", "pd", "fastRegister"));
    String pd = use(a, "pd", true);
    return new Step.CreateMr(declare(a, "as"), pd, a.bool("fastRegister", false));
  }

  Step createQp(JsonNode args, String at, boolean inCallback) {
    StepArgs a =
        StepArgs.of(
            tree,
            args,
            at,
            null,
            Set.of("as", "pd", "cq", "receiveCq", "initiatorCq", "depth", "inlineData"));
    String pd = use(a, "pd", true);
    String cq = use(a, "cq", false);
    String receiveCq = a.has("receiveCq") ? use(a, "receiveCq", true) : cq;
    String initiatorCq = a.has("initiatorCq") ? use(a, "initiatorCq", true) : cq;
    if (receiveCq == null || initiatorCq == null) {
      tree.problem(at, "'" + at + "' needs 'cq', or both 'receiveCq' and 'initiatorCq'");
    }
    return new Step.CreateQp(
        declare(a, "as"),
        pd,
        receiveCq,
        initiatorCq,
        a.integer("depth", 1, 16_384, DEFAULT_QP_DEPTH),
        a.bytes("inlineData", DEFAULT_INLINE_BYTES));
  }

  Step listen(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, "listener", Set.of("listener", "port"));
    return new Step.Listen(use(a, "listener", true), port(a));
  }

  Step connect(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, null, Set.of("connector", "qp", "host", "port"));
    String host = a.name("host");
    if (!host.isEmpty() && !hosts.contains(host)) {
      tree.problem(a.at("host"), "no host is named '" + host + "' (hosts: " + hosts + ")");
    }
    return new Step.Connect(use(a, "connector", true), use(a, "qp", true), host, port(a));
  }

  Step accept(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, null, Set.of("connector", "qp"));
    return new Step.Accept(use(a, "connector", true), use(a, "qp", true));
  }

  Step armCq(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, "cq", Set.of("cq", "type"));
    NdkCqNotificationType type =
        a.has("type") ? tree.choice(a.get("type"), a.at("type"), ARM_TYPES) : null;
    return new Step.ArmCq(use(a, "cq", true), type != null ? type : NdkCqNotificationType.ANY);
  }

  Step controlCqInterruptModeration(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, null, Set.of("cq", "interval", "count"));
    long intervalPs = a.duration("interval", 0);
    if (intervalPs % SimTime.PS_PER_US != 0) {
      tree.problem(
          a.at("interval"), "'" + a.at("interval") + "' must be whole microseconds (ULONG us)");
    }
    return new Step.ControlModeration(
        use(a, "cq", true),
        intervalPs / SimTime.PS_PER_US,
        a.integer("count", 0, 4_294_967_295L, 0));
  }

  Step closeAdapter(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, "adapter", Set.of("adapter"));
    return new Step.CloseAdapter(use(a, "adapter", false));
  }

  Step runFor(JsonNode args, String at, boolean inCallback) {
    return new Step.RunFor(tree.duration(require(args, at), at, 0));
  }

  Step runUntil(JsonNode args, String at, boolean inCallback) {
    return new Step.RunUntil(tree.duration(require(args, at), at, 0));
  }

  Step settle(JsonNode args, String at, boolean inCallback) {
    if (args != null && !args.isNull() && !(args.isBoolean() && args.asBoolean())) {
      tree.problem(at, "'settle' takes no arguments (write '- settle')");
    }
    return new Step.Settle();
  }

  Step repeat(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, null, Set.of("times", "every", "steps"));
    int times = (int) a.integer("times", 1, 10_000, 1);
    long everyPs = a.duration("every", 0);
    List<ScriptStep> inner = steps(a.get("steps"), a.at("steps"), inCallback);
    return new Step.Repeat(times, everyPs, inner);
  }

  Step whenNotified(JsonNode args, String at, boolean inCallback) {
    StepArgs a = StepArgs.of(tree, args, at, null, Set.of("cq", "do"));
    String cq = use(a, "cq", true);
    return new Step.WhenNotified(cq, steps(a.get("do"), a.at("do"), true));
  }

  /**
   * The one object a step acts on ({@code close: qp}, {@code flush: {qp: qp}}), which an earlier
   * step must have created.
   */
  String only(JsonNode args, String at, String key) {
    return use(StepArgs.of(tree, args, at, key, Set.of(key)), key, true);
  }

  /**
   * What a step creating an object on an adapter names ({@code createPd: {as: pd, adapter: a}}).
   *
   * @param adapter null when the step leaves it to the only adapter
   */
  record Created(String as, String adapter) {}

  Created onAdapter(JsonNode args, String at) {
    StepArgs a = StepArgs.of(tree, args, at, "as", Set.of("as", "adapter"));
    String adapter = use(a, "adapter", false);
    return new Created(declare(a, "as"), adapter);
  }

  /** A receive, send or write. */
  Step post(String action, JsonNode args, String at) {
    StepArgs a =
        StepArgs.of(tree, args, at, "qp", Set.of("qp", "count", "bytes", "flags", "deferAll"));
    int flags = 0;
    List<JsonNode> given = tree.list(a.get("flags"), a.at("flags"));
    for (int i = 0; i < given.size(); i++) {
      Integer flag = tree.choice(given.get(i), LessonTree.index(a.at("flags"), i), FLAGS);
      if (flag != null) {
        flags |= flag;
      }
    }
    if (action.equals("receive") && flags != 0) {
      tree.problem(a.at("flags"), "a receive takes no flags");
    }
    Step.PostKind kind =
        switch (action) {
          case "receive" -> Step.PostKind.RECEIVE;
          case "send" -> Step.PostKind.SEND;
          default -> Step.PostKind.WRITE;
        };
    return new Step.Post(
        kind,
        use(a, "qp", true),
        (int) a.integer("count", 1, 1024, 1),
        a.bytes("bytes", DEFAULT_POST_BYTES),
        flags,
        a.bool("deferAll", false));
  }

  Step waitFor(JsonNode args, String at) {
    Set<String> keys = new LinkedHashSet<>(WAITS.keySet());
    keys.add("as");
    StepArgs a = StepArgs.of(tree, args, at, null, keys);
    Step.WaitKind kind = null;
    String object = null;
    for (Map.Entry<String, Step.WaitKind> wait : WAITS.entrySet()) {
      if (a.has(wait.getKey())) {
        if (kind != null) {
          tree.problem(at, "'" + at + "' waits for one thing at a time");
        }
        kind = wait.getValue();
        object = use(a, wait.getKey(), true);
      }
    }
    if (kind == null) {
      tree.problem(at, "'" + at + "' needs one of " + String.join(", ", WAITS.keySet()));
      return null;
    }
    String as = null;
    if (a.has("as")) {
      if (kind != Step.WaitKind.CONNECT_EVENT) {
        tree.problem(a.at("as"), "'as' names the connector of a connectEvent only");
      } else {
        as = declare(a, "as");
      }
    }
    return new Step.WaitFor(kind, object, as);
  }

  Step failNext(JsonNode args, String at) {
    StepArgs a = StepArgs.of(tree, args, at, null, Set.of("host", "command", "status"));
    String host = a.optionalName("host");
    if (host != null && !hosts.contains(host)) {
      tree.problem(a.at("host"), "no host is named '" + host + "' (hosts: " + hosts + ")");
    }
    Map<String, FirmwareCommandKind> commands = new LinkedHashMap<>();
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      commands.put(kind.name(), kind);
    }
    FirmwareCommandKind command = tree.choice(a.get("command"), a.at("command"), commands);
    Map<String, NtStatus> failures = new LinkedHashMap<>();
    NtStatus.knownStatuses()
        .forEach(
            (name, status) -> {
              if (status.isError()) {
                failures.put(name, status);
              }
            });
    NtStatus status = tree.choice(a.get("status"), a.at("status"), failures);
    if (command == null || status == null) {
      return null;
    }
    return new Step.FailNextCommand(host, command, status);
  }

  private int port(StepArgs a) {
    return (int) a.integer("port", 1, 65_535, DEFAULT_PORT);
  }

  private JsonNode require(JsonNode args, String at) {
    if (args == null || args.isNull()) {
      tree.problem(at, "'" + at + "' needs a value");
    }
    return args;
  }

  /** A new object name: reported if it is missing or taken. */
  private String declare(StepArgs a, String key) {
    String name = a.name(key);
    if (!name.isEmpty() && !names.add(name)) {
      tree.problem(a.at(key), "the name '" + name + "' is already taken by an earlier step");
    }
    return name;
  }

  /** A reference to an object an earlier step named; null if optional and absent. */
  private String use(StepArgs a, String key, boolean required) {
    if (!required && !a.has(key)) {
      return null;
    }
    String name = a.name(key);
    if (!name.isEmpty() && !names.contains(name)) {
      tree.problem(
          a.at(key),
          "no earlier step created an object named '"
              + name
              + "'"
              + (names.isEmpty()
                  ? ""
                  : " (known: " + String.join(", ", new TreeSet<>(names)) + ")"));
    }
    return name;
  }
}
