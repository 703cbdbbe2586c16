package org.rnicsim.experiments.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.consumer.Step;
import tools.jackson.databind.JsonNode;

/**
 * The step vocabulary of lessons and {@code ndk-script} studies, in one table: every step key in
 * the order messages list them, the key a bare value stands for, and how its arguments become its
 * {@link Step} (whose type says whether it is an NDK call, {@link Step.Call}: only calls may run
 * inside {@code whenNotified}). The keys an entry reads are the keys the step takes, and its
 * defaults and ranges are written here once. A new step kind is one entry here, plus its record and
 * runner in ndk-api's {@link Step}.
 */
final class StepKinds {
  /** How one step's arguments become its {@link Step}; null after reporting a problem. */
  @FunctionalInterface
  interface Binding {
    Step bind(StepArgs args);
  }

  /**
   * @param primary the key a bare value stands for ({@code close: qp}), null when the step takes
   *     only a mapping, or {@link StepArgs#VALUE} when its argument is one value ({@code runFor:
   *     5us})
   */
  record Kind(String primary, Binding binding) {}

  private static final long DEFAULT_CQ_DEPTH = 64;
  private static final long DEFAULT_QP_DEPTH = 16;
  private static final long DEFAULT_INLINE_BYTES = 64;
  private static final long DEFAULT_POST_BYTES = 64;
  private static final int DEFAULT_PORT = 4791;
  private static final long MAX_ULONG = 4_294_967_295L;

  private static final Map<String, Integer> FLAGS = new LinkedHashMap<>();
  private static final Map<String, NdkCqNotificationType> ARM_TYPES = new LinkedHashMap<>();
  private static final Map<String, Step.WaitKind> WAITS = new LinkedHashMap<>();
  private static final Map<String, FirmwareCommandKind> COMMANDS = new LinkedHashMap<>();
  private static final Map<String, NtStatus> FAILURES = new LinkedHashMap<>();
  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

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
    for (FirmwareCommandKind kind : FirmwareCommandKind.values()) {
      COMMANDS.put(kind.name(), kind);
    }
    NtStatus.knownStatuses()
        .forEach(
            (name, status) -> {
              if (status.isError()) {
                FAILURES.put(name, status);
              }
            });

