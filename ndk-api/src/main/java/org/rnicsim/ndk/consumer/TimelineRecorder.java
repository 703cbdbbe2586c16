package org.rnicsim.ndk.consumer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.rnicsim.engine.trace.TraceEvent;
import org.rnicsim.engine.trace.TraceSink;
import org.rnicsim.model.adapter.firmware.CommandStatus;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.CallbackKind;
import org.rnicsim.ndk.provider.runtime.ProviderTraceEvent;
import org.rnicsim.ndk.verifier.Violation;

/**
 * Collects a run's timeline: the consumer's calls and callbacks (told by the interpreter), and the
 * provider's and hardware's side from the simulator's trace. A callback start is paired with the
 * provider's {@code CallbackStarted} trace event emitted just before the consumer's code runs,
 * which gives its core and modelled return; the matching {@code CallbackReturned} gives the return.
 */
final class TimelineRecorder implements TraceSink {

  /** A callback that has started and not yet returned in modelled time. */
  private record Running(
      String subject,
      CallbackKind kind,
      long returnPs,
      String object,
      String what,
      int core,
      Runnable onReturn) {}

  private final LongSupplier clockPs;
  private final List<TimelineEntry> entries = new ArrayList<>();
  private final List<StateChange> states = new ArrayList<>();
  private final Map<String, Timeline.Lane> lanes = new LinkedHashMap<>();
  private final List<Running> running = new ArrayList<>();
  private final Map<Integer, Integer> eventQueueCores = new HashMap<>();
  private final Map<Integer, List<Integer>> msiXWithoutCore = new HashMap<>();
  private ProviderTraceEvent.CallbackStarted lastStarted;
  private String callObject = "";
  private int openCall = -1;
  private int doorbellsInCall;

  TimelineRecorder(LongSupplier clockPs) {
    this.clockPs = clockPs;
  }

  long now() {
    return clockPs.getAsLong();
  }

  // ---- Lanes and states ----

  void lane(String object, String kind, String host) {
    lanes.putIfAbsent(object, new Timeline.Lane(object, kind, host));
  }

  void state(String object, LaneState state) {
    stateAt(now(), object, state);
  }

  void stateAt(long timePs, String object, LaneState state) {
    Timeline.Lane lane = lanes.get(object);
    states.add(new StateChange(timePs, object, lane == null ? "" : lane.kind(), state));
  }

  // ---- Consumer calls ----

  /** A consumer call on {@code object} begins; returns its entry's index for {@link #endCall}. */
  int beginCall(String what, String object) {
    callObject = object;
    doorbellsInCall = 0;
    entries.add(entry(Actor.CONSUMER, EntryKind.CALL, what, object, "", ""));
    openCall = entries.size() - 1;
    return openCall;
  }

  /**
   * The call begun last never returned: the verifier or the provider refused it as consumer misuse
   * ({@link NdkMisuseException}, no status).
   */
  void refused(NdkMisuseException misuse, String sentence) {
    if (openCall >= 0) {
      endCall(openCall, "refused (consumer rule " + misuse.rule() + ")", sentence);
    }
  }

  /** The call returned {@code status}; {@code sentence} explains it. */
  void endCall(int index, String status, String sentence) {
    TimelineEntry begun = entries.get(index);
    entries.set(
        index,
        new TimelineEntry(
            begun.timePs(),
            begun.actor(),
            begun.kind(),
            begun.what(),
            begun.object(),
            status,
            sentence,
            -1,
            begun.timePs()));
    callObject = "";
    openCall = -1;
  }

  /** Doorbells the call in progress (or the last one) rang. */
  int doorbellsInCall() {
    return doorbellsInCall;
  }

  void note(Actor actor, String what, String object, String status, String sentence) {
    entries.add(entry(actor, EntryKind.NOTE, what, object, status, sentence));
  }

  // ---- Callbacks ----

  /**
   * The consumer's code of a callback runs now.
   *
   * @param onReturn runs when the callback returns in modelled time (at once if unknown)
   */
  void callbackStarted(
      CallbackKind kind,
      String what,
      String object,
      String status,
      String sentence,
      Runnable onReturn) {
    ProviderTraceEvent.CallbackStarted started = lastStarted;
    lastStarted = null;
    boolean paired = started != null && started.kind() == kind && started.timePs() == now();
    int core = paired ? started.core() : -1;
    long returnPs = paired ? started.returnPs() : now();
    entries.add(
        new TimelineEntry(
            now(),
            Actor.PROVIDER,
            EntryKind.CALLBACK,
            what,
            object,
            status,
            sentence,
            core,
            returnPs));
    if (paired && returnPs > now()) {
      running.add(new Running(started.subject(), kind, returnPs, object, what, core, onReturn));
    } else {
      onReturn.run();
    }
  }

  // ---- Provider and hardware, from the trace ----

  @Override
  public void accept(TraceEvent event) {
    if (event instanceof ProviderTraceEvent provider) {
      onProvider(provider);
    } else if (event instanceof FirmwareTraceEvent.CommandIssued issued) {
      // The adapter finishes the command executionPs after issuing it; the trace reports the
      // completion only when the driver's DPC sees it, so the entry is placed at the device's time.
      if (issued.executionPs() >= 0) {
        long donePs = issued.timePs() + issued.executionPs();
        entries.add(
            new TimelineEntry(
                donePs,
                Actor.ADAPTER,
                EntryKind.HARDWARE,
                "firmware " + issued.kind() + " done",
                "",
                "",
                Explanations.firmwareDone(issued.kind().name()),
                -1,
                donePs));
      }
    } else if (event instanceof FirmwareTraceEvent.CommandCompleted done
        && done.status() != CommandStatus.SUCCESS) {
      entries.add(
          entry(
              Actor.ADAPTER,
              EntryKind.HARDWARE,
              "firmware " + done.kind(),
              "",
              done.status().name(),
              "The driver gives up on the command: " + done.status().name() + "."));
    } else if (event instanceof InterruptTraceEvent interrupt) {
      onInterrupt(interrupt);
    }
  }

