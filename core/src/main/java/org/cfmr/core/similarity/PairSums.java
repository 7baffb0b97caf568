package org.cfmr.core.similarity;

import org.cfmr.core.CfmrException;

/**
 * The partial sums of one entity pair {@code (a, b)} over the pivots they share, all exact
 * {@code long}s so that partials may be added in any order with the same result.
 *
 * <p>What they add up is the measure's {@link SimilarityMeasure.PairValues}: half stars
 * {@code h = 2·r} ({@code sumAB = Σ h_a·h_b}, {@code sumAA = Σ h_a²}, {@code sumA = Σ h_a}), any
 * centring on each entity's mean applied once at the end; or fixed-point products of deviations
 * from each pivot's mean ({@link PivotCentring}) or of residuals from the baseline
 * ({@link BaselineResiduals}), {@code sumA} and {@code sumB} then 0. This class
 * is the one place that knows the six sums' order in a {@code long[]} of many pairs.
 */
public final class PairSums {
  /** How many sums a pair has: the length of its run in a {@code long[]} of many pairs. */
  public static final int FIELDS = 6;

  public long n;
  public long sumA;
  public long sumB;
  public long sumAA;
  public long sumBB;
  public long sumAB;

  public PairSums() {}

  public PairSums(long n, long sumA, long sumB, long sumAA, long sumBB, long sumAB) {
    set(n, sumA, sumB, sumAA, sumBB, sumAB);
  }

  /** Sets all six sums; returns this. */
  public PairSums set(long n, long sumA, long sumB, long sumAA, long sumBB, long sumAB) {
    this.n = n;
    this.sumA = sumA;
    this.sumB = sumB;
    this.sumAA = sumAA;
    this.sumBB = sumBB;
    this.sumAB = sumAB;
    return this;
  }

  /** Sets these to the sums stored at {@code fields[at..at + FIELDS)}; returns this. */
  public PairSums readFrom(long[] fields, int at) {
    return set(fields[at], fields[at + 1], fields[at + 2], fields[at + 3], fields[at + 4],
        fields[at + 5]);
  }

  /** Stores these sums at {@code fields[at..at + FIELDS)}, in the order {@link #readFrom} reads. */
  public void writeTo(long[] fields, int at) {
    fields[at] = n;
    fields[at + 1] = sumA;
    fields[at + 2] = sumB;
    fields[at + 3] = sumAA;
    fields[at + 4] = sumBB;
    fields[at + 5] = sumAB;
  }

  /** Adds these sums to those stored at {@code fields[at..at + FIELDS)}. */
  public void addTo(long[] fields, int at) {
    fields[at] += n;
    fields[at + 1] += sumA;
    fields[at + 2] += sumB;
    fields[at + 3] = exactSum(fields[at + 3], sumAA);
    fields[at + 4] = exactSum(fields[at + 4], sumBB);
    fields[at + 5] = exactSum(fields[at + 5], sumAB);
  }

  /** Adds {@code other}'s partials to these. */
  public void add(PairSums other) {
    add(other.n, other.sumA, other.sumB, other.sumAA, other.sumBB, other.sumAB);
  }

  /** Adds one pivot's contribution: {@code x_a}, {@code x_b} and the derived squares/products. */
  public void add(long a, long b, long aa, long bb, long ab) {
    add(1, a, b, aa, bb, ab);
  }

  private void add(long count, long a, long b, long aa, long bb, long ab) {
    n += count;
    sumA += a;
    sumB += b;
    sumAA = exactSum(sumAA, aa);
    sumBB = exactSum(sumBB, bb);
    sumAB = exactSum(sumAB, ab);
  }

  /**
   * {@code x + y}, or an error when the sum leaves a {@code long}: only fixed-point sums of a pair
   * with far more co-ratings than any MovieLens pair can get there ({@link BaselineResiduals}).
   */
  public static long exactSum(long x, long y) {
    try {
      return Math.addExact(x, y);
    } catch (ArithmeticException e) {
      throw new CfmrException("a pair's sums leave a long (" + x + " + " + y + "): too many "
          + "co-ratings for exact fixed-point sums");
    }
  }

  public void clear() {
    set(0, 0, 0, 0, 0, 0);
  }

  public PairSums copy() {
    return new PairSums(n, sumA, sumB, sumAA, sumBB, sumAB);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PairSums p
        && n == p.n && sumA == p.sumA && sumB == p.sumB
        && sumAA == p.sumAA && sumBB == p.sumBB && sumAB == p.sumAB;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(n * 31 + sumAB);
  }

  @Override
  public String toString() {
    return "PairSums{n=" + n + ", a=" + sumA + ", b=" + sumB + ", aa=" + sumAA + ", bb=" + sumBB
        + ", ab=" + sumAB + "}";
  }
}
