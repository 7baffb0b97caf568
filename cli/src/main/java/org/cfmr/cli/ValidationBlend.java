package org.cfmr.cli;

import java.util.ArrayList;
import java.util.List;
import org.cfmr.als.AlsModel;
import org.cfmr.als.AlsSettings;
import org.cfmr.als.memory.MemoryAls;
import org.cfmr.core.Mode;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.eval.BlendParts;
import org.cfmr.eval.BlendWeights;
import org.cfmr.eval.EvaluationSettings;
import org.cfmr.eval.FactorRecommender;
import org.cfmr.eval.KnnRecommender;
import org.cfmr.eval.Recommender;
import org.cfmr.eval.ValidationSplit;
import org.cfmr.mapreduce.memory.MemoryNeighbours;

/**
 * The blend's weights, fitted as the Netflix prize's probe blends were: the train split T is
 * cut into T\V and the validation part V ({@link ValidationSplit}); the parts are fitted on T\V
 * as the pipeline fits them on T (the user–user and item–item prediction neighbours with the
 * run's similarity, ALS with the run's settings, the baseline), predict V, and the weights are
 * the least-squares fit of V's ratings to those predictions ({@link BlendWeights}). The test
 * split is never seen. The fits run in memory (whatever engine the pipeline's own stages use:
 * the engines give the same bits).
 */
final class ValidationBlend {
  /**
   * How the parts are fitted: as the pipeline's own ({@code neighbours}, {@code als},
   * {@code predictions}), on the {@code threads}; V is drawn with {@code seed}, the split's.
   */
  record Settings(NeighbourSettings neighbours, AlsSettings als,
      EvaluationSettings predictions, long seed, double fraction, int threads) {}

  /** What the validation fit gives: the weights and the sizes of T\V and V. */
  record Fit(BlendWeights weights, long fitRatings, long validationRatings) {}

  private ValidationBlend() {}

  /** Cuts {@code train} and fits the weights of the pipeline's parts on it. */
  static Fit fit(TrainRatings train, Settings settings) {
    ValidationSplit split = ValidationSplit.of(train, settings.seed(), settings.fraction());
    TrainData fitData = TrainData.of(split.fit());
    BlendParts parts = parts(split.fit(), fitData, settings);
    BlendWeights weights = BlendWeights.fit(parts, split.validation(), settings.threads());
    return new Fit(weights, split.fit().size, split.validation().size());
  }

  /** The parts fitted on T\V ({@code ratings}, as {@code data}), in the pipeline's order. */
  private static BlendParts parts(TrainRatings ratings, TrainData data, Settings settings) {
    EvaluationSettings predictions = settings.predictions();
    Baseline baseline = BaselineFit.fit(data, predictions.baseline(), settings.threads());
    List<Recommender> recommenders = new ArrayList<>();
    for (Mode mode : List.of(Mode.USER, Mode.ITEM)) {
      recommenders.add(KnnRecommender.of(data, MemoryNeighbours.lists(ratings, mode,
          settings.neighbours(), settings.threads()), predictions.withMode(mode), baseline));
    }
    AlsModel als = MemoryAls.fit(ratings, settings.als(), settings.threads());
    recommenders.add(FactorRecommender.of(data, als.users(), als.items(), predictions,
        baseline));
    return BlendParts.of(data, recommenders, baseline, predictions.clip());
  }
}
