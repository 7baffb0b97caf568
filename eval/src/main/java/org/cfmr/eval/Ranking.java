package org.cfmr.eval;

import java.util.Arrays;

/**
 * The best {@code n} of a stream of scored items: score descending, ties by item ascending (the
 * spec's recommendation order; dense item indices ascend with the ids). A bounded heap whose root
 * is the worst kept item, so a candidate that does not make the list costs one comparison.
 */
final class Ranking {
  private final int[] items;
  private final double[] scores;
  private int size;

  Ranking(int n) {
    items = new int[n];
    scores = new double[n];
  }

  /** Offers {@code item} with {@code score} (not NaN). */
  void offer(int item, double score) {
    if (size < items.length) {
      items[size] = item;
      scores[size] = score;
      siftUp(size++);
    } else if (size > 0 && better(score, item, scores[0], items[0])) {
      items[0] = item;
      scores[0] = score;
      siftDown(0);
    }
  }

  /** The kept items, best first. */
  int[] best() {
    Integer[] order = new Integer[size];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, (a, b) -> better(scores[a], items[a], scores[b], items[b]) ? -1
        : better(scores[b], items[b], scores[a], items[a]) ? 1 : 0);
    int[] best = new int[size];
    for (int k = 0; k < size; k++) {
      best[k] = items[order[k]];
    }
    return best;
  }

  private static boolean better(double score, int item, double otherScore, int otherItem) {
    return score > otherScore || (score == otherScore && item < otherItem);
  }

  private void siftUp(int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!better(scores[parent], items[parent], scores[at], items[at])) {
        return;
      }
      swap(at, parent);
      at = parent;
    }
  }

  private void siftDown(int at) {
    while (true) {
      int worst = at;
      for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
        if (better(scores[worst], items[worst], scores[child], items[child])) {
          worst = child;
        }
      }
      if (worst == at) {
        return;
      }
      swap(at, worst);
      at = worst;
    }
  }

  private void swap(int a, int b) {
    int item = items[a];
    items[a] = items[b];
    items[b] = item;
    double score = scores[a];
    scores[a] = scores[b];
    scores[b] = score;
  }
}
