package org.cfmr.report;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A long-tailed histogram ({@code count → how many have it}) thinned for a log–log plot: counts up
 * to {@value #EXACT_UP_TO} stay one point each; above, counts share a bin when
 * {@code floor(}{@value #PER_DECADE}{@code · log10 n)} is the same, and the bin is one point at the
 * geometric middle {@code √(lo·hi)} of its counts {@code lo..hi}, its value the mean over those
 * counts ({@code Σ how many / (hi − lo + 1)}), so that a bin continues the exact points' line.
 * At ml-32m's size a chart of every distinct count holds thousands of points (a 2.4 MB SVG).
 */
final class LogBins {
  static final int EXACT_UP_TO = 100;
  static final int PER_DECADE = 20;

  private LogBins() {}

  static SortedMap<Double, Double> of(SortedMap<Integer, Integer> histogram) {
    SortedMap<Double, Double> points = new TreeMap<>();
    SortedMap<Integer, Long> binned = new TreeMap<>();
    for (Map.Entry<Integer, Integer> entry : histogram.entrySet()) {
      if (entry.getKey() <= EXACT_UP_TO) {
        points.put((double) entry.getKey(), (double) entry.getValue());
      } else {
        binned.merge(bin(entry.getKey()), (long) entry.getValue(), Long::sum);
      }
    }
    binned.forEach((bin, total) -> {
      long lo = first(bin);
      long hi = first(bin + 1) - 1;
      points.put(Math.sqrt((double) lo * hi), (double) total / (hi - lo + 1));
    });
    return points;
  }

  static int bin(long count) {
    return (int) Math.floor(PER_DECADE * Math.log10(count));
  }

  /** The least count above {@link #EXACT_UP_TO} in {@code bin}. */
  static long first(int bin) {
    long count = Math.max(EXACT_UP_TO + 1, (long) Math.floor(Math.pow(10, (double) bin / PER_DECADE)));
    while (bin(count) < bin) {
      count++;
    }
    while (count - 1 > EXACT_UP_TO && bin(count - 1) >= bin) {
      count--;
    }
    return count;
  }
}
