package org.cfmr.core.similarity;

import org.cfmr.core.EntityTotals;

/**
 * Pearson correlation of baseline residuals (Koren 2010, §2.2; Surprise's
 * {@code pearson_baseline}): the cosine over the co-rated pivots of {@code e = r − b_ui}, with
 * {@code b_ui = μ + b_u + b_i} the baseline fitted on the train split. The residual already takes
 * out both the entity's and the pivot's bias, so no entity mean is subtracted at the end; the
 * sums are of fixed-point products of residuals ({@link BaselineResiduals}). The rounding of
 * each product can put the cosine of nearly parallel residuals a little outside [-1, 1] (by the
 * unit's effect, for residuals of a few thousandths of a star by more than 1e-6), so it is
 * clamped to that range, as the exact value lies in it.
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
    return Math.max(-1, Math.min(1, SimilarityMeasure.cosine(s.sumAB, s.sumAA, s.sumBB)));
  }
}
