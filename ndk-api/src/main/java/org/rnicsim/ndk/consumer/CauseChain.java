package org.rnicsim.ndk.consumer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.engine.SimTime;
import org.rnicsim.model.adapter.firmware.CommandStatus;
import org.rnicsim.model.adapter.firmware.FirmwareCommandKind;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent;

/**
 * Puts the adapter's side of a run on the timeline with the links a pending operation resolves by
 * (ndkpi-spec 2, 3): the call that issued a firmware command, the command's execution, its
 * completion EQE, the MSI-X that announces the EQE, the DPC that drains it and the callback that
 * DPC starts. Each entry it adds names its cause; hosts come from the adapter names the firmware
 * and interrupt trace events carry, so a two-host run keeps each host's hardware apart.
 */
final class CauseChain {

  /** Where the chain writes entries: the recorder, which returns each entry's index. */
  interface Entries {
    int add(TimelineEntry entry);

    /** The index of the entry recorded last, or -1. */
    int last();

    /** The entry at {@code index}, as recorded. */
    TimelineEntry get(int index);

    void set(int index, TimelineEntry entry);
  }

  /** A command the driver queued: which entry caused it and what to call it. */
  private record Submission(int cause, String by, String why, long submittedPs) {}

  private final Entries entries;
  // Calls that returned PENDING and whose command the provider issues later, per host and kind.
  private final Map<String, ArrayDeque<Integer>> waitingCalls = new HashMap<>();
  private final Map<String, Submission> submissions = new HashMap<>();
  private final Map<String, Integer> issued = new HashMap<>();
  private final Map<String, List<Integer>> eqesWithoutMsiX = new HashMap<>();
  private final Map<String, Integer> lastMsiX = new HashMap<>();
  private final Map<String, Integer> eventQueueCores = new HashMap<>();
  private final Map<String, List<Integer>> msiXWithoutCore = new HashMap<>();
  private final Map<String, List<String>> completedInDpc = new HashMap<>();
  private final Map<String, Integer> dpcOfObject = new HashMap<>();
  private final Map<String, Integer> lastDpcOnCore = new HashMap<>();
  private int currentCall = -1;
  private final List<FirmwareCommandKind> submittedInCall = new ArrayList<>();

  CauseChain(Entries entries) {
    this.entries = entries;
  }

  // ---- consumer calls ----

  void callBegan(int index) {
    currentCall = index;
    submittedInCall.clear();
  }

  /**
   * The call returned; a PENDING create or close that did not issue its command yet waits for the
   * provider to issue it (after a running callback returns, or outstanding work drains).
   */
  void callEnded(int index, String status) {
    currentCall = -1;
    TimelineEntry call = entries.get(index);
    FirmwareCommandKind kind = commandOf(call.what());
    if (kind != null && "STATUS_PENDING".equals(status) && !submittedInCall.contains(kind)) {
      waitingCalls.computeIfAbsent(call.host() + "/" + kind, k -> new ArrayDeque<>()).add(index);
    }
  }

  /** The firmware command a create or close of this name stands for, or null. */
  static FirmwareCommandKind commandOf(String call) {
    return switch (call) {
      case "CreateCq" -> FirmwareCommandKind.CREATE_CQ;
      case "CreateQp", "CreateQpWithSrq" -> FirmwareCommandKind.CREATE_QP;
      case "CreateSrq" -> FirmwareCommandKind.CREATE_SRQ;
      case "CloseCq" -> FirmwareCommandKind.DESTROY_CQ;
      case "CloseQp" -> FirmwareCommandKind.DESTROY_QP;
      case "CloseSrq" -> FirmwareCommandKind.DESTROY_SRQ;
      case "CloseMr" -> FirmwareCommandKind.DEREGISTER_MR;
      default -> null;
    };
  }

  // ---- callbacks ----

  /**
   * The cause of a callback on {@code object}: the DPC that completed the object's command, else
   * the last DPC on the host and core the callback runs on, else -1.
   */
  int causeOfCallback(String host, String object, int core) {
    Integer dpc = dpcOfObject.remove(host + "/" + object);
    if (dpc != null) {
      return dpc;
    }
    return lastDpcOnCore.getOrDefault(host + "/" + core, -1);
  }

