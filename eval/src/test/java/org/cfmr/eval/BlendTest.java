package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.als.AlsModel;
import org.cfmr.als.AlsSettings;
import org.cfmr.als.memory.MemoryAls;
import org.cfmr.core.CfmrException;
import org.cfmr.core.Mode;
import org.cfmr.core.Rating;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.mapreduce.memory.MemoryNeighbours;
import org.junit.jupiter.api.Test;

/**
 * The blend: its least-squares weights are the {@link LeastSquaresOracle}'s on hand-checked
 * cases and on the parts' predictions of the bundled data's validation ratings, the same bits
 * for 1 and 2 threads; its figures on the test split are those of {@code clip(w·x)} written
 * plainly, and beat every part's.
 */
class BlendTest {
  private static final Configuration CONF = new Configuration();
  private static final AlsSettings ALS = new AlsSettings(10, 10, 0.1, 42);
  private static final EvaluationSettings SETTINGS =
      EvaluationSettings.defaults(Mode.USER).withThreads(2);
  private static Fitted bundled;

  /** The parts (user-based, item-based, ALS) fitted on one split, and its baseline. */
  private record Parts(TrainData train, List<Recommender> recommenders, Baseline baseline) {
    BlendParts blendParts() {
      return BlendParts.of(train, recommenders, baseline, true);
    }
  }

  /** The bundled data's splits: the parts on T\V and on T, V and the test split. */
  private record Fitted(Parts onFit, Parts onTrain, TestRatings validation, TestRatings test) {}

  private static synchronized Fitted bundled() {
    if (bundled == null) {
      java.nio.file.Path folder = TestFolders.latestSmall();
      TrainRatings train = RatingsReader.readTrain(
          TestFolders.hadoop(folder.resolve(PipelineFiles.TRAIN)), CONF);
      ValidationSplit split = ValidationSplit.of(train, 42, 0.1);
      Parts onTrain = parts(train);
      TestRatings test = TestRatings.read(TestFolders.hadoop(folder.resolve(PipelineFiles.TEST)),
          onTrain.train(), CONF);
      bundled = new Fitted(parts(split.fit()), onTrain, split.validation(), test);
    }
    return bundled;
  }

  /** The pipeline's parts with the default settings and ALS rank 10, fitted on {@code ratings}. */
  private static Parts parts(TrainRatings ratings) {
    TrainData data = TrainData.of(ratings);
    Baseline baseline = BaselineFit.fit(data, SETTINGS.baseline(), 2);
    List<Recommender> recommenders = new ArrayList<>();
    for (Mode mode : List.of(Mode.USER, Mode.ITEM)) {
      recommenders.add(KnnRecommender.of(data, MemoryNeighbours.lists(ratings, mode,
          NeighbourSettings.defaults(), 2), SETTINGS.withMode(mode), baseline));
    }
    AlsModel als = MemoryAls.fit(ratings, ALS, 2);
    recommenders.add(FactorRecommender.of(data, als.users(), als.items(), SETTINGS, baseline));
    return new Parts(data, recommenders, baseline);
  }

  /** One user's ratings of items 1, 2, … in half stars: a validation split of one user. */
  private static TestRatings oneUser(int... halfStars) {
    TrainRatings ratings = new TrainRatings();
    for (int k = 0; k < halfStars.length; k++) {
      ratings.add(new Rating(1, k + 1, halfStars[k], 0));
    }
    return TestRatings.group(ratings);
  }

  private static BlendWeights leastSquares(List<String> names, double[] values,
      TestRatings ratings) {
    boolean[] predicted = new boolean[ratings.size()];
    Arrays.fill(predicted, true);
    return BlendWeights.leastSquares(names, values, predicted, ratings);
  }

  private static double[] weights(BlendWeights fit) {
    double[] weights = new double[fit.names().size() + 1];
    weights[0] = fit.intercept();
    for (int k = 0; k < fit.names().size(); k++) {
      weights[k + 1] = fit.weight(k);
    }
    return weights;
  }

