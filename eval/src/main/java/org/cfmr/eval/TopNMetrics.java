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