  // ---- firmware ----

  void onFirmware(FirmwareTraceEvent event) {
    if (event instanceof FirmwareTraceEvent.CommandSubmitted submitted) {
      submitted(submitted);
    } else if (event instanceof FirmwareTraceEvent.CommandIssued cmd) {
      Submission s = submissions.get(key(cmd.adapter(), cmd.token()));
      if (s == null) {
        return;
      }
      long waitedPs = cmd.timePs() - s.submittedPs();
      String sentence =
          "The driver hands "
              + cmd.kind()
              + " to the adapter's firmware "
              + s.why()
              + (waitedPs > 0
                  ? ", after waiting "
                      + us(waitedPs)
                      + " for a firmware slot held by an earlier command."
                  : ".")
              + (cmd.executionPs() < 0 ? " It never finishes: the lesson made it hang." : "");
      int index =
          entries.add(
              entry(cmd.timePs(), Actor.PROVIDER, "firmware " + cmd.kind() + " issued", s.by())
                  .withSentence(sentence)
                  .placed(cmd.adapter(), s.cause()));
      issued.put(key(cmd.adapter(), cmd.token()), index);
    } else if (event instanceof FirmwareTraceEvent.CommandExecuted done) {
      int doneIndex =
          entries.add(
              entry(done.timePs(), Actor.ADAPTER, "firmware " + done.kind() + " done", "")
                  .withSentence(Explanations.firmwareDone(done.kind().name()))
                  .placed(done.adapter(), issued.getOrDefault(key(done), -1)));
      int eqe =
          entries.add(
              entry(done.timePs(), Actor.ADAPTER, "EQE", "command " + done.kind())
                  .withSentence(
                      "The adapter writes the command's completion to its command event queue.")
                  .placed(done.adapter(), doneIndex));
      eqesWithoutMsiX.computeIfAbsent(done.adapter(), a -> new ArrayList<>()).add(eqe);
    } else if (event instanceof FirmwareTraceEvent.CommandCompleted completed) {
      completedInDpc
          .computeIfAbsent(completed.adapter(), a -> new ArrayList<>())
          .add(key(completed));
      if (completed.status() != CommandStatus.SUCCESS) {
        entries.add(
            entry(
                    completed.timePs(),
                    Actor.ADAPTER,
                    "firmware " + completed.kind(),
                    completed.status().name())
                .withSentence("The driver gives up on the command: " + completed.status() + ".")
                .placed(completed.adapter(), issued.getOrDefault(key(completed), -1)));
      }
    }
  }

  private void submitted(FirmwareTraceEvent.CommandSubmitted cmd) {
    int cause;
    String by;
    String why;
    if (currentCall >= 0) {
      cause = currentCall;
      submittedInCall.add(cmd.kind());
      by = "for " + callName(cause);
      why = "during " + callName(cause);
    } else {
      ArrayDeque<Integer> waiting = waitingCalls.get(cmd.adapter() + "/" + cmd.kind());
      Integer call = waiting == null ? null : waiting.poll();
      if (call != null) {
        cause = call;
        by = "for " + callName(call);
        why =
            "for the earlier "
                + callName(call)
                + ", now that no callback or request on the object holds it back";
      } else {
        cause = lastOn(cmd.adapter());
        by = "by the provider";
        why = "on its own account (" + providerReason(cmd.kind()) + ")";
      }
    }
    submissions.put(key(cmd.adapter(), cmd.token()), new Submission(cause, by, why, cmd.timePs()));
  }

  /** The entry recorded last on {@code host}: what the provider was doing when it acted. */
  private int lastOn(String host) {
    for (int i = entries.last(); i >= 0; i--) {
      if (entries.get(i).host().equals(host)) {
        return i;
      }
    }
    return -1;
  }

