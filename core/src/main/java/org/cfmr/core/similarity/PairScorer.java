package org.cfmr.core.similarity;

import org.cfmr.core.EntityTotals;

/**
 * Turns a pair's summed partials into its similarity, or rejects the pair: the spec's
 * {@code raw}, then {@link Shrinkage}, then the rule that a pair is kept only if both norms are
 * non-zero, {@code n >= minCommon} and {@code sim > minSim}.
 */
public final class PairScorer {
  private final NeighbourSettings settings;

  public PairScorer(NeighbourSettings settings) {
    this.settings = settings;
  }

  /**
   * The pair's similarity, or {@code NaN} when it is not kept.
   *
   * @param a the first entity's train totals
   * @param b the second entity's train totals
   */
  public double score(PairSums sums, EntityTotals a, EntityTotals b) {
    if (sums.n < settings.minCommon()) {
      return Double.NaN;
    }
    double raw = settings.measure().raw(sums, a, b);
    if (Double.isNaN(raw)) {
      return Double.NaN;
    }
    double sim = Shrinkage.apply(raw, sums.n, settings.shrink());
    return sim > settings.minSim() ? sim : Double.NaN;
  }

  /**
   * The most a pair with support {@code n} can score: every raw cosine is at most 1 (plus
   * rounding, hence a slack far above it), so shrinkage bounds the similarity by
   * {@code n / (n + λ)}. A selector whose worst kept neighbour is above this need not score the
   * pair.
   */
  public double upperBound(long n) {
    return Shrinkage.apply(1, n, settings.shrink()) + 1e-9;
  }
}
