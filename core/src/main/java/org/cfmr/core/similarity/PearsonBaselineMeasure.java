package org.cfmr.core.similarity;

import org.cfmr.core.EntityTotals;

/**
 * Pearson correlation of baseline residuals (Koren 2010, §2.2; Surprise's
 * {@code pearson_baseline}): the cosine over the co-rated pivots of {@code e = r − b_ui}, with
 * {@code b_ui = μ + b_u + b_i} the baseline fitted on the train split. The residual already takes
 * out both the entity's and the pivot's bias, so no entity mean is subtracted at the end; the
 * sums are of fixed-point products of residuals ({@link BaselineResiduals}).
 */
final class PearsonBaselineMeasure implements SimilarityMeasure {

  @Override
  public PairValues pairValues() {
    return PairValues.BASELINE_RESIDUALS;
  }

  @Override
  public void keepReadSums(PairSums sums) {}

  @Override
  public double raw(PairSums s, EntityTotals a, EntityTotals b) {
    return SimilarityMeasure.cosine(s.sumAB, s.sumAA, s.sumBB);
  }
}
