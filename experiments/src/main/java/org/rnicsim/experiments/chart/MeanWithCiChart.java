package org.rnicsim.experiments.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Measured means with confidence-interval error bars, one series per combination of the other swept
 * parameters, beside reference curves (an analytic result, a target): the chart that says how a
 * metric moves with a parameter and whether the simulation agrees with what it should.
 */
public final class MeanWithCiChart {

  /** One measured point: the mean and its interval. */
  public record Point(double x, double mean, double low, double high) {}

  /** Measured points under one legend entry. */
  public record Series(String name, List<Point> points) {}

  /** A reference curve sampled at increasing x. */
  public record Curve(String name, List<double[]> points) {}

  private static final Color REFERENCE = Palette.TARGET;

  private MeanWithCiChart() {}

  /**
   * Tick labels in the root locale: the axes would otherwise follow the machine's locale and draw
   * "0,5" on one machine and "0.5" on another from the same study.
   */
  private static NumberFormat tickFormat() {
    return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /**
   * @param title the chart's title
   * @param subtitle what the reader needs to interpret it (replications, interval method)
   * @param xLabel x axis label with its unit
   * @param yLabel y axis label with its unit
   * @param measured the measured series
   * @param references curves drawn beside them, possibly none
   */
  public static JFreeChart create(
      String title,
      String subtitle,
      String xLabel,
      String yLabel,
      List<Series> measured,
      List<Curve> references) {
    YIntervalSeriesCollection measuredData = new YIntervalSeriesCollection();
    XYErrorRenderer errorBars = new XYErrorRenderer();
    errorBars.setDefaultLinesVisible(measured.size() > 1);
    errorBars.setDefaultShapesVisible(true);
    for (int s = 0; s < measured.size(); s++) {
      Series series = measured.get(s);
      YIntervalSeries points = new YIntervalSeries(series.name(), false, true);
      for (Point point : series.points()) {
        points.add(point.x(), point.mean(), point.low(), point.high());
      }
      measuredData.addSeries(points);
      errorBars.setSeriesPaint(s, Palette.colour(s));
      errorBars.setSeriesStroke(s, Palette.stroke(s));
      errorBars.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    errorBars.setErrorPaint(Color.DARK_GRAY);
    errorBars.setErrorStroke(new BasicStroke(1.2f));
    errorBars.setCapLength(8.0);

    XYSeriesCollection referenceData = new XYSeriesCollection();
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    for (int c = 0; c < references.size(); c++) {
      Curve reference = references.get(c);
      XYSeries curve = new XYSeries(reference.name(), false, true);
      for (double[] xy : reference.points()) {
        curve.add(xy[0], xy[1]);
      }
      referenceData.addSeries(curve);
      line.setSeriesPaint(c, references.size() == 1 ? REFERENCE : Palette.colour(c).darker());
      line.setSeriesStroke(
          c,
          new BasicStroke(
              2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    NumberAxis xAxis = new NumberAxis(xLabel);
    xAxis.setAutoRangeIncludesZero(true);
    xAxis.setNumberFormatOverride(tickFormat());
    NumberAxis yAxis = new NumberAxis(yLabel);
    yAxis.setAutoRangeIncludesZero(true);
    yAxis.setNumberFormatOverride(tickFormat());

    XYPlot plot = new XYPlot(measuredData, xAxis, yAxis, errorBars);
    plot.setDataset(1, referenceData);
    plot.setRenderer(1, line);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(new TextTitle(subtitle));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
