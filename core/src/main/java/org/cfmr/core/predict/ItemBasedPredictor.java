package org.cfmr.core.predict;

import java.util.Arrays;
import org.cfmr.core.Mode;
import org.cfmr.core.UsageException;

/**
 * Item-based prediction over {@code J = {j ∈ N_K(i) : u rated j}}, covered when
 * {@code |J| ≥ minNeighbours} (default 1) and {@code Σ|sim| > 0}, then clipped. Centred on
 * {@code c(u,i)} ({@link RatingCentre}; default):
 * {@code pred(u,i) = c(u,i) + Σ_{j∈J} sim(i,j)·(r_uj − c(u,j)) / (Σ_{j∈J} |sim(i,j)| + λ_p)},
 * mean-centred {@code c(u,i) = mu_i}, knn-baseline {@code c(u,i) = b_ui}; the seed's weighted
 * average: {@code Σ_{j∈J} sim(i,j)·r_uj / (Σ_{j∈J} |sim(i,j)| + λ_p)}. The damping {@code λ_p}
 * defaults to 0. Similarities are the neighbour file's (6 decimals).
 */
public final class ItemBasedPredictor implements Predictor {
  private final TrainData train;
  private final IndexedNeighbours neighbours;
  private final ItemFormula formula;
  private final RatingCentre centre;
  private final double damping;
  private final int minNeighbours;
  private final Clipping clipping;

  public ItemBasedPredictor(TrainData train, IndexedNeighbours neighbours, ItemFormula formula,
      RatingCentre centre, double damping, int minNeighbours, Clipping clipping) {
    if (minNeighbours < 1) {
      throw new UsageException("--min-neighbours must be >= 1, not " + minNeighbours);
    }
    this.train = train;
    this.neighbours = neighbours;
    this.formula = formula;
    this.centre = centre;
    this.damping = damping;
    this.minNeighbours = minNeighbours;
    this.clipping = clipping;
  }

  @Override
  public Mode mode() {
    return Mode.ITEM;
  }

  @Override
  public UserScorer newScorer() {
    return new Scorer();
  }

  /**
   * Holds the current user's ratings densely by item (NaN: not rated) for {@link #predict}, and
   * scatters the candidates' evidence through the inverted neighbour index, per thread.
   */
  private final class Scorer extends EvidenceScorer {
    private final double[] rating = new double[train.items()];

    Scorer() {
      super(ItemBasedPredictor.this.train, ItemBasedPredictor.this.minNeighbours);
      Arrays.fill(rating, Double.NaN);
    }

    @Override
    public void startUser(int u) {
      if (user >= 0) {
        for (int at = train.userStart(user); at < train.userStart(user + 1); at++) {
          rating[train.itemAt(at)] = Double.NaN;
        }
      }
      super.startUser(u);
      for (int at = train.userStart(u); at < train.userStart(u + 1); at++) {
        rating[train.itemAt(at)] = train.ratingAt(at);
      }
    }

    /** Walks i's neighbour list as listed (best first): the spec's order of summation. */
    @Override
    public double predict(int item) {
      double weighted = 0;
      double absWeights = 0;
      int count = 0;
      for (int p = neighbours.start(item); p < neighbours.start(item + 1); p++) {
        int j = neighbours.neighbourAt(p);
        double r = rating[j];
        if (r == r) {
          double sim = neighbours.similarityAt(p);
          weighted += formula.term(sim, r, centre.of(user, j));
          absWeights += Math.abs(sim);
          count++;
        }
      }
      if (count < minNeighbours || absWeights == 0) {
        return Double.NaN;
      }
      return clipping.apply(formula.combine(centre.of(user, item), weighted,
          absWeights + damping));
    }

    /**
     * From the user's rated items j through their reverse lists (the items i having j among their
     * neighbours): each i gains {@code j ∈ J}, one addition per entry. Work: the user's rated
     * items' reverse list lengths, not candidates × K. The rated items gain evidence too, which
     * the collection drops.
     */
    @Override
    void scatter() {
      for (int at = train.userStart(user); at < train.userStart(user + 1); at++) {
        int j = train.itemAt(at);
        for (int r = neighbours.reverseStart(j); r < neighbours.reverseStart(j + 1); r++) {
          evidence[neighbours.reverseAt(r)] += neighbours.reverseEvidenceAt(r);
        }
      }
    }

    /** Walks the candidate's neighbour list as listed, like {@link #predict}. */
    @Override
    public double deviationSum(int candidate) {
      double deviation = 0;
      for (int p = neighbours.start(candidate); p < neighbours.start(candidate + 1); p++) {
        int j = neighbours.neighbourAt(p);
        double r = rating[j];
        if (r == r) {
          deviation += neighbours.similarityAt(p) * (r - centre.of(user, j));
        }
      }
      return deviation;
    }

    @Override
    boolean anyNonZeroSimilarity(int candidate) {
      for (int p = neighbours.start(candidate); p < neighbours.start(candidate + 1); p++) {
        if (rating[neighbours.neighbourAt(p)] == rating[neighbours.neighbourAt(p)]
            && neighbours.similarityAt(p) != 0) {
          return true;
        }
      }
      return false;
    }
  }
}
