package org.cfmr.core;

/**
 * The partial sums of one entity pair {@code (a, b)} over the pivots they share, all exact
 * {@code long}s so that partials may be added in any order with the same result.
 *
 * <p>For {@code cosine} and {@code pearson} the values are half stars {@code h = 2·r}:
 * {@code sumAB = Σ h_a·h_b}, {@code sumAA = Σ h_a²}, {@code sumA = Σ h_a} (pearson only), and the
 * centring on each entity's mean is applied once at the end ({@link PairScorer}). For
 * {@code adjusted-cosine} the centring term differs per pivot, so each pivot's centred products
 * are added as fixed-point numbers ({@link PivotCentring}) and {@code sumA}, {@code sumB} stay 0.
 */
public final class PairSums {
  public long n;
  public long sumA;
  public long sumB;
  public long sumAA;
  public long sumBB;
  public long sumAB;

  public PairSums() {}

  public PairSums(long n, long sumA, long sumB, long sumAA, long sumBB, long sumAB) {
    this.n = n;
    this.sumA = sumA;
    this.sumB = sumB;
    this.sumAA = sumAA;
    this.sumBB = sumBB;
    this.sumAB = sumAB;
  }

  /** Adds {@code other}'s partials to these. */
  public void add(PairSums other) {
    n += other.n;
    sumA += other.sumA;
    sumB += other.sumB;
    sumAA += other.sumAA;
    sumBB += other.sumBB;
    sumAB = Math.addExact(sumAB, other.sumAB);
  }

  /** Adds one pivot's contribution: {@code x_a}, {@code x_b} and the derived squares/products. */
  public void add(long a, long b, long aa, long bb, long ab) {
    n++;
    sumA += a;
    sumB += b;
    sumAA += aa;
    sumBB += bb;
    sumAB = Math.addExact(sumAB, ab);
  }

  public void clear() {
    n = sumA = sumB = sumAA = sumBB = sumAB = 0;
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
