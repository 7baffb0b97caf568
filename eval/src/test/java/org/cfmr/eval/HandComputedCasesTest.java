package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.baseline.FixedPointStars;
import org.cfmr.core.predict.Centring;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.IndexedNeighbours;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.PredictionScore;
import org.cfmr.core.predict.Predictor;
import org.cfmr.core.predict.RatingCentre;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * Predictions and metrics on a tiny split, computed by hand. Train: u1 {10:5, 20:3, 30:4}
 * (mean 4), u2 {10:4, 20:2, 40:1, 50:5} (mean 3), u3 {10:1, 30:5, 40:2} (mean 8/3), u5 {10:5,
 * 30:5} (mean 5), u6 {10:1, 20:1} (mean 1); global mean 44/14; range [1, 5]. Item means: 10: 3.2,
 * 20: 2, 30: 14/3, 40: 1.5, 50: 5.
 */
class HandComputedCasesTest {
  private static final double EPS = 1e-12;
  private static final List<String> TRAIN = List.of(
      "1,10,5,1", "1,20,3,1", "1,30,4,1",
      "2,10,4,1", "2,20,2,1", "2,40,1,1", "2,50,5,1",
      "3,10,1,1", "3,30,5,1", "3,40,2,1",
      "5,10,5,1", "5,30,5,1",
      "6,10,1,1", "6,20,1,1");
  /** Negative similarities included (u1's second neighbour, u3's only one). */
  private static final List<String> USER_NEIGHBOURS = List.of(
      "1\t2:0.500000,3:-0.250000", "2\t1:0.500000", "3\t1:-0.250000", "5\t2:0.900000",
      "6\t2:0.700000");
  /** Item 50 has no neighbours; item 40's only neighbour has a negative similarity. */
  private static final List<String> ITEM_NEIGHBOURS = List.of(
      "10\t30:0.600000,20:0.400000", "20\t10:0.400000", "30\t10:0.600000", "40\t10:-0.500000");
  private static final List<String> TEST = List.of(
      "1,40,3,1", "2,30,4,1", "5,50,5,1", "6,40,2,1", "3,50,2,1", "9,10,4,1", "1,99,3,1");

  @TempDir Path dir;
  private TrainData train;

  @BeforeEach
  void writeFiles() throws IOException {
    Files.write(dir.resolve("train.csv"), TRAIN);
    Files.write(dir.resolve("test.csv"), TEST);
    Files.write(dir.resolve("user.txt"), USER_NEIGHBOURS);
    Files.write(dir.resolve("item.txt"), ITEM_NEIGHBOURS);
    train = TrainData.of(RatingsReader.readTrain(hadoop("train.csv"), new Configuration()));
  }

  @Test
  void userBasedPredictions() {
    Predictor.UserScorer clipped = scorer(Mode.USER, "user.txt", ItemFormula.CENTRED, true);
    Predictor.UserScorer raw = scorer(Mode.USER, "user.txt", ItemFormula.CENTRED, false);
    // u1, item 40: V = {u2 (0.5, 1 - 3), u3 (-0.25, 2 - 8/3)}: 4 + (-1 + 1/6) / 0.75 = 26/9.
    assertEquals(26.0 / 9, predict(clipped, 1, 40), EPS);
    // u2, item 30: V = {u1 (4 - 4 = 0)}: mu_u2 = 3.
    assertEquals(3, predict(clipped, 2, 30), EPS);
    // u5, item 50: 5 + (5 - 3) = 7, clipped to the top of the range.
    assertEquals(7, predict(raw, 5, 50), EPS);
    assertEquals(5, predict(clipped, 5, 50), EPS);
    // u6, item 40: 1 + (1 - 3) = -1, clipped to the bottom.
    assertEquals(-1, predict(raw, 6, 40), EPS);
    assertEquals(1, predict(clipped, 6, 40), EPS);
    // u3, item 50: its only neighbour u1 did not rate 50: not covered.
    assertTrue(Double.isNaN(predict(clipped, 3, 50)));
  }

