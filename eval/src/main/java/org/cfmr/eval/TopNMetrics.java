package org.cfmr.eval;

/**
 * Precision@N, recall@N and nDCG@N of one user's top-N list, with binary relevance (a test rating
 * ≥ 4.0 by default): {@code precision = hits / N} (N even when the list is shorter),
 * {@code recall = hits / |relevant|}, {@code nDCG = DCG / IDCG} with
 * {@code DCG = Σ_{relevant item at rank k ≤ N} 1 / log2(k + 1)} and IDCG the DCG of
 * {@code min(|relevant|, N)} hits at the top. Defined for users with at least one relevant item.
 */
final class TopNMetrics {
  private TopNMetrics() {}

  /** One user's three figures. */
  record UserFigures(double precision, double recall, double ndcg) {}

  /** How many of user group {@code group}'s test ratings are relevant. */
  static int relevant(TestRatings test, int group, double relevantFrom) {
    int relevant = 0;
    for (int at = test.start(group); at < test.start(group + 1); at++) {
      if (test.ratingAt(at) >= relevantFrom) {
        relevant++;
      }
    }
    return relevant;
  }

  /**
   * The figures of the list {@code itemIds} (best first, at most {@code n}) for user group
   * {@code group}, which has {@code relevant ≥ 1} relevant test ratings.
   */
  static UserFigures of(TestRatings test, int group, int[] itemIds, int n, double relevantFrom,
      int relevant) {
    int[] hitRanks = new int[n];
    int hits = 0;
    for (int rank = 0; rank < itemIds.length; rank++) {
      int at = test.find(group, itemIds[rank]);
      if (at >= 0 && test.ratingAt(at) >= relevantFrom) {
        hitRanks[hits++] = rank + 1;
      }
    }
    return new UserFigures(precision(hits, n), recall(hits, relevant),
        ndcg(hitRanks, hits, relevant, n));
  }

  static double precision(int hits, int n) {
    return (double) hits / n;
  }

  static double recall(int hits, int relevant) {
    return (double) hits / relevant;
  }

  /** {@code hitRanks[0..hits)}: the 1-based ranks of the relevant items in the list. */
  static double ndcg(int[] hitRanks, int hits, int relevant, int n) {
    double dcg = 0;
    for (int h = 0; h < hits; h++) {
      dcg += gain(hitRanks[h]);
    }
    double ideal = 0;
    for (int rank = 1; rank <= Math.min(relevant, n); rank++) {
      ideal += gain(rank);
    }
    return dcg / ideal;
  }

  private static double gain(int rank) {
    return 1 / (Math.log(rank + 1) / Math.log(2));
  }
}
