package org.rnicsim.experiments.lesson;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rnicsim.engine.SimTime;
import org.rnicsim.ndk.consumer.EntryKind;
import org.rnicsim.ndk.consumer.LaneState;
import org.rnicsim.ndk.consumer.StateChange;
import org.rnicsim.ndk.consumer.Timeline;
import org.rnicsim.ndk.consumer.TimelineEntry;

/**
 * A lesson's timeline as a swimlane chart: one lane per object showing its lifetime states (create
 * pending, ready, close pending, closed), per host one lane for the adapter's hardware events
 * (firmware command issued and done, EQE) and one per core with the callbacks that ran on it as
 * bars and its MSI-X interrupts and DPCs as marks ({@link TimelineLanes}); the verifier's findings
 * are red crosses on the object's lane; grey lines link each cause to its effect. Time runs left to
 * right in microseconds.
 */
final class TimelineChart {

  private static final Color[] STATE_COLOURS = {
    new Color(0xff, 0xbb, 0x66), // create pending
    new Color(0x6a, 0xbf, 0x69), // ready
    new Color(0xf2, 0xd3, 0x4f), // close pending
    new Color(0xd0, 0xd0, 0xd0), // closed
    new Color(0xe0, 0x70, 0x70), // failed
  };

  private static final Color CALLBACK = new Color(0x1f, 0x77, 0xb4);
  private static final Color NOTIFICATION = new Color(0x94, 0x67, 0xbd);

  private TimelineChart() {}

  /** The lanes top to bottom: objects, then each host's hardware lane and cores. */
  static List<String> lanes(Timeline timeline) {
    return new TimelineLanes(timeline).names();
  }