  /** By hand: x = (1, 2, 3, 4), r = (1, 3, 2, 4); slope Sxr/Sxx = 4/5, intercept 2.5 − 0.8·2.5. */
  @Test
  void oneRegressorIsTheHandComputedLine() {
    BlendWeights fit = leastSquares(List.of("x"), new double[] {1, 2, 3, 4}, oneUser(2, 6, 4, 8));
    assertArrayEquals(new double[] {0.5, 0.8}, weights(fit), 1e-12);
    assertArrayEquals(LeastSquaresOracle.fit(List.of(new double[] {1}, new double[] {2},
        new double[] {3}, new double[] {4}), List.of(1.0, 3.0, 2.0, 4.0)), weights(fit), 1e-12);
    assertEquals("0.5000 + 0.8000·x", fit.describe());
    assertEquals(4, fit.ratings());
  }

  /** r = 0.5 + 0.5·x_1 + 0.25·x_2 exactly: the fit gives these weights back, as the oracle does. */
  @Test
  void anExactCombinationGivesItsWeightsBack() {
    double[][] x = {{1, 2}, {2, 4}, {3, 0}, {4, 2}, {5, 6}};
    BlendWeights fit = leastSquares(List.of("a", "b"),
        Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray(), oneUser(3, 5, 4, 6, 9));
    assertArrayEquals(new double[] {0.5, 0.5, 0.25}, weights(fit), 1e-12);
    assertArrayEquals(LeastSquaresOracle.fit(List.of(x), List.of(1.5, 2.5, 2.0, 3.0, 4.5)),
        weights(fit), 1e-12);
    assertEquals(0.5 + 0.5 * 3 + 0.25 * 7, fit.apply(new double[] {3, 7}), 1e-15);
  }

  @Test
  void partsThatAreOneAnothersMultipleAreRefused() {
    CfmrException e = assertThrows(CfmrException.class, () -> leastSquares(List.of("a", "b"),
        new double[] {1, 2, 2, 4, 3, 6, 4, 8}, oneUser(2, 6, 4, 8)));
    assertEquals("blend: the values of a, b on the validation ratings are linearly dependent, "
        + "so the weights are not unique", e.getMessage());
  }

  /**
   * On the bundled data the parts fitted on T\V predict V (each part's prediction, else its
   * fallback; last the clipped baseline) and the oracle fits them: the same weights to 1e-9.
   */
  @Test
  void theBundledWeightsAreTheOraclesAndTheSameForAnyThreadCount() {
    Fitted fitted = bundled();
    BlendWeights fit = BlendWeights.fit(fitted.onFit().blendParts(), fitted.validation(), 2);
    List<double[]> rows = new ArrayList<>();
    List<Double> ratings = new ArrayList<>();
    Parts parts = fitted.onFit();
    forEachKnownRating(parts, fitted.validation(), (predictions, values, rating) -> {
      rows.add(values);
      ratings.add(rating);
    });
    assertEquals(ratings.size(), fit.ratings());
    assertTrue(fit.ratings() > 7000, "most of V's ~8,000 ratings have a user and movie in T\\V");
    assertArrayEquals(LeastSquaresOracle.fit(rows, ratings), weights(fit), 1e-9);
    assertEquals(List.of("user-based", "item-based", "ALS", "baseline"), fit.names());
    BlendWeights oneThread =
        BlendWeights.fit(fitted.onFit().blendParts(), fitted.validation(), 1);
    assertArrayEquals(weights(fit), weights(oneThread), 0.0, "the same bits for 1 thread");
  }

