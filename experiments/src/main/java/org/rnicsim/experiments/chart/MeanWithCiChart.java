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
 * Measured means with confidence-interval error bars, beside a reference curve (an analytic result,
 * a target, a baseline): the chart that says whether a simulation agrees with what it should.
 */
public final class MeanWithCiChart {

  /** One measured point: the mean and its interval. */
  public record Point(double x, double mean, double low, double high) {}

  /** A reference curve sampled at increasing x. */
  public record Curve(String name, List<double[]> points) {}

  private static final Color MEASURED = new Color(0x1f, 0x77, 0xb4);
  private static final Color REFERENCE = new Color(0xd6, 0x27, 0x28);

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
   * @param measuredName legend entry of the measured points
   * @param measured the points
   * @param reference the curve drawn beside them
   */
  public static JFreeChart create(
      String title,
      String subtitle,
      String xLabel,
      String yLabel,
      String measuredName,
      List<Point> measured,
      Curve reference) {
    YIntervalSeries points = new YIntervalSeries(measuredName, false, true);
    for (Point point : measured) {
      points.add(point.x(), point.mean(), point.low(), point.high());
    }
    YIntervalSeriesCollection measuredData = new YIntervalSeriesCollection();
    measuredData.addSeries(points);

    XYSeries curve = new XYSeries(reference.name(), false, true);
    for (double[] xy : reference.points()) {
      curve.add(xy[0], xy[1]);
    }
    XYSeriesCollection referenceData = new XYSeriesCollection(curve);

    XYErrorRenderer errorBars = new XYErrorRenderer();
    errorBars.setDefaultLinesVisible(false);
    errorBars.setDefaultShapesVisible(true);
    errorBars.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    errorBars.setSeriesPaint(0, MEASURED);
    errorBars.setErrorPaint(MEASURED);
    errorBars.setErrorStroke(new BasicStroke(1.5f));
    errorBars.setCapLength(8);

    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, REFERENCE);
    line.setSeriesStroke(0, new BasicStroke(2.0f));

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
