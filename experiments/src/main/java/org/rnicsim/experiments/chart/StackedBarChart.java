package org.rnicsim.experiments.chart;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Stacked bars: one bar per category (an operation at a size), one segment per part (a stage of the
 * path), each the mean over the replications; a marker on top shows the mean total with its 95 %
 * interval, since the parts' intervals do not add up.
 */
public final class StackedBarChart {
  /**
   * One bar.
   *
   * @param category its label
   * @param parts the mean of each part, in the order of the chart's part names; NaN counts as 0
   * @param total the mean total
   * @param totalHalfWidth the half-width of the total's 95 % interval, NaN when unknown
   */
  public record Bar(String category, List<Double> parts, double total, double totalHalfWidth) {}

  private StackedBarChart() {}

  public static JFreeChart create(
      String title,
      String subtitle,
      String valueLabel,
      List<String> partNames,
      List<Bar> bars,
      String totalName) {
    DefaultCategoryDataset parts = new DefaultCategoryDataset();
    DefaultStatisticalCategoryDataset totals = new DefaultStatisticalCategoryDataset();
    for (Bar bar : bars) {
      for (int p = 0; p < partNames.size(); p++) {
        double value = bar.parts().get(p);
        parts.addValue(Double.isFinite(value) ? value : 0.0, partNames.get(p), bar.category());
      }
      double half = Double.isFinite(bar.totalHalfWidth()) ? bar.totalHalfWidth() : 0.0;
      totals.add(bar.total(), half, totalName, bar.category());
    }
    StackedBarRenderer stacked = new StackedBarRenderer();
    stacked.setBarPainter(new StandardBarPainter());
    stacked.setShadowVisible(false);
    for (int p = 0; p < partNames.size(); p++) {
      stacked.setSeriesPaint(p, Palette.colour(p));
    }
    StatisticalLineAndShapeRenderer total = new StatisticalLineAndShapeRenderer(false, true);
    total.setSeriesPaint(0, Color.BLACK);
    total.setErrorIndicatorPaint(Color.BLACK);
    CategoryAxis categories = new CategoryAxis();
    categories.setCategoryLabelPositions(
        bars.size() > 24
            ? CategoryLabelPositions.UP_90
            : bars.size() > 6 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
    NumberAxis values = new NumberAxis(valueLabel);
    values.setNumberFormatOverride(Palette.numbers());
    CategoryPlot plot = new CategoryPlot(parts, categories, values, stacked);
    plot.setDataset(1, totals);
    plot.setRenderer(1, total);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(new TextTitle(subtitle));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
