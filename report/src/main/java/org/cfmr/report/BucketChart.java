package org.cfmr.report;

import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A figure per bucket (of user activity, of movie popularity) for several series (the modes), as
 * grouped bars: one group per bucket, one bar per series that has the figure there.
 */
public final class BucketChart {
  /** One bucket's label ({@code "20–49"}) and figure. */
  public record Bar(String bucket, double value) {}

  private BucketChart() {}

  /**
   * The chart {@code name}; {@code series} maps each series to its bars, in bucket order (NaN
   * figures are left out).
   */
  public static ChartImage of(String name, String title, String bucketAxis, String valueAxis,
      Map<String, List<Bar>> series) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    series.forEach((key, bars) -> {
      for (Bar bar : bars) {
        if (bar.value() == bar.value()) {
          data.addValue(bar.value(), key, bar.bucket());
        }
      }
    });
    JFreeChart chart = ChartFactory.createBarChart(title, bucketAxis, valueAxis, data,
        PlotOrientation.VERTICAL, series.size() > 1, false, false);
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
    return new ChartImage(name, chart);
  }
}
