package org.cfmr.core.predict;

import org.cfmr.core.Mode;
/**
 * The spec's predictions {@code pred(u,i)} from train ratings and a neighbour file. Work goes user
 * by user: each thread takes its own {@link UserScorer} from {@link #newScorer()}.
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

    /** The items, ascending, that the current user has not rated in train and that may be covered. */
    int[] candidates();
  }
}