    step("openAdapter", "as", a -> new Step.OpenAdapter(a.declare("as"), a.hostIfGiven("host")));
    step(
        "createCq",
        "as",
        a ->
            new Step.CreateCq(
                a.declare("as"),
                a.useIfGiven("adapter"),
                a.integer("depth", 1, MAX_ULONG, DEFAULT_CQ_DEPTH),
                (int) a.integer("core", 0, 63, -1)));
    step("createPd", "as", a -> new Step.CreatePd(a.declare("as"), a.useIfGiven("adapter")));
    step(
        "createMr",
        null,
        a -> new Step.CreateMr(a.declare("as"), a.use("pd"), a.bool("fastRegister", false)));
    step("createQp", null, StepKinds::createQp);
    step(
        "createConnector",
        "as",
        a -> new Step.CreateConnector(a.declare("as"), a.useIfGiven("adapter")));
    step(
        "createListener",
        "as",
        a -> new Step.CreateListener(a.declare("as"), a.useIfGiven("adapter")));
    step("listen", "listener", a -> new Step.Listen(a.use("listener"), port(a)));
    step(
        "connect",
        null,
        a -> new Step.Connect(a.use("connector"), a.use("qp"), a.host("host"), port(a)));
    step("accept", null, a -> new Step.Accept(a.use("connector"), a.use("qp")));
    step("completeConnect", "connector", a -> new Step.CompleteConnect(a.use("connector")));
    step("disconnect", "connector", a -> new Step.Disconnect(a.use("connector")));
    step("armCq", "cq", StepKinds::armCq);
    step("controlCqInterruptModeration", null, StepKinds::controlModeration);
    step("receive", "qp", a -> post(Step.PostKind.RECEIVE, a));
    step("send", "qp", a -> post(Step.PostKind.SEND, a));
    step("write", "qp", a -> post(Step.PostKind.WRITE, a));
    step("flush", "qp", a -> new Step.Flush(a.use("qp")));
    step("getCqResults", "cq", a -> new Step.GetCqResults(a.use("cq")));
    step("close", "object", a -> new Step.Close(a.use("object")));
    step("closeAdapter", "adapter", a -> new Step.CloseAdapter(a.useIfGiven("adapter")));
    step("waitFor", null, StepKinds::waitFor);
    step("runFor", StepArgs.VALUE, a -> new Step.RunFor(a.requiredDuration()));
    step("runUntil", StepArgs.VALUE, a -> new Step.RunUntil(a.requiredDuration()));
    step("settle", StepArgs.VALUE, StepKinds::settle);
    step(
        "repeat",
        null,
        a ->
            new Step.Repeat(
                (int) a.integer("times", 1, 10_000, 1),
                a.duration("every", 0),
                a.steps("steps", a.inCallback())));
    step("whenNotified", null, a -> new Step.WhenNotified(a.use("cq"), a.steps("do", true)));
    step("failNextCommand", null, StepKinds::failNextCommand);
    step("measure", "cq", a -> new Step.Measure(a.use("cq")));
  }

  private StepKinds() {}

  private static void step(String key, String primary, Binding binding) {
    KINDS.put(key, new Kind(primary, binding));
  }

  /** The step called {@code key}, or null when there is none. */
  static Kind of(String key) {
    return KINDS.get(key);
  }

  /** Every step key, for messages. */
  static List<String> names() {
    return List.copyOf(KINDS.keySet());
  }

  private static int port(StepArgs a) {
    return (int) a.integer("port", 1, 65_535, DEFAULT_PORT);
  }

  private static Step createQp(StepArgs a) {
    String pd = a.use("pd");
    String cq = a.useIfGiven("cq");
    String receiveCq = a.has("receiveCq") ? a.use("receiveCq") : cq;
    String initiatorCq = a.has("initiatorCq") ? a.use("initiatorCq") : cq;
    if (receiveCq == null || initiatorCq == null) {
      a.problem(a.path(), "'" + a.path() + "' needs 'cq', or both 'receiveCq' and 'initiatorCq'");
    }
    return new Step.CreateQp(
        a.declare("as"),
        pd,
        receiveCq,
        initiatorCq,
        a.integer("depth", 1, 16_384, DEFAULT_QP_DEPTH),
        a.bytes("inlineData", DEFAULT_INLINE_BYTES));
  }

  private static Step armCq(StepArgs a) {
    String cq = a.use("cq");
    NdkCqNotificationType type = a.has("type") ? a.choice("type", ARM_TYPES) : null;
    return new Step.ArmCq(cq, type != null ? type : NdkCqNotificationType.ANY);
  }

  private static Step controlModeration(StepArgs a) {
    String cq = a.use("cq");
    long intervalPs = a.duration("interval", 0);
    if (intervalPs % SimTime.PS_PER_US != 0) {
      a.problem(
          a.at("interval"), "'" + a.at("interval") + "' must be whole microseconds (ULONG us)");
    }
    return new Step.ControlModeration(
        cq, intervalPs / SimTime.PS_PER_US, a.integer("count", 0, MAX_ULONG, 0));
  }

  /** A receive, send or write. */
  private static Step post(Step.PostKind kind, StepArgs a) {
    String qp = a.use("qp");
    int flags = 0;
    List<JsonNode> given = a.list("flags");
    for (int i = 0; i < given.size(); i++) {
      String at = LessonTree.index(a.at("flags"), i);
      Integer flag = a.choiceOf(given.get(i), at, FLAGS);
      if (flag != null) {
        flags |= flag;
      }
    }
    if (kind == Step.PostKind.RECEIVE && flags != 0) {
      a.problem(a.at("flags"), "a receive takes no flags");
    }
    return new Step.Post(
        kind,
        qp,
        (int) a.integer("count", 1, 1024, 1),
        a.bytes("bytes", DEFAULT_POST_BYTES),
        flags,
        a.bool("deferAll", false));
  }

  private static Step waitFor(StepArgs a) {
    Step.WaitKind kind = null;
    String object = null;
    for (Map.Entry<String, Step.WaitKind> wait : WAITS.entrySet()) {
      if (a.has(wait.getKey())) {
        if (kind != null) {
          a.problem(a.path(), "'" + a.path() + "' waits for one thing at a time");
        }
        kind = wait.getValue();
        object = a.use(wait.getKey());
      }
    }
    boolean named = a.has("as");
    if (kind == null) {
      a.problem(a.path(), "'" + a.path() + "' needs one of " + String.join(", ", WAITS.keySet()));
      return null;
    }
    String as = null;
    if (named) {
      if (kind != Step.WaitKind.CONNECT_EVENT) {
        a.problem(a.at("as"), "'as' names the connector of a connectEvent only");
      } else {
        as = a.declare("as");
      }
    }
    return new Step.WaitFor(kind, object, as);
  }

  private static Step settle(StepArgs a) {
    JsonNode value = a.value();
    if (value != null && !value.isNull() && !(value.isBoolean() && value.asBoolean())) {
      a.problem(a.path(), "'settle' takes no arguments (write '- settle')");
    }
    return new Step.Settle();
  }

  private static Step failNextCommand(StepArgs a) {
    String host = a.hostIfGiven("host");
    FirmwareCommandKind command = a.choice("command", COMMANDS);
    NtStatus status = a.choice("status", FAILURES);
    if (command == null || status == null) {
      return null;
    }
    return new Step.FailNextCommand(host, command, status);
  }
}
