package org.rnicsim.experiments.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.experiments.study.Size;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.ndk.api.constant.NdkCqNotificationType;
import org.rnicsim.ndk.api.constant.NdkOpFlag;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.consumer.Step;

/**
 * The words steps choose from (post flags, CQ arming types, what to wait for, firmware commands and
 * the failures they can be made to return), and the steps whose checks read several of them.
 */
final class StepChoices {
  static final Map<String, Integer> FLAGS = new LinkedHashMap<>();
  static final Map<String, NdkCqNotificationType> ARM_TYPES = new LinkedHashMap<>();
  static final Map<String, FirmwareCommandKind> COMMANDS = new LinkedHashMap<>();
  static final Map<String, NtStatus> FAILURES = new LinkedHashMap<>();

  static {
    FLAGS.put("defer", NdkOpFlag.DEFER.value());
    FLAGS.put("solicitEvent", NdkOpFlag.SEND_AND_SOLICIT_EVENT.value());
    FLAGS.put("silentSuccess", NdkOpFlag.SILENT_SUCCESS.value());
    FLAGS.put("inline", NdkOpFlag.INLINE.value());
    FLAGS.put("readFence", NdkOpFlag.READ_FENCE.value());
    ARM_TYPES.put("any", NdkCqNotificationType.ANY);
    ARM_TYPES.put("solicited", NdkCqNotificationType.SOLICITED);
    ARM_TYPES.put("errors", NdkCqNotificationType.ERRORS);
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
  }

  private StepChoices() {}

  /** A receive, send or write. */
  static Step post(
      Step.PostKind kind,
      StepCheck c,
      String qp,
      Long count,
      Size bytes,
      List<String> flags,
      Boolean deferAll) {
    String qpName = c.use("qp", qp);
    int bits = 0;
    List<String> given = flags == null ? List.of() : flags;
    for (int i = 0; i < given.size(); i++) {
      Integer flag = c.choiceAt(c.at("flags") + "[" + i + "]", given.get(i), FLAGS);
      if (flag != null) {
        bits |= flag;
      }
    }
    if (kind == Step.PostKind.RECEIVE && bits != 0) {
      c.problem(c.at("flags"), "a receive takes no flags");
    }
    return new Step.Post(
        kind,
        qpName,
        (int) c.integer("count", count, 1, 1024, 1),
        c.bytes(bytes, StepSpec.DEFAULT_POST_BYTES),
        bits,
        c.bool(deferAll, false));
  }

  /** {@code waitFor}: one of created, closed, ... naming its object; {@code as} for a connector. */
  static Step waitFor(StepCheck c, StepSpec.WaitFor w) {
    Map<String, Step.WaitKind> waits = new LinkedHashMap<>();
    Map<String, String> objects = new LinkedHashMap<>();
    given(waits, objects, "created", Step.WaitKind.CREATED, w.created());
    given(waits, objects, "closed", Step.WaitKind.CLOSED, w.closed());
    given(waits, objects, "notification", Step.WaitKind.NOTIFICATION, w.notification());
    given(waits, objects, "completion", Step.WaitKind.COMPLETION, w.completion());
    given(waits, objects, "connectEvent", Step.WaitKind.CONNECT_EVENT, w.connectEvent());
    given(waits, objects, "disconnectEvent", Step.WaitKind.DISCONNECT_EVENT, w.disconnectEvent());
    if (objects.isEmpty()) {
      c.problem(c.path(), "'" + c.path() + "' needs one of " + String.join(", ", waits.keySet()));
      return null;
    }
    if (objects.size() > 1) {
      c.problem(c.path(), "'" + c.path() + "' waits for one thing at a time");
    }
    String key = objects.keySet().iterator().next();
    String object = c.use(key, objects.get(key));
    Step.WaitKind kind = waits.get(key);
    String as = null;
    if (w.as() != null) {
      if (kind != Step.WaitKind.CONNECT_EVENT) {
        c.problem(c.at("as"), "'as' names the connector of a connectEvent only");
      } else {
        as = c.declare("as", w.as());
      }
    }
    return new Step.WaitFor(kind, object, as);
  }

  private static void given(
      Map<String, Step.WaitKind> waits,
      Map<String, String> objects,
      String key,
      Step.WaitKind kind,
      String object) {
    waits.put(key, kind);
    if (object != null) {
      objects.put(key, object);
    }
  }

  static Step failNextCommand(StepCheck c, String host, String command, String status) {
    String hostName = c.hostIfGiven("host", host);
    FirmwareCommandKind kind = c.choice("command", command, COMMANDS);
    NtStatus failure = c.choice("status", status, FAILURES);
    if (kind == null || failure == null) {
      return null;
    }
    return new Step.FailNextCommand(hostName, kind, failure);
  }
}
