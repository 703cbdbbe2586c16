package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rnicsim.ndk.consumer.EntryKind;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.consumer.TimelineEntry;

/**
 * The swimlanes of a lesson's timeline, shared by the chart and the step-through page: one lane per
 * object, then per host a lane for the adapter's hardware events and one per core that ran
 * something. With two hosts the hardware and core lanes carry the host's name, so host a's core 0
 * and host b's core 0 stay apart.
 */
final class TimelineLanes {
  static final String HARDWARE = "adapter hardware";

  private final List<String> names = new ArrayList<>();
  private final boolean multiHost;

  TimelineLanes(Timeline timeline) {
    multiHost = Narration.multiHost(timeline);
    timeline.lanes().forEach(l -> names.add(l.object()));
    Map<String, TreeSet<Integer>> coresByHost = new LinkedHashMap<>();
    timeline.lanes().forEach(l -> coresByHost.computeIfAbsent(l.host(), h -> new TreeSet<>()));
    for (TimelineEntry e : timeline.entries()) {
      if (e.host().isEmpty() && !coresByHost.isEmpty()) {
        continue; // a step of the script itself (waitFor, runFor): drawn on its object's lane
      }
      TreeSet<Integer> cores = coresByHost.computeIfAbsent(e.host(), h -> new TreeSet<>());
      if (e.core() >= 0) {
        cores.add(e.core());
      }
    }
    coresByHost.forEach(
        (host, cores) -> {
          names.add(hardware(host));
          cores.forEach(c -> names.add(core(host, c)));
        });
  }

  List<String> names() {
    return names;
  }

  private String hardware(String host) {
    return multiHost ? host + ": " + HARDWARE : HARDWARE;
  }

  private String core(String host, int core) {
    return multiHost ? host + ": core " + core : "core " + core;
  }

  /**
   * The lane an entry is drawn on: callbacks, MSI-X and DPCs on their core; doorbells, CQEs, calls
   * and findings on their object; firmware commands and EQEs on their host's hardware lane.
   */
  int laneOf(TimelineEntry e) {
    int object = names.indexOf(e.object());
    int hardware = names.indexOf(hardware(e.host()));
    boolean onCore =
        e.kind() == EntryKind.CALLBACK || e.what().equals("MSI-X") || e.what().equals("DPC");
    if (onCore && e.core() >= 0) {
      return names.indexOf(core(e.host(), e.core()));
    }
    if (e.what().startsWith("firmware ") || e.what().equals("EQE")) {
      return Math.max(hardware, 0);
    }
    return object >= 0 ? object : Math.max(hardware, 0);
  }
}
