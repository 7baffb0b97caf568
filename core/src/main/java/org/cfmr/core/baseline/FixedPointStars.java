package org.cfmr.core.baseline;

/**
 * Stars in fixed point: a {@code long} counting units of 2^-{@value #FRACTION_BITS} star (about
 * 1.5e-11). The baseline's biases are kept in this unit so that each of its sums is a sum of
 * integers, exact whatever the order the terms meet in (threads, mappers, combiners): the fit
 * gives the same bits on every engine. A half-star rating is exact in it; a bias is rounded once
 * per update, to the nearest unit (error at most 2^-37 ≈ 7.3e-12 star).
 */
public final class FixedPointStars {
  public static final int FRACTION_BITS = 36;
  private static final double SCALE = 0x1.0p36;

  private FixedPointStars() {}

  /** A half-star value {@code h} (i.e. {@code h/2} stars), exactly. */
  public static long ofHalfStars(int halfStars) {
    return (long) halfStars << (FRACTION_BITS - 1);
  }

  /** {@code stars} rounded to the nearest unit. */
  public static long of(double stars) {
    return Math.round(stars * SCALE);
  }

  /** The value in stars (exact for any bias: |value| < 2^17 stars). */
  public static double stars(long fixed) {
    return fixed / SCALE;
  }
}
