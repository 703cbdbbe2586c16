package org.rnicsim.experiments.chart;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Bars of means with their 95 % intervals as whiskers, one bar per category (a close of a QP) in
 * each series (a point of a sweep) side by side: the chart that compares a few measured quantities
 * across settings.
 */
public final class GroupedCiBarChart {
  /**
   * One bar.
   *
   * @param series the legend entry it belongs to
   * @param category its label on the category axis
   * @param mean the mean
   * @param halfWidth the half-width of its interval; NaN draws none
   */
  public record Bar(String series, String category, double mean, double halfWidth) {}

  private GroupedCiBarChart() {}

  public static JFreeChart create(
      String title, String subtitle, String valueLabel, List<Bar> bars) {
    // The dataset draws a bar's whisker at mean +/- its "standard deviation": here the interval.
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (Bar bar : bars) {
      double half = Double.isFinite(bar.halfWidth()) ? bar.halfWidth() : 0.0;
      data.add(bar.mean(), half, bar.series(), bar.category());
    }
    StatisticalBarRenderer renderer = new StatisticalBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
    for (int s = 0; s < data.getRowCount(); s++) {
      renderer.setSeriesPaint(s, Palette.colour(s));
    }
    CategoryAxis categories = new CategoryAxis();
    categories.setCategoryLabelPositions(
        data.getColumnCount() > 6 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
    NumberAxis values = new NumberAxis(valueLabel);
    values.setNumberFormatOverride(Palette.numbers());
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.addSubtitle(new TextTitle(subtitle));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
