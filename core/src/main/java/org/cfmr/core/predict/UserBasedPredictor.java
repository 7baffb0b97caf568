package org.cfmr.core.predict;

import org.cfmr.core.Mode;
import org.cfmr.core.UsageException;

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
   * Predicts by walking the user's neighbours as listed (best first, the spec's order of
   * summation) and looking each one's rating up; scatters the candidates' evidence through the
   * neighbours' ratings, per thread.
   */
  private final class Scorer extends EvidenceScorer {
    Scorer() {
      super(UserBasedPredictor.this.train, UserBasedPredictor.this.minNeighbours);
    }

    @Override
    public double predict(int item) {
      double weighted = 0;
      double absWeights = 0;
      int count = 0;
      for (int p = neighbours.start(user); p < neighbours.start(user + 1); p++) {
        int v = neighbours.neighbourAt(p);
        int at = train.positionOf(v, item);
        if (at >= 0) {
          double sim = neighbours.similarityAt(p);
          weighted += sim * (train.ratingAt(at) - centre.of(v, item));
          absWeights += Math.abs(sim);
          count++;
        }
      }
      if (count < minNeighbours || absWeights == 0) {
        return Double.NaN;
      }
      return clipping.apply(centre.of(user, item) + weighted / (absWeights + damping));
    }

    /**
     * Each neighbour's contribution to every item the neighbour rated, one addition per rating;
     * the items the user rated gain evidence too, which the collection drops.
     */
    @Override
    void scatter() {
      for (int p = neighbours.start(user); p < neighbours.start(user + 1); p++) {
        int v = neighbours.neighbourAt(p);
        long contribution = PackedEvidence.of(neighbours.similarityAt(p));
        for (int at = train.userStart(v); at < train.userStart(v + 1); at++) {
          evidence[train.itemAt(at)] += contribution;
        }
      }
    }

    /** Walks the neighbours as listed, like {@link #predict}. */
    @Override
    public double deviationSum(int candidate) {
      double deviation = 0;
      for (int p = neighbours.start(user); p < neighbours.start(user + 1); p++) {
        int v = neighbours.neighbourAt(p);
        int at = train.positionOf(v, candidate);
        if (at >= 0) {
          deviation += neighbours.similarityAt(p) * (train.ratingAt(at) - centre.of(v, candidate));
        }
      }
      return deviation;
    }

    @Override
    boolean anyNonZeroSimilarity(int candidate) {
      for (int p = neighbours.start(user); p < neighbours.start(user + 1); p++) {
        if (neighbours.similarityAt(p) != 0
            && train.positionOf(neighbours.neighbourAt(p), candidate) >= 0) {
          return true;
        }
      }
      return false;
    }
  }
}
