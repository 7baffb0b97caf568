package org.cfmr.eval;

import java.util.List;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.TrainData;

/**
 * The rows every evaluation prints beside the kNN rows: the global mean {@code μ} and the fitted
 * baseline {@code b_ui = μ + b_u + b_i} (clipped as the kNN predictions are), each predicting
 * every test rating, in test order.
 */
public final class ModelEvaluation {
  private ModelEvaluation() {}

  /** Both rows: the global mean, then the baseline. */
  public static List<ModelResult> both(TrainData train, TestRatings test, Baseline baseline,
      BaselineSettings settings, boolean clip) {
    return List.of(globalMean(train, test), baseline(train, test, baseline, settings, clip));
  }

  /** {@code μ} for every test rating. */
  public static ModelResult globalMean(TrainData train, TestRatings test) {
    ErrorSums sums = new ErrorSums();
    for (int at = 0; at < test.size(); at++) {
      sums.add(train.globalMean(), test.ratingAt(at));
    }
    return new ModelResult("global_mean", "global mean", "", sums.rmse(), sums.mae(), sums.count);
  }

  /** {@code b_ui} for every test rating; a user or item without train ratings has bias 0. */
  public static ModelResult baseline(TrainData train, TestRatings test, Baseline baseline,
      BaselineSettings settings, boolean clip) {
    Clipping clipping = Clipping.of(train, clip);
    ErrorSums sums = new ErrorSums();
    for (int group = 0; group < test.users(); group++) {
      int user = train.userIndex(test.userId(group));
      for (int at = test.start(group); at < test.start(group + 1); at++) {
        double prediction = baseline.predict(user, train.itemIndex(test.itemAt(at)));
        sums.add(clipping.apply(prediction), test.ratingAt(at));
      }
    }
    return new ModelResult("baseline", "baseline", settings.describe(), sums.rmse(),
        sums.mae(), sums.count);
  }
}
