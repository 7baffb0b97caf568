package org.cfmr.core.similarity;

import org.cfmr.core.EntityTotals;

/**
 * The seed's cosine: {@code Σ r_a·r_b / sqrt(Σ r_a² · Σ r_b²)}, every sum over the co-rated
 * pivots only. In half stars the factor 4 cancels, so the sums are exact integers.
 */
final class CosineMeasure implements SimilarityMeasure {

  @Override
  public PairValues pairValues() {
    return PairValues.HALF_STARS;
  }

  @Override
  public void keepReadSums(PairSums sums) {
    sums.sumA = 0;
    sums.sumB = 0;
  }

  @Override
  public double raw(PairSums s, EntityTotals a, EntityTotals b) {
    return SimilarityMeasure.cosine(s.sumAB, s.sumAA, s.sumBB);
  }
}
