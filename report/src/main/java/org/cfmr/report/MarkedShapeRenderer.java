package org.cfmr.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYItemKey;

/**
 * JFreeChart's line-and-shape renderer, each point's shape drawn inside an element group keyed by
 * its series and index (as the bar renderers do), so that the SVG has one group per point.
 */
final class MarkedShapeRenderer extends XYLineAndShapeRenderer {
  MarkedShapeRenderer(boolean lines, boolean shapes) {
    super(lines, shapes);
  }

  @Override
  public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
      PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
      XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
    boolean marked = isItemPass(pass) && getItemShapeVisible(series, item);
    if (marked) {
      beginElementGroup(g2, new XYItemKey<>(dataset.getSeriesKey(series), item));
    }
    super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
        crosshairState, pass);
    if (marked) {
      endElementGroup(g2);
    }
  }
}