  private void onProvider(ProviderTraceEvent event) {
    if (event instanceof ProviderTraceEvent.CallbackStarted started) {
      lastStarted = started;
    } else if (event instanceof ProviderTraceEvent.CallbackReturned returned) {
      callbackReturned(returned);
    } else if (event instanceof ProviderTraceEvent.DoorbellRung rung) {
      doorbellsInCall++;
      entries.add(
          entry(
              Actor.PROVIDER,
              EntryKind.HARDWARE,
              "Doorbell",
              callObject,
              rung.requests() + (rung.requests() == 1 ? " request" : " requests"),
              Explanations.doorbell(rung.requests())));
    }
  }

  private void callbackReturned(ProviderTraceEvent.CallbackReturned returned) {
    for (Iterator<Running> it = running.iterator(); it.hasNext(); ) {
      Running r = it.next();
      if (r.kind() == returned.kind()
          && r.returnPs() == returned.timePs()
          && r.subject().equals(returned.subject())) {
        it.remove();
        entries.add(
            new TimelineEntry(
                now(),
                Actor.CONSUMER,
                EntryKind.CALLBACK_RETURN,
                r.what(),
                r.object(),
                "returned",
                Explanations.callbackReturn(r.kind()),
                r.core(),
                now()));
        r.onReturn().run();
        return;
      }
    }
  }

  private void onInterrupt(InterruptTraceEvent event) {
    if (event instanceof InterruptTraceEvent.CqEventRaised raised) {
      entries.add(
          entry(
              Actor.ADAPTER,
              EntryKind.HARDWARE,
              "EQE",
              "",
              raised.cqeCount() + (raised.cqeCount() == 1 ? " CQE" : " CQEs"),
              Explanations.eqe()));
    } else if (event instanceof InterruptTraceEvent.MsiXSent msiX) {
      entries.add(
          entry(
              Actor.INTERRUPT,
              EntryKind.INTERRUPT,
              "MSI-X",
              "",
              "vector " + msiX.eventQueueId(),
              Explanations.msiX()));
      msiXWithoutCore
          .computeIfAbsent(msiX.eventQueueId(), id -> new ArrayList<>())
          .add(entries.size() - 1);
    } else if (event instanceof InterruptTraceEvent.IsrStarted isr) {
      eventQueueCores.put(isr.eventQueueId(), isr.core());
      List<Integer> waiting = msiXWithoutCore.remove(isr.eventQueueId());
      if (waiting != null) {
        for (int index : waiting) {
          TimelineEntry e = entries.get(index);
          entries.set(
              index,
              new TimelineEntry(
                  e.timePs(),
                  e.actor(),
                  e.kind(),
                  e.what(),
                  e.object(),
                  e.status(),
                  e.sentence(),
                  isr.core(),
                  e.endPs()));
        }
      }
    } else if (event instanceof InterruptTraceEvent.DpcDrained dpc) {
      TimelineEntry e =
          entry(
              Actor.DPC,
              EntryKind.INTERRUPT,
              "DPC",
              "",
              dpc.entries() + (dpc.entries() == 1 ? " EQE" : " EQEs"),
              Explanations.dpc(dpc.entries()));
      int core = eventQueueCores.getOrDefault(dpc.eventQueueId(), -1);
      entries.add(
          new TimelineEntry(
              e.timePs(),
              e.actor(),
              e.kind(),
              e.what(),
              e.object(),
              e.status(),
              e.sentence(),
              core,
              e.timePs()));
    }
  }

  /** A completion entered {@code cq} ({@code request} names the post). */
  void cqEntry(String cq, String request, NtStatus status) {
    entries.add(
        entry(
            Actor.ADAPTER,
            EntryKind.HARDWARE,
            "CQE",
            cq,
            request + " " + status.name(),
            Explanations.cqe(status)));
  }

  void violation(Violation v, String object) {
    entries.add(
        new TimelineEntry(
            v.timePs(),
            Actor.VERIFIER,
            EntryKind.VIOLATION,
            v.ruleName(),
            object,
            "broken by the " + v.side().name().toLowerCase(java.util.Locale.ROOT),
            v.happened(),
            -1,
            v.timePs()));
  }

  /** Entries so far, in the order recorded (for measurements). */
  List<TimelineEntry> entries() {
    return entries;
  }

  /** The finished timeline, entries in time order (ties keep the order they happened in). */
  Timeline build(
      long endPs,
      List<Script.Explanation> explanations,
      List<Violation> violations,
      String report) {
    List<TimelineEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(TimelineEntry::timePs));
    for (Script.Explanation explanation : explanations) {
      for (int i = 0; i < sorted.size(); i++) {
        TimelineEntry e = sorted.get(i);
        if (e.what().equals(explanation.what())
            && (explanation.object().isEmpty() || explanation.object().equals(e.object()))) {
          sorted.set(i, e.withSentence(explanation.say()));
          break;
        }
      }
    }
    List<StateChange> orderedStates = new ArrayList<>(states);
    orderedStates.sort(Comparator.comparingLong(StateChange::timePs));
    return new Timeline(
        sorted, orderedStates, List.copyOf(lanes.values()), endPs, violations, report);
  }

  private TimelineEntry entry(
      Actor actor, EntryKind kind, String what, String object, String status, String sentence) {
    long now = now();
    return new TimelineEntry(now, actor, kind, what, object, status, sentence, -1, now);
  }
}
