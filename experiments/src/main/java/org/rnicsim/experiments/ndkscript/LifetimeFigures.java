package org.rnicsim.experiments.ndkscript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnicsim.engine.SimTime;
import org.rnicsim.experiments.study.Metric;
import org.rnicsim.ndk.api.constant.NdkObjectType;
import org.rnicsim.ndk.consumer.EntryKind;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.consumer.TimelineEntry;
import org.rnicsim.ndk.verifier.Violation;

/**
 * One replication's figures, read off the script's timeline. A create's latency runs from the call
 * to the start of its create completion (ndkpi-spec 2: the object exists for the consumer from
 * then), 0 when it returned SUCCESS; a close's from the call to the start of its close completion,
 * 0 when it returned SUCCESS (ndkpi-spec 3). A create that failed has no latency; neither has a
 * close the verifier refused (a second close of the same object).
 */
final class LifetimeFigures {
  private static final String SUCCESS = "STATUS_SUCCESS";
  private static final String PENDING = "STATUS_PENDING";

  private final Map<String, Double> values = new HashMap<>();

  private LifetimeFigures() {}

  static LifetimeFigures of(Timeline timeline, ScriptLayout layout) {
    LifetimeFigures figures = new LifetimeFigures();
    figures.latencies(timeline, layout);
    figures.counts(timeline);
    return figures;
  }

  /** The value of each metric, NaN where the script gave none (a kind never created, say). */
  List<Double> valuesFor(List<Metric> metrics) {
    List<Double> out = new ArrayList<>();
    for (Metric metric : metrics) {
      out.add(values.getOrDefault(metric.id(), Double.NaN));
    }
    return out;
  }

  private void latencies(Timeline timeline, ScriptLayout layout) {
    Map<String, Double> createNs = new LinkedHashMap<>();
    Map<String, Double> closeNs = new LinkedHashMap<>();
    List<TimelineEntry> entries = timeline.entries();
    for (int i = 0; i < entries.size(); i++) {
      TimelineEntry e = entries.get(i);
      if (e.kind() != EntryKind.CALL || e.object().isEmpty()) {
        continue;
      }
      String object = e.object();
      if (layout.created().containsKey(object)
          && e.what().startsWith("Create")
          && !createNs.containsKey(object)) {
        Double ns = untilCallback(entries, i, "CreateCompletion", true);
        if (ns != null) {
          createNs.put(object, ns);
        }
      } else if (layout.closed().containsKey(object)
          && e.what().startsWith("Close")
          && !closeNs.containsKey(object)) {
        Double ns = untilCallback(entries, i, "CloseCompletion", false);
        if (ns != null) {
          closeNs.put(object, ns);
        }
      }
    }
    createNs.forEach((name, ns) -> values.put(ScriptLayout.objectCreateId(name), ns));
    closeNs.forEach((name, ns) -> values.put(ScriptLayout.objectCloseId(name), ns));
    for (NdkObjectType kind : layout.createdKinds()) {
      putMean(ScriptLayout.createKindId(kind), createNs, layout.created(), kind);
    }
    for (NdkObjectType kind : layout.closedKinds()) {
      putMean(ScriptLayout.closeKindId(kind), closeNs, layout.closed(), kind);
    }
  }

  /**
   * Nanoseconds from the call at {@code callIndex} to the start of its object's next {@code
   * callback}; 0 for SUCCESS; null when the call failed or the callback never came (or, for a
   * create, came with a failure).
   */
  private static Double untilCallback(
      List<TimelineEntry> entries, int callIndex, String callback, boolean mustSucceed) {
    TimelineEntry call = entries.get(callIndex);
    if (SUCCESS.equals(call.status())) {
      return 0.0;
    }
    if (!PENDING.equals(call.status())) {
      return null;
    }
    for (int j = callIndex + 1; j < entries.size(); j++) {
      TimelineEntry e = entries.get(j);
      if (e.kind() == EntryKind.CALLBACK
          && e.what().equals(callback)
          && e.object().equals(call.object())) {
        if (mustSucceed && !SUCCESS.equals(e.status())) {
          return null;
        }
        return (double) (e.timePs() - call.timePs()) / SimTime.PS_PER_NS;
      }
    }
    return null;
  }

  private void putMean(
      String id,
      Map<String, Double> byObject,
      Map<String, NdkObjectType> kinds,
      NdkObjectType kind) {
    double sum = 0;
    int n = 0;
    for (Map.Entry<String, Double> e : byObject.entrySet()) {
      if (kinds.get(e.getKey()) == kind) {
        sum += e.getValue();
        n++;
      }
    }
    if (n > 0) {
      values.put(id, sum / n);
    }
  }

  private void counts(Timeline timeline) {
    int callbacks = 0;
    int notifications = 0;
    int doorbells = 0;
    int interrupts = 0;
    int commands = 0;
    for (TimelineEntry e : timeline.entries()) {
      switch (e.kind()) {
        case CALLBACK -> {
          callbacks++;
          if (e.what().equals("CqNotification")) {
            notifications++;
          }
        }
        case HARDWARE -> {
          if (e.what().equals("Doorbell")) {
            doorbells++;
          } else if (e.what().startsWith("firmware ") && e.what().endsWith(" done")) {
            commands++;
          }
        }
        case INTERRUPT -> {
          if (e.what().equals("MSI-X")) {
            interrupts++;
          }
        }
        default -> {}
      }
    }
    values.put("callbacks", (double) callbacks);
    values.put("cq_notifications", (double) notifications);
    values.put("doorbells", (double) doorbells);
    values.put("interrupts", (double) interrupts);
    values.put("firmware_commands", (double) commands);
    values.put("violations", (double) timeline.violations().size());
    values.put("end_time_us", (double) timeline.endPs() / SimTime.PS_PER_US);
    int[] perInvariant = new int[ScriptLayout.INVARIANTS + 1];
    for (Violation v : timeline.violations()) {
      int n = v.invariantNumber();
      if (n >= 1 && n <= ScriptLayout.INVARIANTS) {
        perInvariant[n]++;
      }
    }
    for (int n = 1; n <= ScriptLayout.INVARIANTS; n++) {
      values.put(ScriptLayout.invariantId(n), (double) perInvariant[n]);
    }
  }
}
