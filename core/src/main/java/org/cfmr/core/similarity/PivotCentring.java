package org.cfmr.core.similarity;

/**
 * Adjusted cosine centres each rating on the pivot's mean, a term that differs from pivot to
 * pivot, so its sums cannot be rebuilt exactly from integer sums at the end. Instead each pivot's
 * centred product is rounded once, deterministically, to a fixed-point {@code long} with
 * {@value #FRACTION_BITS} fraction bits (units of ¼ star²); fixed-point sums are exact, so the
 * result does not depend on the order partials are added in.
 *
 * <p>With half-star values {@code h} and a pivot of {@code N} ratings summing to {@code S} half
 * stars, {@code x = h − S/N = d/N} with the integer {@code d = N·h − S}; a product is
 * {@code d_a·d_b / N²}, computed from exact integers with one correctly rounded division. The
 * rounding error is at most 2^-37 per term; a term is at most 81·2^36, so even 10^5 co-rated
 * pivots stay far inside a {@code long}.
 */
public final class PivotCentring {
  public static final int FRACTION_BITS = 36;
  private static final double SCALE = 0x1.0p36;

  private PivotCentring() {}

  /** {@code N·h − S}: a half-star value centred on the pivot mean, times the pivot's count. */
  public static long scaledDeviation(int halfStars, long pivotCount, long pivotHalfStarSum) {
    return pivotCount * halfStars - pivotHalfStarSum;
  }

  /** {@code d_a·d_b / N²} as a fixed-point number. */
  public static long product(long deviationA, long deviationB, long pivotCount) {
    double count = pivotCount;
    return Math.round((double) (deviationA * deviationB) / (count * count) * SCALE);
  }
}
