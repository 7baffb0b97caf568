package org.cfmr.core.similarity;

import org.cfmr.core.EntityTotals;

/**
 * Adjusted cosine (Sarwar et al. 2001): the cosine over the co-rated pivots of
 * {@code x = r − mean of the pivot's train ratings}. The centring term differs from pivot to
 * pivot, so the sums are of fixed-point products ({@link PivotCentring}), not of half stars.
 */
final class AdjustedCosineMeasure implements SimilarityMeasure {

  @Override
  public PairValues pairValues() {
    return PairValues.PIVOT_DEVIATIONS;
  }

  @Override
  public void keepReadSums(PairSums sums) {}

  @Override
  public double raw(PairSums s, EntityTotals a, EntityTotals b) {
    return SimilarityMeasure.cosine(s.sumAB, s.sumAA, s.sumBB);
  }
}
