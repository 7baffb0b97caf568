package org.cfmr.eval;

import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.TrainData;

/**
 * What predicts a user's ratings and makes the user's top-N list, user by user on many threads:
 * kNN over neighbour files ({@link KnnRecommender}), ALS over factor files
 * ({@link FactorRecommender}) or the blend of both ({@link BlendRecommender}). Where it does not
 * cover a movie, the {@link #fallback()} predicts.
 */
public interface Recommender {
  TrainData train();

  /**
   * What it is, for progress lines: {@code user-based}, {@code item-based}, {@code ALS},
   * {@code blend}.
   */
  String title();

  /** Scorers for one thread (not thread-safe; reuse them for user after user). */
  UserScorers newScorers();

  /** The prediction of a rating it does not cover. */
  Fallback.Prediction fallback();

  /** One thread's predictions and list scores for one train user at a time (dense indices). */
  interface UserScorers {
    /** Prepares the predictions and the candidates of train user {@code user}. */
    void startUser(int user);

    /** The user's predicted rating of {@code item}, or NaN when not covered. */
    double predict(int item);

    /** The items, ascending, the user's list is chosen from. */
    int[] candidates();

    /** What orders the list (best first, ties by item), or NaN to leave the candidate out. */
    double rankingScore(int candidate);
  }
}
