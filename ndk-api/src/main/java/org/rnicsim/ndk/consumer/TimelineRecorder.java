package org.rnicsim.ndk.consumer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.rnicsim.engine.trace.TraceEvent;
import org.rnicsim.engine.trace.TraceSink;
import org.rnicsim.model.adapter.firmware.FirmwareTraceEvent;
import org.rnicsim.model.adapter.interrupt.InterruptTraceEvent;
import org.rnicsim.ndk.api.NdkMisuseException;
import org.rnicsim.ndk.api.status.NtStatus;
import org.rnicsim.ndk.provider.policy.CallbackKind;
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
  private final CauseChain chain = new CauseChain(new ChainEntries());
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
    chain.callBegan(entries.size() - 1);
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
            begun.timePs(),
            begun.host(),
            -1));
    chain.callEnded(index, status);
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
    String host = hostOf(object);
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
            returnPs,
            host,
            chain.causeOfCallback(host, object, core)));
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
    } else if (event instanceof FirmwareTraceEvent firmware) {
      chain.onFirmware(firmware);
    } else if (event instanceof InterruptTraceEvent interrupt) {
      chain.onInterrupt(interrupt);
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
                now(),
                hostOf(r.object()),
                -1));
        r.onReturn().run();
        return;
      }
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
            v.timePs(),
            hostOf(object),
            -1));
  }

  /** Entries so far, in the order recorded (for measurements). */
  List<TimelineEntry> entries() {
    return entries;
  }

  /**
   * The finished timeline, entries in time order (ties keep the order they happened in), each cause
   * pointing at its entry's new place; a call or callback the verifier flags at once gets the
   * verifier's words instead of the sentence for a normal one.
   */
  Timeline build(
      long endPs,
      List<Script.Explanation> explanations,
      List<Violation> violations,
      String report) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> entries.get(i).timePs()));
    int[] placeOf = new int[entries.size()];
    for (int place = 0; place < order.size(); place++) {
      placeOf[order.get(place)] = place;
    }
    List<TimelineEntry> sorted = new ArrayList<>();
    for (int recorded : order) {
      TimelineEntry e = entries.get(recorded);
      String host = e.host().isEmpty() ? hostOf(e.object()) : e.host();
      int cause = e.cause() < 0 ? -1 : placeOf[e.cause()];
      sorted.add(e.placed(host, cause));
    }
    ViolationNotes.flagCulprits(sorted);
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

  private String hostOf(String object) {
    Timeline.Lane lane = lanes.get(object);
    return lane == null ? "" : lane.host();
  }

  /** The recorder's entries as the cause chain sees them. */
  private final class ChainEntries implements CauseChain.Entries {
    @Override
    public int add(TimelineEntry entry) {
      entries.add(entry);
      return entries.size() - 1;
    }

    @Override
    public int last() {
      return entries.size() - 1;
    }

    @Override
    public TimelineEntry get(int index) {
      return entries.get(index);
    }

    @Override
    public void set(int index, TimelineEntry entry) {
      entries.set(index, entry);
    }
  }

  private TimelineEntry entry(
      Actor actor, EntryKind kind, String what, String object, String status, String sentence) {
    long now = now();
    return new TimelineEntry(
        now, actor, kind, what, object, status, sentence, -1, now, hostOf(object), -1);
  }
}
