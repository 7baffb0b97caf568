package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.predict.Centring;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluator agrees with the plain oracle to 1e-9 on every figure (error metrics, coverage,
 * fallback line and top-10 metrics) on real data: ml-100k's u1 split with the golden pearson
 * neighbour files, and ml-latest-small split 80/20 with the memory engine's default neighbours.
 */
class OracleAgreementTest {

  static Stream<Arguments> cases() {
    return Stream.of("ml-100k", "ml-latest-small").flatMap(data -> Stream.of(
        Arguments.of(data, Mode.USER, ItemFormula.CENTRED),
        Arguments.of(data, Mode.ITEM, ItemFormula.CENTRED),
        Arguments.of(data, Mode.ITEM, ItemFormula.WEIGHTED)));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void evaluatorEqualsOracle(String data, Mode mode, ItemFormula formula) throws Exception {
    Path train;
    Path test;
    Path neighbours;
    if (data.equals("ml-100k")) {
      Path golden = SharedData.golden("ml-100k-u1");
      train = golden.resolve("ratings_train.csv");
      test = golden.resolve("ratings_test.csv");
      neighbours = golden.resolve(mode.cliName() + "_topk_neighbors.pearson.shrink100.txt");
    } else {
      Path folder = TestFolders.latestSmall();
      train = folder.resolve(PipelineFiles.TRAIN);
      test = folder.resolve(PipelineFiles.TEST);
      neighbours = folder.resolve(mode == Mode.USER
          ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS);
    }
    EvaluationSettings settings =
        EvaluationSettings.defaults(mode).withItemFormula(formula).withThreads(2)
            .withFallback(Fallback.USER_MEAN);
    EvaluationResult result = Evaluation.run(TestFolders.hadoop(train), TestFolders.hadoop(test),
        TestFolders.hadoop(neighbours), settings, new Configuration());
    OracleEvaluator oracle = new OracleEvaluator(train, test, neighbours);
    oracle.evaluate(mode == Mode.USER, formula == ItemFormula.CENTRED, 1, true, 10, 4.0);
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
    oracle.fitBaseline(15, 10, 10);
    oracle.residuals = true;
    oracle.damping = 1;
    oracle.baselineFallback = true;
    oracle.evaluate(mode == Mode.USER, true, 1, true, 10, 4.0);
    ObjectNode json = result.toJson(new ObjectMapper());
    for (Map.Entry<String, Double> figure : oracle.figures.entrySet()) {
      assertEquals(figure.getValue(), json.get(figure.getKey()).asDouble(), 1e-9,
          figure.getKey());
    }
  }
}