  static JFreeChart create(Lesson lesson, Timeline timeline) {
    TimelineLanes layout = new TimelineLanes(timeline);
    List<String> lanes = layout.names();
    // A little room after the end, so that what closed last shows its closed state too.
    double endUs = Math.max(SimTime.toUs(timeline.endPs()), 1e-3) * 1.05;

    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    Map<LaneState, XYIntervalSeries> states = new LinkedHashMap<>();
    for (LaneState state : LaneState.values()) {
      XYIntervalSeries series = new XYIntervalSeries(state.label());
      states.put(state, series);
      bars.addSeries(series);
    }
    addStates(timeline, lanes, states, endUs);
    XYIntervalSeries callbacks = new XYIntervalSeries("callback running");
    XYIntervalSeries notifications = new XYIntervalSeries("CQ notification running");
    for (TimelineEntry e : timeline.entries()) {
      if (e.kind() == EntryKind.CALLBACK && e.core() >= 0) {
        double y = layout.laneOf(e);
        XYIntervalSeries series = e.what().equals("CqNotification") ? notifications : callbacks;
        bar(series, SimTime.toUs(e.timePs()), SimTime.toUs(e.endPs()), y, 0.3);
      }
    }
    bars.addSeries(callbacks);
    bars.addSeries(notifications);

    XYSeriesCollection marks = new XYSeriesCollection();
    Map<String, XYSeries> markSeries = new LinkedHashMap<>();
    for (String name :
        List.of("firmware command", "doorbell", "CQE", "EQE", "MSI-X", "DPC", "violation")) {
      XYSeries series = new XYSeries(name, false, true);
      markSeries.put(name, series);
      marks.addSeries(series);
    }
    addMarks(timeline, layout, markSeries);

    NumberAxis time = new NumberAxis("simulated time (us)");
    time.setNumberFormatOverride(
        new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    time.setRange(0, endUs);
    SymbolAxis laneAxis = new SymbolAxis(null, lanes.toArray(new String[0]));
    laneAxis.setInverted(true);
    laneAxis.setGridBandsVisible(true);
    laneAxis.setRange(-0.6, lanes.size() - 0.4);

    XYPlot plot = new XYPlot();
    plot.setDomainAxis(time);
    plot.setRangeAxis(laneAxis);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.setRangeGridlinesVisible(false);

    plot.setDataset(0, marks);
    plot.setRenderer(0, markRenderer());
    plot.setDataset(1, bars);
    plot.setRenderer(1, barRenderer());
    addLinks(timeline, layout, plot);

    JFreeChart chart =
        new JFreeChart(lesson.heading(), new Font("SansSerif", Font.BOLD, 15), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(
        new TextTitle(
            "one lane per object (its lifetime state), the adapter's hardware events, and each"
                + " host core (callbacks as bars, interrupts and DPCs as marks); grey lines link"
                + " cause to effect",
            new Font("SansSerif", Font.PLAIN, 11)));
    return chart;
  }

  private static void addStates(
      Timeline timeline,
      List<String> lanes,
      Map<LaneState, XYIntervalSeries> states,
      double endUs) {
    Map<String, StateChange> open = new LinkedHashMap<>();
    for (StateChange change : timeline.states()) {
      StateChange before = open.put(change.object(), change);
      if (before != null) {
        stateBar(states, lanes, before, SimTime.toUs(change.timePs()));
      }
    }
    for (StateChange last : open.values()) {
      stateBar(states, lanes, last, endUs);
    }
  }

  private static void stateBar(
      Map<LaneState, XYIntervalSeries> states,
      List<String> lanes,
      StateChange change,
      double toUs) {
    double fromUs = SimTime.toUs(change.timePs());
    int lane = lanes.indexOf(change.object());
    if (lane >= 0 && toUs >= fromUs) {
      bar(states.get(change.state()), fromUs, toUs, lane, 0.32);
    }
  }

  private static void bar(
      XYIntervalSeries series, double fromUs, double toUs, double y, double half) {
    series.add((fromUs + toUs) / 2, fromUs, toUs, y, y - half, y + half);
  }

  private static void addMarks(
      Timeline timeline, TimelineLanes layout, Map<String, XYSeries> marks) {
    for (TimelineEntry e : timeline.entries()) {
      double x = SimTime.toUs(e.timePs());
      int lane = layout.laneOf(e);
      String what = e.what();
      if (what.startsWith("firmware ")) {
        marks.get("firmware command").add(x, lane);
      } else if (e.kind() == EntryKind.VIOLATION) {
        marks.get("violation").add(x, lane);
      } else if (marks.containsKey(what)) {
        marks.get(what).add(x, lane);
      } else if (what.equals("Doorbell")) {
        marks.get("doorbell").add(x, lane);
      }
    }
  }

  /** A thin grey line from each cause to its effect: call, command, EQE, MSI-X, DPC, callback. */
  private static void addLinks(Timeline timeline, TimelineLanes layout, XYPlot plot) {
    BasicStroke stroke = new BasicStroke(0.8f);
    Color grey = new Color(0x99, 0x99, 0x99);
    for (TimelineEntry e : timeline.entries()) {
      if (e.cause() < 0) {
        continue;
      }
      TimelineEntry cause = timeline.entries().get(e.cause());
      plot.addAnnotation(
          new XYLineAnnotation(
              SimTime.toUs(cause.timePs()),
              layout.laneOf(cause),
              SimTime.toUs(e.timePs()),
              layout.laneOf(e),
              stroke,
              grey));
    }
  }

  private static XYBarRenderer barRenderer() {
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    for (int i = 0; i < STATE_COLOURS.length; i++) {
      renderer.setSeriesPaint(i, STATE_COLOURS[i]);
    }
    renderer.setSeriesPaint(STATE_COLOURS.length, CALLBACK);
    renderer.setSeriesPaint(STATE_COLOURS.length + 1, NOTIFICATION);
    return renderer;
  }

  private static XYLineAndShapeRenderer markRenderer() {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    Shape[] shapes = {
      diamond(5), square(4), circle(3), triangle(5, false), triangle(5, true), circle(4), cross(6)
    };
    Color[] colours = {
      new Color(0x8c, 0x56, 0x4b),
      new Color(0x17, 0xbe, 0xcf),
      new Color(0x2c, 0xa0, 0x2c),
      new Color(0xff, 0x7f, 0x0e),
      new Color(0xd6, 0x27, 0x28),
      new Color(0x7f, 0x7f, 0x7f),
      new Color(0xcc, 0x00, 0x00),
    };
    for (int i = 0; i < shapes.length; i++) {
      renderer.setSeriesShape(i, shapes[i]);
      renderer.setSeriesPaint(i, colours[i]);
      renderer.setSeriesStroke(i, new BasicStroke(1.5f));
    }
    return renderer;
  }

  private static Shape circle(double r) {
    return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
  }

  private static Shape square(double r) {
    return new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
  }

  private static Shape diamond(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }

  private static Shape triangle(double r, boolean down) {
    double s = down ? -1 : 1;
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r * s);
    p.lineTo(r, r * s);
    p.lineTo(-r, r * s);
    p.closePath();
    return p;
  }

  private static Shape cross(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(-r, -r);
    p.lineTo(r, r);
    p.moveTo(-r, r);
    p.lineTo(r, -r);
    return new BasicStroke(2.5f).createStrokedShape(p);
  }
}