  private static String providerReason(FirmwareCommandKind kind) {
    return kind == FirmwareCommandKind.MODIFY_QP
        ? "a QP state change: to INIT after its create, towards a connection, or out of service"
        : "housekeeping the consumer did not ask for";
  }

  private String callName(int index) {
    TimelineEntry call = entries.get(index);
    return call.object().isEmpty() ? call.what() : call.what() + " " + call.object();
  }

  // ---- interrupts ----

  void onInterrupt(InterruptTraceEvent event) {
    if (event instanceof InterruptTraceEvent.CqEventRaised raised) {
      int eqe =
          entries.add(
              entry(
                      raised.timePs(),
                      Actor.ADAPTER,
                      "EQE",
                      raised.cqeCount() + (raised.cqeCount() == 1 ? " CQE" : " CQEs"))
                  .withSentence(Explanations.eqe())
                  .placed(raised.adapter(), -1));
      eqesWithoutMsiX.computeIfAbsent(raised.adapter(), a -> new ArrayList<>()).add(eqe);
    } else if (event instanceof InterruptTraceEvent.MsiXSent msiX) {
      List<Integer> eqes = eqesWithoutMsiX.remove(msiX.adapter());
      int cause = eqes == null || eqes.isEmpty() ? -1 : eqes.get(0);
      String eq = msiX.adapter() + "/" + msiX.eventQueueId();
      int index =
          entries.add(
              entry(msiX.timePs(), Actor.INTERRUPT, "MSI-X", "vector " + msiX.eventQueueId())
                  .withSentence(Explanations.msiX())
                  .placed(msiX.adapter(), cause));
      lastMsiX.put(eq, index);
      msiXWithoutCore.computeIfAbsent(eq, k -> new ArrayList<>()).add(index);
    } else if (event instanceof InterruptTraceEvent.IsrStarted isr) {
      String eq = isr.adapter() + "/" + isr.eventQueueId();
      eventQueueCores.put(eq, isr.core());
      List<Integer> waiting = msiXWithoutCore.remove(eq);
      if (waiting != null) {
        for (int index : waiting) {
          entries.set(index, entries.get(index).withCore(isr.core()));
        }
      }
    } else if (event instanceof InterruptTraceEvent.DpcDrained dpc) {
      String eq = dpc.adapter() + "/" + dpc.eventQueueId();
      int core = eventQueueCores.getOrDefault(eq, -1);
      int index =
          entries.add(
              entry(
                      dpc.timePs(),
                      Actor.DPC,
                      "DPC",
                      dpc.entries() + (dpc.entries() == 1 ? " EQE" : " EQEs"))
                  .withSentence(Explanations.dpc(dpc.entries()))
                  .withCore(core)
                  .placed(dpc.adapter(), lastMsiX.getOrDefault(eq, -1)));
      lastDpcOnCore.put(dpc.adapter() + "/" + core, index);
      List<String> commands = completedInDpc.remove(dpc.adapter());
      if (commands != null) {
        for (String command : commands) {
          Submission s = submissions.get(command);
          if (s != null && s.cause() >= 0 && entries.get(s.cause()).kind() == EntryKind.CALL) {
            TimelineEntry call = entries.get(s.cause());
            dpcOfObject.put(dpc.adapter() + "/" + call.object(), index);
          }
        }
      }
    }
  }

  private static TimelineEntry entry(long timePs, Actor actor, String what, String status) {
    EntryKind kind =
        actor == Actor.INTERRUPT || actor == Actor.DPC ? EntryKind.INTERRUPT : EntryKind.HARDWARE;
    return new TimelineEntry(timePs, actor, kind, what, "", status, "", -1, timePs, "", -1);
  }

  private static String key(String adapter, long token) {
    return adapter + "#" + token;
  }

  private static String key(FirmwareTraceEvent.CommandExecuted e) {
    return key(e.adapter(), e.token());
  }

  private static String key(FirmwareTraceEvent.CommandCompleted e) {
    return key(e.adapter(), e.token());
  }

  private static String us(long ps) {
    return String.format(Locale.ROOT, "%.3f us", SimTime.toUs(ps));
  }
}
