package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.Centring;
import org.cfmr.core.predict.DampedPredictionScore;
import org.cfmr.core.predict.DeviationSumScore;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.PredictionScore;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.SimilaritySumScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.cfmr.core.io.RatingsReader;

/**
 * The evaluator agrees with the plain oracle to 1e-9 on every figure (error metrics, coverage,
 * fallback line and top-10 metrics) on real data: ml-100k's u1 split with the golden pearson
 * neighbour files, and ml-latest-small split 80/20 with the memory engine's default neighbours;
 * the top-10 lists ordered by the spec's prediction and by each ranking score. The popularity
 * baseline agrees with the oracle's direct count.
 */
class OracleAgreementTest {

  static Stream<Arguments> cases() {
    Stream<Arguments> byPrediction = Stream.of("ml-100k", "ml-latest-small").flatMap(data ->
        Stream.of(
            Arguments.of(data, Mode.USER, ItemFormula.CENTRED, PredictionScore.NAME),
            Arguments.of(data, Mode.ITEM, ItemFormula.CENTRED, PredictionScore.NAME),
            Arguments.of(data, Mode.ITEM, ItemFormula.WEIGHTED, PredictionScore.NAME)));
    Stream<Arguments> byScore = Stream.of(SimilaritySumScore.NAME, DeviationSumScore.NAME,
        DampedPredictionScore.NAME).flatMap(ranking -> Stream.of(
            Arguments.of("ml-latest-small", Mode.USER, ItemFormula.CENTRED, ranking),
            Arguments.of("ml-latest-small", Mode.ITEM, ItemFormula.CENTRED, ranking)));
    Stream<Arguments> defaultOn100k = Stream.of(
        Arguments.of("ml-100k", Mode.USER, ItemFormula.CENTRED, RankingScore.DEFAULT_NAME),
        Arguments.of("ml-100k", Mode.ITEM, ItemFormula.CENTRED, RankingScore.DEFAULT_NAME));
    return Stream.of(byPrediction, byScore, defaultOn100k).flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @MethodSource("cases")
  void evaluatorEqualsOracle(String data, Mode mode, ItemFormula formula, String ranking)
      throws Exception {
    Path[] files = files(data, mode);
    EvaluationSettings settings = MeanCentred.settings(mode).withItemFormula(formula)
        .withRanking(RankingScore.parse(ranking)).withThreads(2).withFallback(Fallback.USER_MEAN);
    EvaluationResult result = Evaluation.run(TestFolders.hadoop(files[0]),
        TestFolders.hadoop(files[1]), TestFolders.hadoop(files[2]), settings, new Configuration());
    OracleEvaluator oracle = new OracleEvaluator(files[0], files[1], files[2]);
    oracle.evaluate(mode == Mode.USER, formula == ItemFormula.CENTRED, 1, true, ranking, 10, 4.0);
    ObjectNode json = result.toJson(new ObjectMapper());
    for (Map.Entry<String, Double> figure : oracle.figures.entrySet()) {
      assertEquals(figure.getValue(), json.get(figure.getKey()).asDouble(), 1e-9,
          figure.getKey());
    }
  }

  /**
   * kNN on the residuals of the baseline (damped, λ_p = 1) with the baseline fallback, against
   * the oracle's plain-double baseline and predictor: every figure to 1e-9.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void knnBaselineEqualsOracle(Mode mode) throws Exception {
    Path folder = TestFolders.latestSmall();
    Path train = folder.resolve(PipelineFiles.TRAIN);
    Path test = folder.resolve(PipelineFiles.TEST);
    Path neighbours = folder.resolve(mode == Mode.USER
        ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS);
    EvaluationSettings settings = EvaluationSettings.defaults(mode).withThreads(2)
        .withCentring(Centring.BASELINE, 1);
    EvaluationResult result = Evaluation.run(TestFolders.hadoop(train), TestFolders.hadoop(test),
        TestFolders.hadoop(neighbours), settings, new Configuration());
    OracleEvaluator oracle = new OracleEvaluator(train, test, neighbours);
    BaselineSettings baseline = BaselineSettings.DEFAULTS;
    oracle.fitBaseline(baseline.userRegularisation(), baseline.itemRegularisation(),
        baseline.epochs());
    oracle.residuals = true;
    oracle.damping = 1;
    oracle.baselineFallback = true;
    oracle.evaluate(mode == Mode.USER, true, 1, true, RankingScore.DEFAULT_NAME, 10, 4.0);
    ObjectNode json = result.toJson(new ObjectMapper());
    for (Map.Entry<String, Double> figure : oracle.figures.entrySet()) {
      assertEquals(figure.getValue(), json.get(figure.getKey()).asDouble(), 1e-9,
          figure.getKey());
    }
    assertBreakdownEquals(oracle.byUserActivity, json.get("by_user_activity"));
    assertBreakdownEquals(oracle.byMoviePopularity, json.get("by_movie_popularity"));
  }

  /** The evaluator's buckets are the oracle's: the same first counts, counts and RMSE. */
  private static void assertBreakdownEquals(Map<Integer, double[]> oracle, JsonNode buckets) {
    assertEquals(List.copyOf(oracle.keySet()), StreamSupport.stream(buckets.spliterator(), false)
        .map(bucket -> bucket.get("from").asInt()).toList());
    for (JsonNode bucket : buckets) {
      double[] sums = oracle.get(bucket.get("from").asInt());
      assertEquals((long) sums[0], bucket.get("ratings").asLong());
      assertEquals((long) sums[1], bucket.get("covered").asLong());
      if (sums[1] > 0) {
        assertEquals(Math.sqrt(sums[2] / sums[1]), bucket.get("rmse").asDouble(), 1e-9);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ml-100k", "ml-latest-small"})
  void popularityEqualsTheDirectCount(String data) throws Exception {
    Path[] files = files(data, Mode.ITEM);
    Configuration conf = new Configuration();
    TrainData train = TrainData.of(RatingsReader.readTrain(TestFolders.hadoop(files[0]), conf));
    TopNResult popularity = PopularityBaseline.evaluate(train,
        TestRatings.read(TestFolders.hadoop(files[1]), train, conf), 10, 4.0);
    OracleEvaluator oracle = new OracleEvaluator(files[0], files[1], files[2]);
    oracle.evaluatePopularity(10, 4.0);
    ObjectNode json = popularity.toJson(new ObjectMapper());
    assertEquals(4, oracle.figures.size());
    for (Map.Entry<String, Double> figure : oracle.figures.entrySet()) {
      assertEquals(figure.getValue(), json.get(figure.getKey()).asDouble(), 1e-12,
          figure.getKey());
    }
    assertTrue(popularity.ndcg() > 0.05, "popularity finds relevant movies: " + popularity);
  }

  /** {train, test, neighbours of mode}. */
  private static Path[] files(String data, Mode mode) {
    if (data.equals("ml-100k")) {
      Path golden = SharedData.golden("ml-100k-u1");
      return new Path[] {golden.resolve("ratings_train.csv"), golden.resolve("ratings_test.csv"),
          golden.resolve(mode.cliName() + "_topk_neighbors.pearson.shrink100.txt")};
    }
    Path folder = TestFolders.latestSmall();
    return new Path[] {folder.resolve(PipelineFiles.TRAIN), folder.resolve(PipelineFiles.TEST),
        folder.resolve(mode == Mode.USER
            ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS)};
  }
}
