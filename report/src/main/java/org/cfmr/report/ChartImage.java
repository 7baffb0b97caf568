package org.cfmr.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart as an image: SVG drawn by JFreeSVG, with JFreeChart's element hints on, so that each
 * plotted item (a bar, a point) is one {@code <g jfreesvg:ref=…>} group that tests and scripts
 * can count, and ids from the chart's name, so that the same chart gives the same bytes; or PNG.
 * Both at {@value #WIDTH}×{@value #HEIGHT} pixels.
 *
 * @param name the file name without its extension ({@code ratings-by-value})
 */
public record ChartImage(String name, JFreeChart chart) {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Gives {@code chart} cfmr's look ({@link ChartStyle}). */
  public ChartImage {
    ChartStyle.apply(chart);
  }

  /** The chart as an SVG element (no XML declaration: it can be inlined in HTML). */
  public String svg() {
    chart.setElementHinting(true);
    SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
    // Clip ids from the name, not the clock: the same bytes every time, unique in one page.
    graphics.setDefsKeyPrefix(name + "-");
    // A tenth of a pixel is finer than any screen: a scatter of 2,000 points stays small.
    graphics.setGeomDoubleConverter(value -> Double.toString(Math.round(value * 10) / 10.0));
    graphics.setTransformDoubleConverter(value -> Double.toString(Math.round(value * 1e4) / 1e4));
    chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
    // A viewBox, so that a page can scale the chart to its column.
    return graphics.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }

  /** The chart as a standalone SVG document. */
  public String svgDocument() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg() + "\n";
  }

  /** The chart as PNG bytes. */
  public byte[] png() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
