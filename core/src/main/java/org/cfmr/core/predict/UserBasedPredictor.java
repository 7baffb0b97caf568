package org.cfmr.core.predict;

import java.util.Arrays;
import org.cfmr.core.Mode;
import org.cfmr.core.SixDecimals;

/**
 * User-based, mean-centred prediction (the seed's formula):
 * {@code pred(u,i) = mu_u + Σ_{v∈V} sim(u,v)·(r_vi − mu_v) / Σ_{v∈V} |sim(u,v)|} with
 * {@code V = {v ∈ N_K(u) : v rated i}}, covered when {@code |V| ≥ minNeighbours} (default 1) and
 * {@code Σ|sim| > 0}, then clipped. Similarities are the neighbour file's (6 decimals).
 */
public final class UserBasedPredictor implements Predictor {
  private final TrainData train;
  private final IndexedNeighbours neighbours;
  private final int minNeighbours;
  private final Clipping clipping;

  public UserBasedPredictor(TrainData train, IndexedNeighbours neighbours, int minNeighbours,
      Clipping clipping) {
    if (minNeighbours < 1) {
      throw new IllegalArgumentException("--min-neighbours must be >= 1, not " + minNeighbours);
    }
    this.train = train;
    this.neighbours = neighbours;
    this.minNeighbours = minNeighbours;
    this.clipping = clipping;
  }

  @Override
  public Mode mode() {
    return Mode.USER;
  }

  @Override
  public UserScorer newScorer() {
    return new Scorer();
  }

  /**
   * Accumulates, in one pass over the neighbours' ratings (best neighbour first), the sums of
   * every item the neighbours rated (a scatter: each neighbour's ratings are read once): dense
   * per-thread arrays, reset through the touched list. They are both the predictions' sums and
   * the candidates' evidence.
   */
  private final class Scorer implements UserScorer {
    private final double[] weighted = new double[train.items()];
    private final double[] absWeights = new double[train.items()];
    private final int[] count = new int[train.items()];
    private final long[] similarityMillionths = new long[train.items()];
    private final int[] touched = new int[train.items()];
    private int touchedSize;
    private int user = -1;

    @Override
    public void startUser(int u) {
      for (int t = 0; t < touchedSize; t++) {
        int item = touched[t];
        weighted[item] = 0;
        absWeights[item] = 0;
        count[item] = 0;
        similarityMillionths[item] = 0;
      }
      touchedSize = 0;
      user = u;
      for (int p = neighbours.start(u); p < neighbours.start(u + 1); p++) {
        int v = neighbours.neighbourAt(p);
        double sim = neighbours.similarityAt(p);
        long simMillionths = SixDecimals.millionths(sim);
        double meanV = train.userMean(v);
        for (int at = train.userStart(v); at < train.userStart(v + 1); at++) {
          int item = train.itemAt(at);
          if (count[item]++ == 0) {
            touched[touchedSize++] = item;
          }
          weighted[item] += sim * (train.ratingAt(at) - meanV);
          absWeights[item] += Math.abs(sim);
          similarityMillionths[item] += simMillionths;
        }
      }
    }

    @Override
    public double predict(int item) {
      if (!covered(item)) {
        return Double.NaN;
      }
      return clipping.apply(train.userMean(user) + weighted[item] / absWeights[item]);
    }

    @Override
    public int[] candidates() {
      int[] items = new int[touchedSize];
      int size = 0;
      for (int t = 0; t < touchedSize; t++) {
        if (!train.rated(user, touched[t])) {
          items[size++] = touched[t];
        }
      }
      int[] result = Arrays.copyOf(items, size);
      Arrays.sort(result);
      return result;
    }

    @Override
    public boolean covered(int candidate) {
      return count[candidate] >= minNeighbours && absWeights[candidate] != 0;
    }

    @Override
    public int support(int candidate) {
      return count[candidate];
    }

    @Override
    public double similaritySum(int candidate) {
      return similarityMillionths[candidate] / 1e6;
    }

    @Override
    public double deviationSum(int candidate) {
      return weighted[candidate];
    }
  }
}
