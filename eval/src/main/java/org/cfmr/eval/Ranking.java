package org.cfmr.eval;

import java.util.Arrays;

/**
 * Orders scored items best first: score descending, ties by item ascending (the spec's
 * recommendation order). For a short list it keeps the best {@code n} by insertion.
 */
final class Ranking {
  private Ranking() {}

  /**
   * The positions in {@code [0, size)} of the {@code n} best (or all, if fewer) items, best
   * first. {@code items} must ascend, so ties keep position order.
   */
  static int[] best(double[] scores, int size, int n) {
    int keep = Math.min(n, size);
    if (keep == 0) {
      return new int[0];
    }
    if (keep > 64) {
      Integer[] order = new Integer[size];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
      int[] result = new int[keep];
      for (int i = 0; i < keep; i++) {
        result[i] = order[i];
      }
      return result;
    }
    int[] top = new int[keep];
    int filled = 0;
    for (int i = 0; i < size; i++) {
      if (filled == keep && scores[i] <= scores[top[keep - 1]]) {
        continue;
      }
      int at = filled < keep ? filled++ : keep - 1;
      while (at > 0 && scores[top[at - 1]] < scores[i]) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = i;
    }
    return top;
  }
}
