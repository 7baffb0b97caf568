package org.cfmr.core.similarity;

import org.cfmr.core.EntityTotals;

/**
 * A similarity measure: which values of each rating its pair sums hold, which of those sums it
 * reads, and how it turns a pair's sums into its raw similarity. The engines ask the measure;
 * none of them knows one measure from another. Item–item is user–user with the roles swapped, so
 * the javadoc speaks of an entity (whose neighbours are sought) and a pivot (what two entities
 * have in common).
 */
public interface SimilarityMeasure {

  /** What a pair's sums add up, pivot by pivot. */
  enum PairValues {
    /**
     * Half stars {@code h = 2·r}: {@code n, Σh_a, Σh_b, Σh_a², Σh_b², Σh_a·h_b}, exact integers.
     */
    HALF_STARS,
    /**
     * Each rating's deviation from its pivot's mean, as fixed-point products
     * ({@link PivotCentring}): {@code n, Σx_a², Σx_b², Σx_a·x_b}.
     */
    PIVOT_DEVIATIONS,
    /**
     * Each rating's residual from the fitted baseline, {@code e = r − b_ui}, as fixed-point
     * products ({@link BaselineResiduals}): {@code n, Σe_a², Σe_b², Σe_a·e_b}.
     */
    BASELINE_RESIDUALS
  }

  PairValues pairValues();

  /** Whether the pair values need the baseline fitted on the train split. */
  default boolean needsBaseline() {
    return pairValues() == PairValues.BASELINE_RESIDUALS;
  }

  /**
   * Whether the measure reads the support {@code n} alone, which every layout of pair sums holds,
   * so that it can score pairs summed for any other measure.
   */
  default boolean readsSupportOnly() {
    return false;
  }

  /** Zeroes the sums this measure never reads, so that stored or shuffled sums stay small. */
  void keepReadSums(PairSums sums);

  /**
   * The raw similarity of a pair from its sums over the co-rated pivots and each entity's train
   * totals, or {@code NaN} when it is undefined (a zero norm).
   */
  double raw(PairSums sums, EntityTotals a, EntityTotals b);

  /** {@code dot / sqrt(normA · normB)}, or {@code NaN} when a norm is zero. */
  static double cosine(long dot, long normA, long normB) {
    if (normA == 0 || normB == 0) {
      return Double.NaN;
    }
    return dot / Math.sqrt((double) normA * (double) normB);
  }
}
