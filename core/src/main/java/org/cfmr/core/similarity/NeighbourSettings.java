package org.cfmr.core.similarity;

import org.cfmr.core.UsageException;

/**
 * Everything that decides the neighbour files, as data. The defaults are the spec's: pearson,
 * λ = 100, minCommon = 5, minSim = 0, K = 50, no cap on pivot size.
 *
 * @param maxPivotRatings where a pivot has more ratings than this, a seeded sample of this many
 *     is used for pair generation; 0 means no cap
 * @param seed the seed of that sample
 */
public record NeighbourSettings(
    Similarity measure,
    double shrink,
    int minCommon,
    double minSim,
    int k,
    int maxPivotRatings,
    long seed) {

  public static final int DEFAULT_K = 50;
  public static final int DEFAULT_MIN_COMMON = 5;
  public static final double DEFAULT_MIN_SIM = 0;
  public static final long DEFAULT_SEED = 42;

  public static NeighbourSettings defaults() {
    return new NeighbourSettings(Similarity.PEARSON, Shrinkage.DEFAULT_LAMBDA,
        DEFAULT_MIN_COMMON, DEFAULT_MIN_SIM, DEFAULT_K, 0, DEFAULT_SEED);
  }

  /**
   * The ranking neighbours that go with these: co-occurrence cosine with no shrinkage and one
   * common pivot (the best top-N lists measured, see docs/ALGORITHMS.md), with the same K, pivot
   * cap and seed.
   */
  public NeighbourSettings forRanking() {
    return withMeasure(Similarity.COOCCURRENCE).withShrink(0).withMinCommon(1);
  }

  public NeighbourSettings {
    if (!(shrink >= 0 && shrink < Double.POSITIVE_INFINITY)) {
      throw new UsageException("--shrink must be a number >= 0, not " + shrink);
    }
    if (!(minSim >= -1 && minSim < 1)) {
      throw new UsageException("--min-sim must be a number from -1 to below 1 (similarities are "
          + "in [-1, 1]), not " + minSim);
    }
    if (minCommon < 1) throw new UsageException("--min-common must be >= 1, not " + minCommon);
    if (k < 1) throw new UsageException("--k must be >= 1, not " + k);
    if (maxPivotRatings < 0 || maxPivotRatings == 1) {
      throw new UsageException(
          "--max-pivot-ratings must be 0 (no cap) or >= 2, not " + maxPivotRatings);
    }
  }

  public boolean capsPivots() {
    return maxPivotRatings > 0;
  }

  /**
   * Whether {@code other}'s neighbours can be scored from the pair sums summed for these: the
   * same ratings of each pivot enter (the same cap and seed) and either both measures sum the same
   * values or {@code other}'s reads the support alone. One pass of the kernel then serves both.
   */
  public boolean sharesPairSums(NeighbourSettings other) {
    boolean sameRatings = maxPivotRatings == other.maxPivotRatings
        && (!capsPivots() || seed == other.seed);
    return sameRatings && (measure.pairValues() == other.measure.pairValues()
        || other.measure.readsSupportOnly());
  }

  public NeighbourSettings withMeasure(Similarity m) {
    return new NeighbourSettings(m, shrink, minCommon, minSim, k, maxPivotRatings, seed);
  }

  public NeighbourSettings withShrink(double lambda) {
    return new NeighbourSettings(measure, lambda, minCommon, minSim, k, maxPivotRatings, seed);
  }

  public NeighbourSettings withMinCommon(int min) {
    return new NeighbourSettings(measure, shrink, min, minSim, k, maxPivotRatings, seed);
  }

  public NeighbourSettings withK(int newK) {
    return new NeighbourSettings(measure, shrink, minCommon, minSim, newK, maxPivotRatings, seed);
  }

  public NeighbourSettings withMaxPivotRatings(int cap) {
    return new NeighbourSettings(measure, shrink, minCommon, minSim, k, cap, seed);
  }

  /** A one-line description for logs and reports. */
  public String describe() {
    return "similarity=" + measure + " shrink=" + shrink + " minCommon=" + minCommon
        + " minSim=" + minSim + " k=" + k
        + (capsPivots() ? " maxPivotRatings=" + maxPivotRatings + " seed=" + seed : "");
  }
}
