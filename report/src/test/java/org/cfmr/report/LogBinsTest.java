package org.cfmr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The long-tail thinning, checked by hand: 20 bins a decade above 100. */
class LogBinsTest {
  @Test
  void countsUpToAHundredStayExact() {
    SortedMap<Integer, Integer> histogram = new TreeMap<>(java.util.Map.of(1, 50, 7, 3, 100, 1));
    assertEquals(java.util.Map.of(1.0, 50.0, 7.0, 3.0, 100.0, 1.0), LogBins.of(histogram));
  }

  /**
   * 10^(b/20) for b = 40..47 is 100, 112.2, 125.9, 141.3, 158.5, 177.8, 199.5, 223.9: so the
   * counts 101..200 fall in the bins 101–112, 113–125, 126–141, 142–158, 159–177, 178–199 and
   * 200–223, the last holding only 200.
   */
  @Test
  void aboveAHundredEachBinIsItsMeanPerCountAtItsGeometricMiddle() {
    SortedMap<Integer, Integer> histogram = new TreeMap<>();
    for (int count = 101; count <= 200; count++) {
      histogram.put(count, 1);
    }
    SortedMap<Double, Double> points = LogBins.of(histogram);
    int[][] bins = {{101, 112}, {113, 125}, {126, 141}, {142, 158}, {159, 177}, {178, 199},
        {200, 223}};
    assertEquals(bins.length, points.size(), points.toString());
    List<Double> xs = List.copyOf(points.keySet());
    for (int b = 0; b < bins.length; b++) {
      assertEquals(Math.sqrt((double) bins[b][0] * bins[b][1]), xs.get(b), 1e-9);
    }
    assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0 / 24), List.copyOf(points.values()));
  }
}