  @Test
  void itemBasedPredictionsBothFormulas() {
    Predictor.UserScorer centred = scorer(Mode.ITEM, "item.txt", ItemFormula.CENTRED, true);
    Predictor.UserScorer weighted = scorer(Mode.ITEM, "item.txt", ItemFormula.WEIGHTED, true);
    Predictor.UserScorer centredRaw = scorer(Mode.ITEM, "item.txt", ItemFormula.CENTRED, false);
    Predictor.UserScorer weightedRaw = scorer(Mode.ITEM, "item.txt", ItemFormula.WEIGHTED, false);
    // u1, item 40: J = {10 (-0.5, r = 5)}: 1.5 + (-0.5)(5 - 3.2)/0.5 = -0.3; weighted -5.
    assertEquals(-0.3, predict(centredRaw, 1, 40), EPS);
    assertEquals(-5, predict(weightedRaw, 1, 40), EPS);
    assertEquals(1, predict(centred, 1, 40), EPS);
    assertEquals(1, predict(weighted, 1, 40), EPS);
    // u5, item 20: J = {10 (0.4, r = 5)}: 2 + 1.8 = 3.8; weighted 5.
    assertEquals(3.8, predict(centred, 5, 20), EPS);
    assertEquals(5, predict(weighted, 5, 20), EPS);
    // u2, item 30: J = {10 (0.6, r = 4)}: 14/3 + 0.8 = 5.4667, clipped to 5; weighted 4.
    assertEquals(14.0 / 3 + 0.8, predict(centredRaw, 2, 30), EPS);
    assertEquals(5, predict(centred, 2, 30), EPS);
    assertEquals(4, predict(weighted, 2, 30), EPS);
    // Item 50 has no neighbours: not covered.
    assertTrue(Double.isNaN(predict(centred, 1, 50)));
  }

  @Test
  void userBasedMetricsWithFallbacks() {
    EvaluationResult result = Evaluation.run(hadoop("train.csv"), hadoop("test.csv"),
        hadoop("user.txt"), MeanCentred.settings(Mode.USER).withThreads(1)
            .withFallback(Fallback.USER_MEAN).withRanking(new PredictionScore()),
        new Configuration());
    // Covered: (u1,40) 26/9 vs 3, (u2,30) 3 vs 4, (u5,50) 5 vs 5, (u6,40) 1 vs 2.
    double[] errors = {-1.0 / 9, -1, 0, -1};
    // Not covered, with the fallback: (u3,50) mu_u3 = 8/3 vs 2; (u9,10) a user without train
    // ratings, mu = 44/14 vs 4; (u1,99) an item without train ratings, mu_u1 = 4 vs 3.
    double[] fallbackErrors = {8.0 / 3 - 2, 44.0 / 14 - 4, 1};
    assertEquals(4, result.covered());
    assertEquals(7, result.total());
    assertEquals(rmse(errors), result.rmse(), EPS);
    assertEquals(mae(errors), result.mae(), EPS);
    double[] all = {-1.0 / 9, -1, 0, -1, 8.0 / 3 - 2, 44.0 / 14 - 4, 1};
    assertEquals(rmse(all), result.rmseAll(), EPS);
    assertEquals(mae(all), result.maeAll(), EPS);
    assertEquals(fallbackErrors.length, result.total() - result.covered());
    // Relevant (>= 4): u2's 30, u5's 50, u9's 10. u2's candidates {30: 3} → hit at rank 1;
    // u5's {50: 5 (clipped), 20: 4, 40: 3} → hit at rank 1; u9 has no train ratings → no hit.
    assertEquals(3, result.rankedUsers());
    assertEquals((0.1 + 0.1 + 0) / 3, result.precision(), EPS);
    assertEquals(2.0 / 3, result.recall(), EPS);
    assertEquals(2.0 / 3, result.ndcg(), EPS);
  }

