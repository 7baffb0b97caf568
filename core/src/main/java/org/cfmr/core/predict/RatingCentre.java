package org.cfmr.core.predict;

import org.cfmr.core.baseline.Baseline;

/**
 * {@code c(u,i)}: what the neighbourhood predictors centre a neighbour's rating on, and what they
 * add the neighbours' weighted residual to. Mean-centred: the entity's train mean ({@code mu_u}
 * user-based, {@code mu_i} item-based); knn-baseline: the fitted baseline {@code b_ui}.
 */
@FunctionalInterface
public interface RatingCentre {
  /** {@code c(u,i)} for dense train indices. */
  double of(int user, int item);

  /** {@code mu_u}, whatever the item. */
  static RatingCentre userMeans(TrainData train) {
    return (user, item) -> train.userMean(user);
  }

  /** {@code mu_i}, whatever the user. */
  static RatingCentre itemMeans(TrainData train) {
    return (user, item) -> train.itemMean(item);
  }

  /** {@code b_ui = μ + b_u + b_i}. */
  static RatingCentre baseline(Baseline baseline) {
    return baseline::predict;
  }
}