  /**
   * The blend of the parts fitted on T, with the weights fitted on V: every test figure is that
   * of {@code clip(w_0 + Σ w_k·x_k)} (the fallback where user or movie is not in T), the same for
   * 1 and 2 threads, and its RMSE is below each part's: over the ratings each covers, over all
   * ratings, and over the ratings the part covers.
   */
  @Test
  void theBundledBlendIsTheOraclesAndBeatsEveryPart() {
    Fitted fitted = bundled();
    BlendWeights weights = BlendWeights.fit(fitted.onFit().blendParts(), fitted.validation(), 2);
    Parts parts = fitted.onTrain();
    TrainData train = parts.train();
    BlendRecommender blend = BlendRecommender.of(parts.blendParts(), weights, SETTINGS,
        parts.baseline());
    ModelResult result = Evaluation.runBlend(train, fitted.test(), blend, SETTINGS);

    Clipping clipping = Clipping.of(train, true);
    double[] covered = new double[3];
    double[][] onPartsRatings = new double[parts.recommenders().size()][3];
    forEachKnownRating(parts, fitted.test(), (predictions, values, rating) -> {
      double error = clipping.apply(oracleBlend(weights(weights), values)) - rating;
      covered[0]++;
      covered[1] += error * error;
      covered[2] += Math.abs(error);
      for (int k = 0; k < predictions.length; k++) {
        if (!Double.isNaN(predictions[k])) {
          double partError = predictions[k] - rating;
          onPartsRatings[k][0]++;
          onPartsRatings[k][1] += partError * partError;
          onPartsRatings[k][2] += error * error;
        }
      }
    });
    assertEquals((long) covered[0], result.covered());
    assertEquals(Math.sqrt(covered[1] / covered[0]), result.rmse(), 1e-9);
    assertEquals(covered[2] / covered[0], result.mae(), 1e-9);
    assertEquals(BlendRecommender.RANKING, result.lists().ranking());
    assertEquals(result, Evaluation.runBlend(train, fitted.test(), blend,
        SETTINGS.withThreads(1)), "the same figures for 1 thread");

    for (int k = 0; k < 2; k++) {
      Mode mode = k == 0 ? Mode.USER : Mode.ITEM;
      EvaluationResult part = Evaluation.run(train, fitted.test(),
          parts.recommenders().get(k), SETTINGS.withMode(mode));
      assertTrue(result.rmse() < part.rmse(), mode + ": " + result.rmse() + " " + part.rmse());
      assertTrue(result.rmseAll() < part.rmseAll(), mode + " over all ratings");
    }
    ModelResult als = Evaluation.runFactors(train, fitted.test(),
        (FactorRecommender) parts.recommenders().get(2), SETTINGS);
    assertTrue(result.rmse() < als.rmse() && result.rmseAll() < als.rmseAll(), "ALS");
    assertTrue(result.rmse() < 0.8269, "below item-based kNN's measured 0.8269: " + result.rmse());
    for (int k = 0; k < onPartsRatings.length; k++) {
      double part = Math.sqrt(onPartsRatings[k][1] / onPartsRatings[k][0]);
      double blendOnThem = Math.sqrt(onPartsRatings[k][2] / onPartsRatings[k][0]);
      assertTrue(blendOnThem < part, "on the ratings " + parts.recommenders().get(k).title()
          + " covers: " + blendOnThem + " against " + part);
    }
  }

  private static double oracleBlend(double[] weights, double[] values) {
    double sum = weights[0];
    for (int k = 0; k < values.length; k++) {
      sum += weights[k + 1] * values[k];
    }
    return sum;
  }

  /**
   * A rating's recommenders' predictions (NaN where one does not cover it), the parts' values
   * and the rating.
   */
  private interface RatingValues {
    void accept(double[] predictions, double[] values, double rating);
  }

  /**
   * For each rating of {@code ratings} whose user and movie are in the parts' train split, in
   * order: each recommender's prediction, the values (each prediction, the clipped baseline
   * where it is NaN, and last the clipped baseline) and the rating.
   */
  private static void forEachKnownRating(Parts parts, TestRatings ratings, RatingValues action) {
    TrainData train = parts.train();
    Clipping clipping = Clipping.of(train, true);
    List<Recommender.UserScorers> scorers = new ArrayList<>();
    parts.recommenders().forEach(recommender -> scorers.add(recommender.newScorers()));
    for (int group = 0; group < ratings.users(); group++) {
      int user = train.userIndex(ratings.userId(group));
      if (user < 0) {
        continue;
      }
      scorers.forEach(scorer -> scorer.startUser(user));
      for (int at = ratings.start(group); at < ratings.start(group + 1); at++) {
        int item = train.itemIndex(ratings.itemAt(at));
        if (item < 0) {
          continue;
        }
        double baseline = clipping.apply(parts.baseline().predict(user, item));
        double[] predictions = new double[scorers.size()];
        double[] values = new double[scorers.size() + 1];
        for (int k = 0; k < scorers.size(); k++) {
          predictions[k] = scorers.get(k).predict(item);
          values[k] = Double.isNaN(predictions[k]) ? baseline : predictions[k];
        }
        values[scorers.size()] = baseline;
        action.accept(predictions, values, ratings.ratingAt(at));
      }
    }
  }
}
