package org.cfmr.core.predict;

import org.cfmr.core.Mode;
/**
 * The spec's predictions {@code pred(u,i)} from train ratings and a neighbour file, and the
 * evidence a {@link RankingScore} orders a user's candidates by. Work goes user by user: each
 * thread takes its own {@link UserScorer} from {@link #newScorer()}.
 */
public interface Predictor {
  Mode mode();

  /** A scorer for one thread (not thread-safe; reuse it for user after user). */
  UserScorer newScorer();

  /** The mean-centred predictor of {@code mode}; {@code formula} matters for item-based only. */
  static Predictor of(Mode mode, TrainData train, IndexedNeighbours neighbours,
      ItemFormula formula, int minNeighbours, Clipping clipping) {
    RatingCentre means = Centring.MEAN.centre(mode, train, null);
    return of(mode, train, neighbours, formula, means, 0, minNeighbours, clipping);
  }

  /**
   * The predictor of {@code mode} centred on {@code centre}, with the damping {@code λ_p} added to
   * the denominator {@code Σ|sim|}; {@code formula} matters for item-based only.
   */
  static Predictor of(Mode mode, TrainData train, IndexedNeighbours neighbours,
      ItemFormula formula, RatingCentre centre, double damping, int minNeighbours,
      Clipping clipping) {
    return mode == Mode.USER
        ? new UserBasedPredictor(train, neighbours, centre, damping, minNeighbours, clipping)
        : new ItemBasedPredictor(train, neighbours, formula, centre, damping, minNeighbours,
            clipping);
  }

  /** Predictions for one user at a time (dense train indices). */
  interface UserScorer {
    /** Prepares the predictions of train user {@code user}. */
    void startUser(int user);

    /** {@code pred(u,i)} for the current user, clipped as configured, or NaN when not covered. */
    double predict(int item);

    /**
     * The items, ascending, that the current user has not rated in train and that may be covered,
     * each with its evidence: {@code J} (resp. {@code V}) gathered in one scatter through the
     * neighbour lists ({@link PackedEvidence}), so that {@link #support} and
     * {@link #similaritySum} of a candidate are array reads until the next user.
     */
    int[] candidates();

    /** Whether {@code pred(u,i)} of a candidate is defined: {@code |J| ≥ minNeighbours}, {@code Σ|sim| > 0}. */
    boolean covered(int candidate);

    /** {@code |J|} (item-based) or {@code |V|} (user-based) of a candidate. */
    int support(int candidate);

    /** {@code Σ sim} over {@code J} (resp. {@code V}), summed exactly in millionths. */
    double similaritySum(int candidate);

    /**
     * Item-based {@code Σ_{j∈J} sim(i,j)·(r_uj − c(u,j))}, user-based
     * {@code Σ_{v∈V} sim(u,v)·(r_vi − c(v,i))}: the centred prediction's numerator, summed over
     * i's neighbours (resp. u's) as listed, like the prediction.
     */
    double deviationSum(int candidate);
  }
}
