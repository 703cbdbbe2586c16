package org.rnicsim.experiments.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines of measured means with 95 % confidence-interval error bars, on a linear x axis or on a
 * base-2 axis of message sizes, with optional horizontal target lines and point labels: latency and
 * throughput against size or a swept parameter, and interrupt rate against latency.
 */
public final class CiLineChart {
  /** One measured point: the mean and its interval. */
  public record Point(double x, double mean, double low, double high) {}

  /**
   * Points under one legend entry.
   *
   * @param colour index into the palette, so related series (p50 and p99 of one operation) match
   * @param dashed drawn dashed, for the second of a pair of related series
   * @param joined whether the points are joined by a line (not for unrelated points)
   */
  public record Series(
      String name, List<Point> points, int colour, boolean dashed, boolean joined) {}

  /** A horizontal line at {@code y}, such as a latency target. */
  public record Target(double y, String label) {}

  /** Text next to a point. */
  public record Label(double x, double y, String text) {}

  /** How the x axis is scaled. */
  public enum XScale {
    LINEAR,
    /** Message sizes in bytes on a base-2 logarithmic axis, labelled 32 B, 4 KiB, ... */
    SIZE
  }

  private CiLineChart() {}

  public static JFreeChart create(
      String title,
      String subtitle,
      String xLabel,
      XScale xScale,
      String yLabel,
      List<Series> series,
      List<Target> targets,
      List<Label> labels) {
    return create(
        title, subtitle, xLabel, xScale, yLabel, spansDecades(series), series, targets, labels);
  }

  /**
   * Whether the means are all positive and the largest is at least a hundred times the smallest: on
   * a linear axis the small ones would lie flat on the bottom.
   */
  static boolean spansDecades(List<Series> series) {
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (Series one : series) {
      for (Point point : one.points()) {
        if (!(point.mean() > 0)) {
          return false;
        }
        lowest = Math.min(lowest, point.mean());
        highest = Math.max(highest, point.mean());
      }
    }
    return highest >= 100 * lowest;
  }

  /**
   * As above; {@code logY} draws the y axis on a logarithmic scale, for values that span decades
   * (latency that explodes past saturation) while a target near the bottom must stay readable.
   */
  public static JFreeChart create(
      String title,
      String subtitle,
      String xLabel,
      XScale xScale,
      String yLabel,
      boolean logY,
      List<Series> series,
      List<Target> targets,
      List<Label> labels) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      YIntervalSeries points = new YIntervalSeries(one.name(), false, true);
      for (Point point : one.points()) {
        points.add(point.x(), point.mean(), point.low(), point.high());
        minX = Math.min(minX, point.x());
        maxX = Math.max(maxX, point.x());
      }
      data.addSeries(points);
      renderer.setSeriesPaint(s, Palette.colour(one.colour()));
      renderer.setSeriesStroke(s, one.dashed() ? Palette.dashed() : Palette.stroke(one.colour()));
      renderer.setSeriesLinesVisible(s, one.joined());
      renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    renderer.setDefaultShapesVisible(true);
    renderer.setErrorPaint(Color.DARK_GRAY);
    renderer.setErrorStroke(new BasicStroke(1.2f));
    renderer.setCapLength(8.0);

    ValueAxis xAxis = xScale == XScale.SIZE ? sizeAxis(xLabel, minX, maxX) : linearAxis(xLabel);
    ValueAxis yAxis = logY ? logAxis(yLabel, series) : linearYAxis(yLabel);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    for (Target target : targets) {
      ValueMarker marker = new ValueMarker(target.y());
      marker.setPaint(Palette.TARGET);
      marker.setStroke(Palette.dashed());
      marker.setLabel(target.label());
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
      marker.setLabelPaint(Palette.TARGET);
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(marker);
      // Keep the target in view even when every point is far below it.
      if (yAxis.getUpperBound() < target.y() * 1.1) {
        yAxis.setUpperBound(target.y() * 1.15);
      }
    }
    for (Label label : labels) {
      XYTextAnnotation text = new XYTextAnnotation(label.text(), label.x(), label.y());
      text.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      text.setTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addAnnotation(text);
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(new TextTitle(subtitle));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static NumberAxis linearYAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(true);
    axis.setNumberFormatOverride(Palette.numbers());
    return axis;
  }

  /** Decades from a little below the smallest mean to a little above the highest interval. */
  private static LogAxis logAxis(String label, List<Series> series) {
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (Series one : series) {
      for (Point point : one.points()) {
        if (point.mean() > 0) {
          lowest = Math.min(lowest, point.mean());
        }
        highest = Math.max(highest, Math.max(point.high(), point.mean()));
      }
    }
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setNumberFormatOverride(Palette.numbers());
    axis.setTickUnit(new NumberTickUnit(1));
    axis.setMinorTickMarksVisible(true);
    if (lowest < Double.POSITIVE_INFINITY && highest > lowest) {
      axis.setRange(lowest / 2, highest * 1.5);
    }
    return axis;
  }

  private static NumberAxis linearAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    axis.setNumberFormatOverride(Palette.numbers());
    return axis;
  }

  private static LogAxis sizeAxis(String label, double minBytes, double maxBytes) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(2);
    axis.setNumberFormatOverride(new SizeFormat());
    double low = Math.max(1, minBytes);
    double high = Math.max(low * 2, maxBytes);
    double spanPowers = Math.log(high / low) / Math.log(2);
    // One tick per power of two up to 12 ticks, then every second or fourth.
    axis.setTickUnit(new NumberTickUnit(spanPowers <= 12 ? 1 : spanPowers <= 24 ? 2 : 4));
    axis.setRange(low / Math.sqrt(2), high * Math.sqrt(2));
    axis.setMinorTickMarksVisible(false);
    return axis;
  }
}
