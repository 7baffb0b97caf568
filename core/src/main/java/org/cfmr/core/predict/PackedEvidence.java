package org.cfmr.core.predict;

import org.cfmr.core.SixDecimals;

/**
 * A candidate's ranking evidence in one {@code long}, so that the scatter through the neighbour
 * lists adds one neighbour's contribution with a single addition: {@code Σ sim} in millionths
 * (exact, order-free) in the high 40 bits, the support {@code |J|} (resp. {@code |V|}) in the low
 * 24. A contribution is {@code millionths(sim)·2^24 + 1}. Both fields stay exact while no list is
 * longer than {@link #MAX_LIST} ({@code 500,000 · 10^6 < 2^39}, {@code 500,000 < 2^24}), because
 * a candidate's support never exceeds the length of the lists it is gathered from.
 */
public final class PackedEvidence {
  /** The longest neighbour list whose sums fit. */
  public static final int MAX_LIST = 500_000;

  private static final int SUPPORT_BITS = 24;
  private static final long SUPPORT_MASK = (1L << SUPPORT_BITS) - 1;

  private PackedEvidence() {}

  /** One neighbour's contribution of similarity {@code similarity} (six decimals). */
  public static long of(double similarity) {
    return (SixDecimals.millionths(similarity) << SUPPORT_BITS) + 1;
  }

  /** The support of a packed sum. */
  public static int support(long packed) {
    return (int) (packed & SUPPORT_MASK);
  }

  /** {@code Σ sim} of a packed sum, in millionths. */
  public static long similarityMillionths(long packed) {
    return packed >> SUPPORT_BITS;
  }
}
