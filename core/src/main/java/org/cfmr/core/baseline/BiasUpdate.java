package org.cfmr.core.baseline;

/**
 * One closed-form update of the alternating fit, the one definition the in-memory fit and the
 * MapReduce step share: an item's bias
 * {@code b_i = Σ_{u∈U_i} (r_ui − μ − b_u) / (λ_i + |U_i|)} (then each user's, the same with the
 * roles swapped). Each residual is an exact fixed-point {@code long} ({@link FixedPointStars}), its
 * sum is exact (overflow is an error, not a wrap), and the quotient is rounded once to the unit.
 */
public final class BiasUpdate {
  private BiasUpdate() {}

  /** {@code r − μ − b_other} in fixed point, exactly. */
  public static long residual(int halfStars, long globalMean, long otherBias) {
    return FixedPointStars.ofHalfStars(halfStars) - globalMean - otherBias;
  }

  /** {@code sum + residual}, or an error when it leaves a {@code long}. */
  public static long add(long sum, long residual) {
    return Math.addExact(sum, residual);
  }

  /** {@code Σ residuals / (λ + n)}, rounded to the fixed-point unit; 0 for an entity without ratings. */
  public static long bias(long residualSum, long count, double regularisation) {
    double denominator = regularisation + count;
    return denominator == 0 ? 0 : Math.round(residualSum / denominator);
  }

  /** {@code μ}: the mean of all train ratings from their half-star sum and count, in fixed point. */
  public static long globalMean(long halfStarSum, long count) {
    return FixedPointStars.of(halfStarSum / (2.0 * count));
  }
}
