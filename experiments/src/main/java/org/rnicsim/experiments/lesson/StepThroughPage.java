package org.rnicsim.experiments.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.consumer.EntryKind;
import org.rnicsim.ndk.consumer.StateChange;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.consumer.TimelineEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The step-through part of {@code lesson.html}: the timeline drawn as inline SVG (one mark per
 * narration line, grey links from cause to effect, lanes as in {@link TimelineLanes}) beside a
 * panel that shows the current step's narration, the rules it illustrates with their text ({@link
 * RuleTexts}) and every object's state at that instant. A small inline script moves the step with
 * the arrow keys (or the buttons) and highlights the current mark, its chain of causes and its
 * narration row. Nothing is loaded from elsewhere.
 */
final class StepThroughPage {
  private static final int WIDTH = 1000;
  private static final int LABELS = 150;
  private static final int LANE = 22;
  private static final int TOP = 24;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StepThroughPage() {}

  static String css() {
    return ".steps{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1em;"
        + "align-items:start}\n"
        + ".tl{width:100%;height:auto;border:1px solid #ddd;background:#fff}\n"
        + ".tl .lane{font:11px sans-serif;fill:#333}\n.tl .band{fill:#f6f6f6}\n"
        + ".tl .st{opacity:0.55}\n.tl .create-pending{fill:#ffbb66}\n.tl .ready{fill:#6abf69}\n"
        + ".tl .close-pending{fill:#f2d34f}\n.tl .closed{fill:#d0d0d0}\n.tl .failed{fill:#e07070}\n"
        + ".tl .ev{fill:#555;stroke:#fff;stroke-width:1}\n.tl .ev.call{fill:#1f4e9c}\n"
        + ".tl .ev.callback{fill:#6a3d9a}\n.tl .ev.hw{fill:#8c564b}\n.tl .ev.irq{fill:#d62728}\n"
        + ".tl .ev.bad{fill:#cc0000}\n"
        + ".tl .ev.current{stroke:#000;stroke-width:3;r:7}\n"
        + ".tl .link{stroke:#bbb;stroke-width:1}\n.tl .link.on{stroke:#e6550d;stroke-width:2.5}\n"
        + ".panel{position:sticky;top:0.5em;border:1px solid #ccc;padding:0.8em;"
        + "background:#fbfbfb;font-size:0.9em}\n"
        + ".panel h3{margin:0.2em 0}\n.panel .rule{background:#eef4ff;padding:0.4em;"
        + "margin:0.3em 0}\n.panel table{font-size:0.9em}\n"
        + "tr.current td{background:#fff3c4}\n"
        + "@media (max-width:1100px){.steps{grid-template-columns:1fr}}\n";
  }

  static String html(Timeline timeline, RuleTexts rules) {
    TimelineLanes layout = new TimelineLanes(timeline);
    StringBuilder out = new StringBuilder();
    out.append("<h2>Step through it</h2>\n<p>Use the arrow keys (&larr; &rarr;), or the buttons,")
        .append(" to step through the events; the orange line leads back from the current event")
        .append(" along what caused it.</p>\n<div class=\"steps\">\n<div>")
        .append(svg(timeline, layout))
        .append("</div>\n<div class=\"panel\" id=\"panel\">")
        .append("<button id=\"prev\" type=\"button\">&larr; back</button> ")
        .append("<button id=\"next\" type=\"button\">forward &rarr;</button> ")
        .append("<span id=\"counter\"></span>")
        .append("<h3 id=\"event\"></h3><p id=\"when\"></p><p id=\"sentence\"></p>")
        .append("<div id=\"rules\"></div><h4>Objects at this instant</h4>")
        .append("<table id=\"states\"></table></div>\n</div>\n");
    out.append("<script type=\"application/json\" id=\"steps\">")
        .append(data(timeline, rules).replace("<", "\\u003c"))
        .append("</script>\n<script>\n")
        .append(SCRIPT)
        .append("</script>\n");
    return out.toString();
  }