  /**
   * knn-baseline with λ_p = 2 over the default baseline b: u1's item 40,
   * user-based: V = {u2 (0.5, r = 1), u3 (−0.25, r = 2)}; item-based: J = {10 (−0.5, r = 5)}.
   * Uncovered ratings fall back to b_ui: (u9, 10) a user without train ratings, μ + b_10;
   * (u1, 99) an item without train ratings, μ + b_u1.
   */
  @Test
  void knnBaselineAndItsFallback() {
    Baseline b = BaselineFit.fit(train, BaselineSettings.DEFAULTS, 1);
    int u1 = train.userIndex(1);
    int i40 = train.itemIndex(40);
    double userBased = b.predict(u1, i40) + (0.5 * (1 - b.predict(train.userIndex(2), i40))
        - 0.25 * (2 - b.predict(train.userIndex(3), i40))) / (0.75 + 2);
    double itemBased = b.predict(u1, i40)
        + -0.5 * (5 - b.predict(u1, train.itemIndex(10))) / (0.5 + 2);
    assertEquals(userBased, predict(residualScorer(Mode.USER, "user.txt", b), 1, 40), EPS);
    assertEquals(itemBased, predict(residualScorer(Mode.ITEM, "item.txt", b), 1, 40), EPS);
    assertEquals(b.globalMean() + FixedPointStars.stars(b.itemBiasFixed(train.itemIndex(10))),
        b.predict(-1, train.itemIndex(10)), EPS);

    EvaluationResult result = Evaluation.run(hadoop("train.csv"), hadoop("test.csv"),
        hadoop("user.txt"), EvaluationSettings.defaults(Mode.USER).withThreads(1)
            .withCentring(Centring.BASELINE, 2), new Configuration());
    double[] errors = {userBased - 3,
        b.predict(u1, train.itemIndex(99)) - 3, b.predict(-1, train.itemIndex(10)) - 4};
    assertTrue(train.itemIndex(99) < 0);
    assertEquals(7, result.total());
    assertEquals(4, result.covered());
    double[] covered = coveredUserBasedErrors(b);
    double[] all = java.util.Arrays.copyOf(covered, 7);
    all[4] = Math.max(1, Math.min(5, b.predict(train.userIndex(3), train.itemIndex(50)))) - 2;
    all[5] = errors[2];
    all[6] = errors[1];
    assertEquals(errors[0], covered[0], EPS);
    assertEquals(rmse(covered), result.rmse(), EPS);
    assertEquals(rmse(all), result.rmseAll(), EPS);
    assertEquals(mae(all), result.maeAll(), EPS);
  }

  /** The user-based knn-baseline errors (λ_p = 2) of the four covered test ratings, by the formula. */
  private double[] coveredUserBasedErrors(Baseline b) {
    int[][] cases = {{1, 40, 3}, {2, 30, 4}, {5, 50, 5}, {6, 40, 2}};
    double[][][] neighbours = {
        {{2, 0.5}, {3, -0.25}}, {{1, 0.5}}, {{2, 0.9}}, {{2, 0.7}}};
    double[] errors = new double[cases.length];
    for (int c = 0; c < cases.length; c++) {
      int u = train.userIndex(cases[c][0]);
      int i = train.itemIndex(cases[c][1]);
      double top = 0;
      double bottom = 0;
      for (double[] n : neighbours[c]) {
        int v = train.userIndex((int) n[0]);
        if (train.rated(v, i)) {
          top += n[1] * (rating(v, i) - b.predict(v, i));
          bottom += Math.abs(n[1]);
        }
      }
      errors[c] = Math.max(1, Math.min(5, b.predict(u, i) + top / (bottom + 2))) - cases[c][2];
    }
    return errors;
  }

  private double rating(int user, int item) {
    for (int at = train.userStart(user); at < train.userStart(user + 1); at++) {
      if (train.itemAt(at) == item) {
        return train.ratingAt(at);
      }
    }
    throw new IllegalArgumentException("not rated");
  }

  private Predictor.UserScorer residualScorer(Mode mode, String file, Baseline baseline) {
    NeighbourLists lists = NeighbourListsFile.read(hadoop(file), new Configuration());
    return Predictor.of(mode, train, IndexedNeighbours.of(lists, train, mode),
        ItemFormula.CENTRED, RatingCentre.baseline(baseline), 2, 1, Clipping.NONE).newScorer();
  }

  private Predictor.UserScorer scorer(Mode mode, String file, ItemFormula formula, boolean clip) {
    NeighbourLists lists = NeighbourListsFile.read(hadoop(file), new Configuration());
    return Predictor.of(mode, train, IndexedNeighbours.of(lists, train, mode), formula, 1,
        Clipping.of(train, clip)).newScorer();
  }

  private double predict(Predictor.UserScorer scorer, int user, int item) {
    scorer.startUser(train.userIndex(user));
    return scorer.predict(train.itemIndex(item));
  }

  private static double rmse(double[] errors) {
    double sum = 0;
    for (double e : errors) {
      sum += e * e;
    }
    return Math.sqrt(sum / errors.length);
  }

  private static double mae(double[] errors) {
    double sum = 0;
    for (double e : errors) {
      sum += Math.abs(e);
    }
    return sum / errors.length;
  }

  private org.apache.hadoop.fs.Path hadoop(String name) {
    return new org.apache.hadoop.fs.Path(dir.resolve(name).toUri());
  }
}
