package org.rnicsim.ndk.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnicsim.engine.SimTime;

/**
 * A CQ's notification figures since its last measurement, read off the timeline: completions that
 * entered it, notifications, interrupts on its vector, and how long a completion waited for the
 * notification that reported it. What interrupt moderation trades (ndkpi-spec 6): fewer interrupts
 * for a longer wait.
 */
final class Measurements {
  private final ConsumerRun run;

  Measurements(ConsumerRun run) {
    this.run = run;
  }

  void measure(ConsumerObjects.Named cq) {
    List<Long> completions = new ArrayList<>();
    List<Long> notifications = new ArrayList<>();
    int core = -1;
    List<TimelineEntry> window =
        run.recorder.entries().subList(cq.measuredFrom, run.recorder.entries().size());
    for (TimelineEntry e : window) {
      if (!cq.name.equals(e.object())) {
        continue;
      }
      if (e.kind() == EntryKind.HARDWARE && e.what().equals("CQE")) {
        completions.add(e.timePs());
      } else if (e.kind() == EntryKind.CALLBACK && e.what().equals("CqNotification")) {
        notifications.add(e.timePs());
        core = e.core();
      }
    }
    int interrupts = 0;
    for (TimelineEntry e : window) {
      if (e.kind() == EntryKind.INTERRUPT && e.what().equals("MSI-X") && e.core() == core) {
        interrupts++;
      }
    }
    long totalWaitPs = 0;
    long maxWaitPs = 0;
    int reported = 0;
    for (long completionPs : completions) {
      for (long notificationPs : notifications) {
        if (notificationPs >= completionPs) {
          long waitPs = notificationPs - completionPs;
          totalWaitPs += waitPs;
          maxWaitPs = Math.max(maxWaitPs, waitPs);
          reported++;
          break;
        }
      }
    }
    String waits =
        reported == 0
            ? "no completion has been notified yet"
            : "a completion waited "
                + SimTime.format(totalWaitPs / reported)
                + " on average (at most "
                + SimTime.format(maxWaitPs)
                + ") for the notification that reported it";
    String status =
        String.format(
            Locale.ROOT,
            "%d CQEs, %d notifications, %d interrupts",
            completions.size(),
            notifications.size(),
            interrupts);
    if (reported > 0) {
      status +=
          ", wait "
              + SimTime.format(totalWaitPs / reported)
              + " mean, "
              + SimTime.format(maxWaitPs)
              + " max";
    }
    cq.measuredFrom = run.recorder.entries().size();
    String own = run.takeSay();
    String figures =
        cq.name
            + ": "
            + completions.size()
            + " completions, "
            + notifications.size()
            + " notifications, "
            + interrupts
            + " interrupts"
            + (core >= 0 ? " on core " + core : "")
            + "; "
            + waits
            + ".";
    run.recorder.note(
        Actor.CONSUMER, "measure", cq.name, status, own == null ? figures : figures + " " + own);
  }
}
