package org.cfmr.core.similarity;

import org.cfmr.core.EntityTotals;

/**
 * The cosine of binary rated/not-rated vectors over all pivots:
 * {@code |P_a ∩ P_b| / sqrt(|P_a|·|P_b|)}, with {@code P_a} the pivots {@code a} rated in train.
 * It ignores the rating values, so it measures how often two entities occur together: the measure
 * for ranking top-N lists (Deshpande &amp; Karypis 2004). It reads the support {@code n} alone.
 */
final class CooccurrenceMeasure implements SimilarityMeasure {

  @Override
  public PairValues pairValues() {
    return PairValues.HALF_STARS;
  }

  @Override
  public boolean readsSupportOnly() {
    return true;
  }

  @Override
  public void keepReadSums(PairSums sums) {
    long n = sums.n;
    sums.clear();
    sums.n = n;
  }

  @Override
  public double raw(PairSums s, EntityTotals a, EntityTotals b) {
    return SimilarityMeasure.cosine(s.n, a.count(), b.count());
  }
}
