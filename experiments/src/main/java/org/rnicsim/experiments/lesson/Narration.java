package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.consumer.EntryKind;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.consumer.TimelineEntry;

/**
 * A lesson's timeline as text: the narration a student reads on the terminal (one line per event:
 * simulated time, actor, the call, callback or hardware event with its status, and the sentence
 * saying which rule it shows), and the golden trace the tests compare (the same events without the
 * sentences, so rewording a sentence does not change it but a change in behaviour does).
 */
public final class Narration {
  private static final int WIDTH = 100;

  private Narration() {}

  /** Simulated time in microseconds with nanosecond digits, right-aligned. */
  static String time(long ps) {
    return String.format(Locale.ROOT, "%11.3f us", SimTime.toUs(ps));
  }

  /** The event column: what, on which object, and its status. */
  static String event(TimelineEntry e) {
    StringBuilder out = new StringBuilder(e.what());
    if (!e.object().isEmpty()) {
      out.append(' ').append(e.object());
    }
    if (!e.status().isEmpty()) {
      out.append(" -> ").append(e.status());
    }
    return out.toString();
  }

  /**
   * Where and how long a callback ran, or empty; with {@code multiHost}, also on which host a
   * hardware event, interrupt, DPC or callback happened (two hosts have a core 0 each).
   */
  static String placement(TimelineEntry e, boolean multiHost) {
    String host = multiHost && !e.host().isEmpty() ? "host " + e.host() + ", " : "";
    if (e.kind() == EntryKind.CALLBACK) {
      return e.core() < 0
          ? "[" + host + "not on modelled CPU time]"
          : "[" + host + "core " + e.core() + ", returns at " + time(e.endPs()).strip() + "]";
    }
    if (e.kind() == EntryKind.INTERRUPT && e.core() >= 0) {
      return "[" + host + "core " + e.core() + "]";
    }
    if (e.kind() == EntryKind.HARDWARE && !host.isEmpty() && e.object().isEmpty()) {
      return "[host " + e.host() + "]";
    }
    return "";
  }

  /** True when the run's objects live on more than one host. */
  static boolean multiHost(Timeline timeline) {
    return timeline.lanes().stream().map(Timeline.Lane::host).distinct().count() > 1;
  }

  /** The whole narration: heading, story, then one line per timeline entry and the verdict. */
  public static String render(Lesson lesson, Timeline timeline) {
    StringBuilder out = new StringBuilder();
    out.append(lesson.heading()).append('\n');
    out.append("=".repeat(Math.min(WIDTH, lesson.heading().length()))).append('\n');
    if (!lesson.spec().isEmpty()) {
      out.append("ndkpi-spec: ").append(String.join("; ", lesson.spec())).append('\n');
    }
    if (!lesson.invariants().isEmpty()) {
      out.append("Invariants: ").append(join(lesson.invariants())).append('\n');
    }
    if (!lesson.story().isEmpty()) {
      out.append('\n');
      wrap(lesson.story(), out);
    }
    out.append('\n');
    boolean multiHost = multiHost(timeline);
    for (TimelineEntry e : timeline.entries()) {
      out.append(line(e, multiHost)).append('\n');
    }
    out.append('\n').append(verdict(lesson, timeline));
    return out.toString();
  }

  /** One narration line. */
  static String line(TimelineEntry e, boolean multiHost) {
    String event = event(e);
    String placement = placement(e, multiHost);
    if (!placement.isEmpty()) {
      event = event + " " + placement;
    }
    return String.format(
            Locale.ROOT,
            "%s  %-9s  %-52s  %s",
            time(e.timePs()),
            e.actor().label(),
            event,
            e.sentence())
        .stripTrailing();
  }

  /** The golden trace: every entry without its sentence, then the verifier's findings. */
  public static String golden(Lesson lesson, Timeline timeline) {
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(lesson.slug())
        .append(": the key event sequence of ")
        .append(lesson.heading())
        .append('\n');
    out.append("# Checked by LessonGoldenTest; regenerate with")
        .append(" mvn -pl experiments -am verify -Drnicsim.lessons.regenerate=true\n");
    boolean multiHost = multiHost(timeline);
    for (TimelineEntry e : timeline.entries()) {
      String event = event(e);
      String placement = placement(e, multiHost);
      out.append(
              String.format(
                  Locale.ROOT,
                  "%s  %-9s  %s%s",
                  time(e.timePs()),
                  e.actor().label(),
                  event,
                  placement.isEmpty() ? "" : " " + placement))
          .append('\n');
    }
    out.append("verifier: ")
        .append(
            timeline.violations().isEmpty()
                ? "no violations"
                : "invariants " + join(timeline.violatedInvariants()))
        .append('\n');
    return out.toString();
  }

  /** True when the verifier named exactly the invariants the lesson expects (none if none). */
  static boolean asExpected(Lesson lesson, Timeline timeline) {
    List<Integer> expected = lesson.expectedViolations().stream().distinct().sorted().toList();
    return timeline.violatedInvariants().equals(expected);
  }

  /** What the verifier said, and whether that is what the lesson expects. */
  static String verdict(Lesson lesson, Timeline timeline) {
    StringBuilder out = new StringBuilder();
    if (timeline.violations().isEmpty()) {
      out.append("Lifetime verifier: no violations: consumer and provider kept every rule.\n");
    } else {
      out.append(timeline.verifierReport());
    }
    List<Integer> found = timeline.violatedInvariants();
    if (!lesson.expectedViolations().isEmpty() || !found.isEmpty()) {
      List<Integer> expected = new ArrayList<>(lesson.expectedViolations());
      expected.sort(null);
      expected = expected.stream().distinct().toList();
      out.append(
          found.equals(expected)
              ? "\nAs the lesson expects, the verifier names invariant(s) " + join(found) + ".\n"
              : "\nThe lesson expects invariant(s) "
                  + join(expected)
                  + " but the verifier named "
                  + (found.isEmpty() ? "none" : join(found))
                  + ".\n");
    }
    return out.toString();
  }

  static String join(List<Integer> numbers) {
    return String.join(", ", numbers.stream().map(String::valueOf).toList());
  }

  private static void wrap(String text, StringBuilder out) {
    for (String paragraph : text.split("\n\\s*\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
          out.append(line).append('\n');
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      out.append(line).append("\n\n");
    }
    out.setLength(out.length() - 1);
  }
}
