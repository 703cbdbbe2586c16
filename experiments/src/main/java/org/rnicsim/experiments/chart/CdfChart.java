package org.rnicsim.experiments.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Cumulative distribution functions of latency: for each series the latency below which a fraction
 * of the operations lie, at fixed fractions, with the 95 % interval of that latency over the
 * replications as a horizontal error bar.
 */
public final class CdfChart {
  /** The latency (mean and interval) at cumulative fraction {@code fraction}. */
  public record Point(double fraction, double latency, double low, double high) {}

  public record Series(String name, List<Point> points) {}

  private CdfChart() {}

  public static JFreeChart create(
      String title, String subtitle, String xLabel, List<Series> series) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(true);
    renderer.setDrawYError(false);
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      XYIntervalSeries points = new XYIntervalSeries(one.name(), false, true);
      for (Point point : one.points()) {
        points.add(
            point.latency(),
            point.low(),
            point.high(),
            point.fraction(),
            point.fraction(),
            point.fraction());
      }
      data.addSeries(points);
      renderer.setSeriesPaint(s, Palette.colour(s));
      renderer.setSeriesStroke(s, Palette.stroke(s));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
      renderer.setSeriesLinesVisible(s, true);
    }
    renderer.setErrorPaint(Color.DARK_GRAY);
    renderer.setErrorStroke(new BasicStroke(1.0f));
    renderer.setCapLength(6.0);
    NumberAxis xAxis = new NumberAxis(xLabel);
    xAxis.setAutoRangeIncludesZero(false);
    xAxis.setNumberFormatOverride(Palette.numbers());
    NumberAxis yAxis = new NumberAxis("fraction of operations at or below");
    yAxis.setRange(0, 1.02);
    yAxis.setNumberFormatOverride(Palette.numbers());
    XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(new TextTitle(subtitle));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
