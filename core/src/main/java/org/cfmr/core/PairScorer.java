package org.cfmr.core;

/**
 * Turns a pair's summed partials into its similarity, or rejects the pair: the spec's
 * {@code raw}, then {@link Shrinkage}, then the rule that a pair is kept only if both norms are
 * non-zero, {@code n >= minCommon} and {@code sim > minSim}.
 */
public final class PairScorer {
  private final SimilaritySettings settings;

  public PairScorer(SimilaritySettings settings) {
    this.settings = settings;
  }

  /**
   * The pair's similarity, or {@code NaN} when it is not kept.
   *
   * @param a the first entity's train totals (used by pearson and co-occurrence)
   * @param b the second entity's train totals (used by pearson and co-occurrence)
   */
  public double score(PairSums sums, EntityTotals a, EntityTotals b) {
    if (sums.n < settings.minCommon()) {
      return Double.NaN;
    }
    double raw = raw(settings.measure(), sums, a, b);
    if (Double.isNaN(raw)) {
      return Double.NaN;
    }
    double sim = Shrinkage.apply(raw, sums.n, settings.shrink());
    return sim > settings.minSim() ? sim : Double.NaN;
  }

  /**
   * The most a pair with support {@code n} can score: every raw cosine is at most 1 (plus
   * rounding, hence a slack far above it), so shrinkage bounds the similarity by
   * {@code n / (n + λ)}. A selector whose worst kept neighbour is above this need not score the
   * pair.
   */
  public double upperBound(long n) {
    return Shrinkage.apply(1, n, settings.shrink()) + 1e-9;
  }

  /**
   * The cosine of the (centred) values over the co-rated set, or {@code NaN} when a norm is zero.
   * For co-occurrence, the support over the square root of the two entities' rating counts.
   *
   * <p>Pearson centres on each entity's own mean {@code m = S/N}. Multiplying every centred value
   * by its entity's {@code N} keeps everything integral:
   * {@code N_a·N_b·Σ(r_a−m_a)(r_b−m_b) = N_a·N_b·Σab − N_a·S_b·Σa − N_b·S_a·Σb + n·S_a·S_b}, and
   * the factors cancel in the cosine. So the numerator and both norms are exact and a zero norm
   * is seen exactly.
   */
  public static double raw(Similarity measure, PairSums s, EntityTotals a, EntityTotals b) {
    long dot;
    long normA;
    long normB;
    if (measure.binary()) {
      dot = s.n;
      normA = a.count();
      normB = b.count();
    } else if (measure.centring() == Similarity.Centring.ENTITY_MEAN) {
      long na = a.count();
      long nb = b.count();
      long sa = a.halfStarSum();
      long sb = b.halfStarSum();
      dot = sum(Math.multiplyExact(na * nb, s.sumAB), -Math.multiplyExact(na * sb, s.sumA),
          -Math.multiplyExact(nb * sa, s.sumB), Math.multiplyExact(s.n, sa * sb));
      normA = centredNorm(na, sa, s.n, s.sumA, s.sumAA);
      normB = centredNorm(nb, sb, s.n, s.sumB, s.sumBB);
    } else {
      dot = s.sumAB;
      normA = s.sumAA;
      normB = s.sumBB;
    }
    if (normA == 0 || normB == 0) {
      return Double.NaN;
    }
    return dot / Math.sqrt((double) normA * (double) normB);
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
