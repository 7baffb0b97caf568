package org.cfmr.core.predict;

import java.util.Arrays;
import org.cfmr.core.Mode;
import org.cfmr.core.runtime.UsageException;
import org.cfmr.core.SixDecimals;

/**
 * User-based prediction centred on {@code c(u,i)} ({@link RatingCentre}):
 * {@code pred(u,i) = c(u,i) + Σ_{v∈V} sim(u,v)·(r_vi − c(v,i)) / (Σ_{v∈V} |sim(u,v)| + λ_p)} with
 * {@code V = {v ∈ N_K(u) : v rated i}}, covered when {@code |V| ≥ minNeighbours} (default 1) and
 * {@code Σ|sim| > 0}, then clipped. Mean-centred (the seed's formula) {@code c(u,i) = mu_u},
 * knn-baseline {@code c(u,i) = b_ui}; the damping {@code λ_p} defaults to 0. Similarities are the
 * neighbour file's (6 decimals).
 */
public final class UserBasedPredictor implements Predictor {
  private final TrainData train;
  private final IndexedNeighbours neighbours;
  private final RatingCentre centre;
  private final double damping;
  private final int minNeighbours;
  private final Clipping clipping;

  public UserBasedPredictor(TrainData train, IndexedNeighbours neighbours, RatingCentre centre,
      double damping, int minNeighbours, Clipping clipping) {
    if (minNeighbours < 1) {
      throw new UsageException("--min-neighbours must be >= 1, not " + minNeighbours);
    }
    this.train = train;
    this.neighbours = neighbours;
    this.centre = centre;
    this.damping = damping;
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
        for (int at = train.userStart(v); at < train.userStart(v + 1); at++) {
          int item = train.itemAt(at);
          if (count[item]++ == 0) {
            touched[touchedSize++] = item;
          }
          weighted[item] += sim * (train.ratingAt(at) - centre.of(v, item));
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
      return clipping.apply(centre.of(user, item)
          + weighted[item] / (absWeights[item] + damping));
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
