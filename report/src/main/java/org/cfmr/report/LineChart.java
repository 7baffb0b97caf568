package org.cfmr.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A figure against a setting (RMSE against K, say) for several curves, as lines through marked
 * points, with reference lines for the baselines ({@code baseline 0.8684}) across the plot.
 */
public final class LineChart {
  /** One point of a curve. */
  public record Point(double x, double y) {}

  private LineChart() {}

  /**
   * The chart {@code name}; {@code curves} maps each curve's label to its points (NaN figures
   * left out), {@code references} each baseline's label to its figure (NaN: not drawn).
   */
  public static ChartImage of(String name, String title, String xAxis, String yAxis,
      Map<String, List<Point>> curves, Map<String, Double> references) {
    XYSeriesCollection data = new XYSeriesCollection();
    curves.forEach((label, points) -> {
      XYSeries series = new XYSeries(label, true, false);
      for (Point point : points) {
        if (point.y() == point.y()) {
          series.add(point.x(), point.y());
        }
      }
      data.addSeries(series);
    });
    JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, yAxis, data,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    Range range = DatasetUtils.findRangeBounds(data);
    for (Map.Entry<String, Double> reference : references.entrySet()) {
      double value = reference.getValue();
      if (value == value) {
        plot.addRangeMarker(reference(reference.getKey(), value));
        range = Range.expandToInclude(range, value);
      }
    }
    if (range != null) {
      // The reference lines are drawn only inside the axis: make room for them.
      double margin = Math.max(range.getLength(), Math.abs(range.getUpperBound()) * 0.01) * 0.08;
      plot.getRangeAxis().setRange(range.getLowerBound() - margin,
          range.getUpperBound() + margin);
    }
    ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
    return new ChartImage(name, chart);
  }

  private static ValueMarker reference(String label, double value) {
    ValueMarker marker = new ValueMarker(value, Color.GRAY, new BasicStroke(1f,
        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    marker.setLabel(label);
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return marker;
  }
}