  private static String svg(Timeline timeline, TimelineLanes layout) {
    List<String> lanes = layout.names();
    int height = TOP + LANE * lanes.size() + 10;
    double endPs = Math.max(timeline.endPs(), 1) * 1.02;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"tl\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"timeline\">",
            WIDTH,
            height));
    for (int i = 0; i < lanes.size(); i++) {
      int y = TOP + i * LANE;
      if (i % 2 == 0) {
        svg.append(rect(0, y, WIDTH, LANE, "band"));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"lane\" x=\"4\" y=\"%d\">%s</text>",
              y + 15,
              LessonPage.escape(lanes.get(i))));
    }
    for (int tick = 0; tick <= 5; tick++) {
      double x = LABELS + (WIDTH - LABELS - 10) * tick / 5.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"lane\" x=\"%.1f\" y=\"14\" text-anchor=\"%s\">%.1f us</text>",
              x,
              tick == 5 ? "end" : "middle",
              SimTime.toUs((long) (endPs * tick / 5.0))));
    }
    stateBars(timeline, lanes, endPs, svg);
    List<TimelineEntry> entries = timeline.entries();
    for (int i = 0; i < entries.size(); i++) {
      TimelineEntry e = entries.get(i);
      if (e.cause() >= 0) {
        TimelineEntry c = entries.get(e.cause());
        svg.append(
            String.format(
                Locale.ROOT,
                "<line class=\"link\" id=\"ln-%d\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                i,
                x(c.timePs(), endPs),
                y(layout.laneOf(c)),
                x(e.timePs(), endPs),
                y(layout.laneOf(e))));
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      TimelineEntry e = entries.get(i);
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"ev %s\" id=\"ev-%d\" cx=\"%.1f\" cy=\"%d\" r=\"4\">"
                  + "<title>%s</title></circle>",
              cssKind(e.kind()),
              i,
              x(e.timePs(), endPs),
              y(layout.laneOf(e)),
              LessonPage.escape(Narration.event(e))));
    }
    return svg.append("</svg>").toString();
  }

  /** Each object's lifetime states as pale bars on its lane, as in the chart. */
  private static void stateBars(
      Timeline timeline, List<String> lanes, double endPs, StringBuilder svg) {
    Map<String, StateChange> open = new LinkedHashMap<>();
    List<StateChange> changes = new ArrayList<>(timeline.states());
    for (StateChange change : changes) {
      StateChange before = open.put(change.object(), change);
      if (before != null) {
        stateBar(before, change.timePs(), lanes, endPs, svg);
      }
    }
    for (StateChange last : open.values()) {
      stateBar(last, (long) endPs, lanes, endPs, svg);
    }
  }

  private static void stateBar(
      StateChange change, long toPs, List<String> lanes, double endPs, StringBuilder svg) {
    int lane = lanes.indexOf(change.object());
    if (lane < 0 || toPs < change.timePs()) {
      return;
    }
    double from = x(change.timePs(), endPs);
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect class=\"st %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\">"
                + "<title>%s</title></rect>",
            change.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            from,
            y(lane) - 4,
            Math.max(0.5, x(toPs, endPs) - from),
            LessonPage.escape(change.object() + ": " + change.state().label())));
  }

  private static String cssKind(EntryKind kind) {
    return switch (kind) {
      case CALL, CALLBACK_RETURN, NOTE -> "call";
      case CALLBACK -> "callback";
      case HARDWARE -> "hw";
      case INTERRUPT -> "irq";
      case VIOLATION -> "bad";
    };
  }

  private static double x(long timePs, double endPs) {
    return LABELS + (WIDTH - LABELS - 10) * (timePs / endPs);
  }

  private static int y(int lane) {
    return TOP + lane * LANE + LANE / 2;
  }

  private static String rect(int x, int y, int w, int h, String css) {
    return String.format(
        Locale.ROOT,
        "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
        css,
        x,
        y,
        w,
        h);
  }

  /** Every step's panel content, and the rules they cite, as JSON for the script. */
  private static String data(Timeline timeline, RuleTexts rules) {
    boolean multiHost = Narration.multiHost(timeline);
    Map<String, Object> ruleTexts = new LinkedHashMap<>();
    List<Object> steps = new ArrayList<>();
    List<String> objects = timeline.lanes().stream().map(Timeline.Lane::object).toList();
    int nextState = 0;
    Map<String, String> stateNow = new LinkedHashMap<>();
    objects.forEach(o -> stateNow.put(o, "-"));
    for (TimelineEntry e : timeline.entries()) {
      List<StateChange> changes = timeline.states();
      while (nextState < changes.size() && changes.get(nextState).timePs() <= e.timePs()) {
        StateChange change = changes.get(nextState++);
        stateNow.put(change.object(), change.state().label());
      }
      List<Integer> cited = RuleTexts.cited(e.what() + " " + e.sentence());
      for (int n : cited) {
        RuleTexts.Rule rule = rules.rule(n);
        // Map.of iterates in an order that differs from run to run; the page must not.
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("name", rule.name());
        texts.put("text", rule.text());
        ruleTexts.putIfAbsent(String.valueOf(n), texts);
      }
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("time", Narration.time(e.timePs()).strip());
      step.put("actor", e.actor().label());
      String placement = Narration.placement(e, multiHost);
      step.put("event", Narration.event(e) + (placement.isEmpty() ? "" : " " + placement));
      step.put("sentence", e.sentence());
      step.put("rules", cited);
      step.put("cause", e.cause());
      step.put("states", new ArrayList<>(stateNow.values()));
      steps.add(step);
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("objects", objects);
    all.put("rules", ruleTexts);
    all.put("steps", steps);
    return JSON.writeValueAsString(all);
  }

  private static final String SCRIPT =
      String.join(
          "\n",
          "document.addEventListener('DOMContentLoaded', () => {",
          "  const data = JSON.parse(document.getElementById('steps').textContent);",
          "  const $ = id => document.getElementById(id);",
          "  let current = 0;",
          "  function cell(row, text, tag) {",
          "    const c = document.createElement(tag || 'td'); c.textContent = text;",
          "    row.appendChild(c);",
          "  }",
          "  function show(i) {",
          "    current = Math.max(0, Math.min(data.steps.length - 1, i));",
          "    document.querySelectorAll('.current, .on').forEach(",
          "      el => el.classList.remove('current', 'on'));",
          "    const step = data.steps[current];",
          "    $('ev-' + current).classList.add('current');",
          "    const row = $('row-' + current);",
          "    if (row) { row.classList.add('current'); }",
          "    for (let j = current; j >= 0; j = data.steps[j].cause) {",
          "      const link = $('ln-' + j);",
          "      if (link) { link.classList.add('on'); }",
          "    }",
          "    $('counter').textContent = 'step ' + (current + 1) + ' of ' + data.steps.length;",
          "    $('event').textContent = step.event;",
          "    $('when').textContent = step.time + ', ' + step.actor;",
          "    $('sentence').textContent = step.sentence;",
          "    const rules = $('rules'); rules.textContent = '';",
          "    step.rules.forEach(n => {",
          "      const r = data.rules[n]; const d = document.createElement('div');",
          "      d.className = 'rule';",
          "      d.textContent = 'Rule ' + n + (r.name ? ' (' + r.name + ')' : '') + ': ' + r.text;",
          "      rules.appendChild(d);",
          "    });",
          "    const states = $('states'); states.textContent = '';",
          "    data.objects.forEach((o, k) => {",
          "      const tr = document.createElement('tr');",
          "      cell(tr, o, 'th'); cell(tr, step.states[k]); states.appendChild(tr);",
          "    });",
          "  }",
          "  document.addEventListener('keydown', e => {",
          "    const moves = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1};",
          "    if (e.key in moves) { show(current + moves[e.key]); e.preventDefault(); }",
          "    else if (e.key === 'Home') { show(0); }",
          "    else if (e.key === 'End') { show(data.steps.length - 1); }",
          "  });",
          "  $('prev').addEventListener('click', () => show(current - 1));",
          "  $('next').addEventListener('click', () => show(current + 1));",
          "  data.steps.forEach((s, i) => {",
          "    $('ev-' + i).addEventListener('click', () => show(i));",
          "  });",
          "  show(0);",
          "});",
          "");
}
