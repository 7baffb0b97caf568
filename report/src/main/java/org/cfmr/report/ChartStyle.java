package org.cfmr.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;

/**
 * The look of every cfmr chart: white plot, light grid, flat bars, one palette (colour-blind
 * safe, from Okabe and Ito), sans-serif text; rotated labels drawn as SVG text, not outlines; and
 * the points of line and scatter plots small circles, marked for counting
 * ({@link MarkedShapeRenderer}).
 */
final class ChartStyle {
  private static final Paint[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0),
      new Color(0, 158, 115), new Color(204, 121, 167), new Color(86, 180, 233),
      new Color(213, 94, 0), new Color(240, 228, 66), Color.DARK_GRAY};
  private static final Color GRID = new Color(221, 221, 221);
  private static final Shape POINT = new Ellipse2D.Double(-2.5, -2.5, 5, 5);

  static {
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartStyle() {}

  static void apply(JFreeChart chart) {
    StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setShadowVisible(false);
    theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, PALETTE, PALETTE,
        DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
        DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    Plot plot = chart.getPlot();
    if (plot instanceof XYPlot xy && xy.getRenderer() instanceof XYLineAndShapeRenderer lines
        && !(lines instanceof MarkedShapeRenderer)) {
      MarkedShapeRenderer marked = new MarkedShapeRenderer(lines.getDefaultLinesVisible(),
          lines.getDefaultShapesVisible());
      marked.setAutoPopulateSeriesShape(false);
      marked.setDefaultShape(POINT);
      marked.setDrawOutlines(false);
      xy.setRenderer(marked);
    }
    theme.apply(chart);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlineStroke(new BasicStroke(0.5f));
      xy.setRangeGridlineStroke(new BasicStroke(0.5f));
      if (xy.getRenderer() instanceof XYBarRenderer bars) {
        bars.setShadowVisible(false);
      }
    } else if (plot instanceof CategoryPlot category) {
      category.setRangeGridlineStroke(new BasicStroke(0.5f));
      if (category.getRenderer() instanceof BarRenderer bars) {
        bars.setShadowVisible(false);
        bars.setItemMargin(0.02);
      }
    }
  }
}
