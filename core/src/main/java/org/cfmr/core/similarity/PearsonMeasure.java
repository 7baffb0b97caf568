package org.cfmr.core.similarity;

import org.cfmr.core.EntityTotals;

/**
 * Pearson correlation as the spec defines it: the cosine over the co-rated pivots of
 * {@code x = r − m}, with {@code m = S/N} the mean of all the entity's own train ratings (not only
 * the co-rated ones).
 *
 * <p>Multiplying every centred value by its entity's {@code N} keeps everything integral:
 * {@code N_a·N_b·Σ(r_a−m_a)(r_b−m_b) = N_a·N_b·Σab − N_a·S_b·Σa − N_b·S_a·Σb + n·S_a·S_b}, and
 * the factors cancel in the cosine. So the numerator and both norms are exact and a zero norm is
 * seen exactly.
 */
final class PearsonMeasure implements SimilarityMeasure {

  @Override
  public PairValues pairValues() {
    return PairValues.HALF_STARS;
  }

  @Override
  public void keepReadSums(PairSums sums) {}

  @Override
  public double raw(PairSums s, EntityTotals a, EntityTotals b) {
    long na = a.count();
    long nb = b.count();
    long sa = a.halfStarSum();
    long sb = b.halfStarSum();
    long dot = sum(Math.multiplyExact(na * nb, s.sumAB), -Math.multiplyExact(na * sb, s.sumA),
        -Math.multiplyExact(nb * sa, s.sumB), Math.multiplyExact(s.n, sa * sb));
    return SimilarityMeasure.cosine(dot, centredNorm(na, sa, s.n, s.sumA, s.sumAA),
        centredNorm(nb, sb, s.n, s.sumB, s.sumBB));
  }

  /** {@code N²·Σ(x − S/N)² = N²·Σx² − 2·N·S·Σx + n·S²}. */
  private static long centredNorm(long count, long sum, long n, long sumX, long sumXX) {
    return sum(Math.multiplyExact(count * count, sumXX), -2 * Math.multiplyExact(count * sum, sumX),
        Math.multiplyExact(n, sum * sum), 0);
  }

  private static long sum(long w, long x, long y, long z) {
    return Math.addExact(Math.addExact(w, x), Math.addExact(y, z));
  }
}
