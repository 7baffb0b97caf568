package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.als.AlsModel;
import org.cfmr.als.AlsSettings;
import org.cfmr.als.memory.MemoryAls;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultFolder;
import org.cfmr.core.UsageException;
import org.cfmr.core.testing.Manifests;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.FactorFiles;

/**
 * ALS's row and recommendations from factor files: every figure equals the plain
 * {@link FactorOracle}'s on ALS fits of ml-latest-small and ml-100k, the lists are the oracle's,
 * the outputs do not depend on the thread count, a hand-checked case, the file errors, and
 * {@code evaluate --model als} and {@code recommend --model als} end to end.
 */
class FactorEvaluationTest {
  private static final Configuration CONF = new Configuration();
  private static final Map<String, Path> FITS = new HashMap<>();
  private static final Map<Path, FactorOracle> ORACLES = new HashMap<>();

  @TempDir Path dir;

  /** A folder with the split of {@code data} and ALS's factor files (rank 8, 6 iterations). */
  static synchronized Path fitted(String data) throws IOException {
    if (!FITS.containsKey(data)) {
      Path folder = Files.createTempDirectory("cfmr-als-" + data);
      if (data.equals("ml-100k")) {
        Path golden = SharedData.golden("ml-100k-u1");
        Files.copy(golden.resolve("ratings_train.csv"), folder.resolve(PipelineFiles.TRAIN));
        Files.copy(golden.resolve("ratings_test.csv"), folder.resolve(PipelineFiles.TEST));
      } else {
        TestFolders.split(SharedData.bundled("ratings.csv"), folder);
      }
      AlsModel model = MemoryAls.fit(TestFolders.hadoop(folder.resolve(PipelineFiles.TRAIN)),
          new AlsSettings(8, 6, 0.1, 42), 2, CONF);
      FactorFiles.write(model.users(), TestFolders.hadoop(folder.resolve(PipelineFiles.USER_FACTORS)), CONF);
      FactorFiles.write(model.items(), TestFolders.hadoop(folder.resolve(PipelineFiles.ITEM_FACTORS)), CONF);
      FITS.put(data, folder);
    }
    return FITS.get(data);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ml-latest-small", "ml-100k"})
  void everyFigureIsTheOracles(String data) throws Exception {
    Path folder = fitted(data);
    FactorOracle oracle = factorOracle(folder);
    for (Fallback fallback : Fallback.values()) {
      EvaluationSettings settings = EvaluationSettings.defaults(org.cfmr.core.Mode.USER)
          .withThreads(2).withFallback(fallback);
      ModelResult result = evaluate(folder, settings);
      oracle.data.baselineFallback = fallback == Fallback.BASELINE;
      Map<String, Double> expected = oracle.evaluate(true, 10, 4.0);
      ObjectNode json = result.toJson(new ObjectMapper());
      for (Map.Entry<String, Double> figure : expected.entrySet()) {
        assertEquals(figure.getValue(), json.get(figure.getKey()).asDouble(), 1e-9,
            data + " " + fallback + " " + figure.getKey());
      }
      assertTrue(result.coverage() < 1 && result.coverage() > 0.9, "cold ratings fall back");
      assertTrue(result.lists().ndcg() > 0, data + " ALS lists some relevant movie");
    }
  }

  @Test
  void recommendationsAreTheOraclesListsWithClippedPredictions() throws Exception {
    Path folder = fitted("ml-latest-small");
    FactorOracle oracle = factorOracle(folder);
    OracleEvaluator data = oracle.data;
    StringBuilder expected = new StringBuilder();
    for (int u : data.trainByUser.keySet()) {
      for (int i : oracle.list(u, 20)) {
        expected.append(u).append(',').append(i).append(',').append(String.format(Locale.ROOT,
            "%.6f", Math.min(data.max, Math.max(data.min, oracle.dot(u, i))))).append('\n');
      }
    }
    assertEquals(expected.toString(), recommend(folder, 20, 2));
  }

  @Test
  void figuresAndRecommendationsAreTheSameForAnyThreadCount() throws Exception {
    Path folder = fitted("ml-latest-small");
    EvaluationSettings settings = EvaluationSettings.defaults(org.cfmr.core.Mode.USER);
    assertEquals(evaluate(folder, settings.withThreads(1)),
        evaluate(folder, settings.withThreads(3)));
    assertArrayEquals(recommend(folder, 100, 1).getBytes(StandardCharsets.UTF_8),
        recommend(folder, 100, 3).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Train u1: 10 (4); u2: 10 (3), 20 (5), 30 (4), so the range is [3, 5] and μ = 4. Rank 2: x1 = (1, 2),
   * x2 = (1, 1), y10 = (1, 1), y20 = (1.5, 2), y30 = (2, 2). Test u1: 20 (4), 30 (2); u3 (cold):
   * 10 (3). u1's candidates: x·y20 = 5.5, x·y30 = 6, both clipped to 5: errors 1 and 3, RMSE
   * √5, MAE 2, coverage 2/3; u3 falls back to μ (user-mean): error 1, so over all ratings RMSE
   * √(11/3), MAE 5/3. u1's list by the unclipped x·y is 30, 20 (by the clipped predictions it
   * would be 20, 30): the one relevant movie at rank 2, nDCG 1/log2(3), precision 1/10, recall 1.
   */
  @Test
  void handCheckedCase() throws Exception {
    Files.writeString(dir.resolve(PipelineFiles.TRAIN),
        "1,10,4,1\n2,10,3,1\n2,20,5,1\n2,30,4,1\n");
    Files.writeString(dir.resolve(PipelineFiles.TEST), "1,20,4,1\n1,30,2,1\n3,10,3,1\n");
    Files.writeString(dir.resolve(PipelineFiles.USER_FACTORS), "1\t1,2\n2\t1,1\n");
    Files.writeString(dir.resolve(PipelineFiles.ITEM_FACTORS), "10\t1,1\n20\t1.5,2\n30\t2,2\n");
    ModelResult result = evaluate(dir, EvaluationSettings.defaults(org.cfmr.core.Mode.USER)
        .withThreads(1).withFallback(Fallback.USER_MEAN));
    assertEquals(Math.sqrt(5), result.rmse(), 1e-12);
    assertEquals(2, result.mae(), 1e-12);
    assertEquals(2, result.covered());
    assertEquals(3, result.total());
    assertEquals(Math.sqrt(11.0 / 3), result.rmseAll(), 1e-12);
    assertEquals(5.0 / 3, result.maeAll(), 1e-12);
    assertEquals(1 / (Math.log(3) / Math.log(2)), result.lists().ndcg(), 1e-12);
    assertEquals(0.1, result.lists().precision(), 1e-12);
    assertEquals(1, result.lists().recall(), 1e-12);
    assertEquals(1, result.lists().rankedUsers());
    assertEquals("1,30,5.000000\n1,20,5.000000\n", recommend(dir, 10, 1));
  }

  @Test
  void factorFilesOfAnotherRankOrWithoutATrainUserAreRefusedNamingTheFile() throws Exception {
    Files.writeString(dir.resolve(PipelineFiles.TRAIN), "1,10,4,1\n2,10,3,1\n2,20,5,1\n");
    Path users = Files.writeString(dir.resolve("users.txt"), "1\t1,2\n2\t1,1\n");
    Path items = Files.writeString(dir.resolve("items.txt"), "10\t1,1,0\n20\t1.5,2,0\n");
    assertEquals(TestFolders.hadoop(items) + ":1: 3 factors, expected rank 2", refusal(users, items));
    Path oneUser = Files.writeString(dir.resolve("one-user.txt"), "1\t1,2\n");
    Path rankTwo = Files.writeString(dir.resolve("rank-two.txt"), "10\t1,1\n20\t1.5,2\n");
    assertEquals(TestFolders.hadoop(oneUser) + ": no factors for 1 of the 2 train users (the first: 2): were they "
        + "fitted on this train split?", refusal(oneUser, rankTwo));
    assertEquals("no such factor file: " + TestFolders.hadoop(dir.resolve("none.txt")),
        refusal(users, dir.resolve("none.txt")));
  }

  @Test
  void evaluateShowsAlsInTheTableOfEveryModel() throws Exception {
    Path folder = dir.resolve("run");
    Files.createDirectories(folder);
    for (String name : List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
        PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS)) {
      Files.copy(TestFolders.latestSmall().resolve(name), folder.resolve(name));
    }
    Path fit = fitted("ml-latest-small");
    for (String name : List.of(PipelineFiles.USER_FACTORS, PipelineFiles.ITEM_FACTORS)) {
      Files.copy(fit.resolve(name), folder.resolve(name));
    }
    Manifests.write(folder);
    Path json = dir.resolve("metrics.json");
    assertEquals(0, new CommandLine(new EvaluateCommand()).execute("--folder", folder.toString(),
        "--model", "knn,als", "--json", json.toString(), "--threads", "2"));
    JsonNode all = new ObjectMapper().readTree(json.toFile());
    assertEquals(List.of("global_mean", "baseline", "als", "user", "item", "popularity"),
        iterate(all.fieldNames()));
    JsonNode als = all.get("als");
    ObjectNode expected = evaluate(fit, EvaluationSettings.defaults(org.cfmr.core.Mode.USER))
        .toJson(new ObjectMapper());
    expected.fields().forEachRemaining(field -> assertEquals(field.getValue().toString(),
        als.get(field.getKey()).toString(), field.getKey()));
    assertEquals(als.get("ndcg_at_n").asDouble() / all.get("popularity").get("ndcg_at_n")
        .asDouble(), als.get("ndcg_lift_over_popularity").asDouble(), 1e-12);
    assertEquals("dot-product", als.get("ranking").asText());

    Path alone = dir.resolve("als.json");
    assertEquals(0, new CommandLine(new EvaluateCommand()).execute("--model", "als",
        "--train", fit.resolve(PipelineFiles.TRAIN).toString(),
        "--test", fit.resolve(PipelineFiles.TEST).toString(),
        "--user-factors", fit.resolve(PipelineFiles.USER_FACTORS).toString(),
        "--item-factors", fit.resolve(PipelineFiles.ITEM_FACTORS).toString(),
        "--json", alone.toString()));
    JsonNode loose = new ObjectMapper().readTree(alone.toFile());
    assertEquals(List.of("global_mean", "baseline", "als", "popularity"),
        iterate(loose.fieldNames()));
    assertEquals(als, loose.get("als"));
  }

  @Test
  void evaluateRefusesOptionsOfTheModelsNotChosen() {
    String folder = TestFolders.latestSmall().toString();
    assertEquals("--model als uses no neighbours: leave out --mode, --neighbours and "
        + "--ranking-neighbours", usageError("--folder", folder, "--model", "als", "--mode",
            "user"));
    assertEquals("--user-factors and --item-factors are ALS's: add --model als",
        usageError("--folder", folder, "--user-factors", "u.txt"));
    assertEquals("--model baseline,als: baseline and global-mean are evaluated alone (knn and "
        + "als show them anyway)", usageError("--folder", folder, "--model", "baseline,als"));
    assertEquals("unknown model 'svd' (expected knn, als, baseline or global-mean)",
        usageError("--folder", folder, "--model", "svd"));
  }

  @Test
  void recommendWritesTheFolderFileOfAlsTheSameForAnyThreadCount() throws Exception {
    Path fit = fitted("ml-latest-small");
    Path folder = dir.resolve("run");
    Files.createDirectories(folder);
    for (String name : List.of(PipelineFiles.TRAIN, PipelineFiles.USER_FACTORS,
        PipelineFiles.ITEM_FACTORS)) {
      Files.copy(fit.resolve(name), folder.resolve(name));
    }
    Manifests.write(folder);
    Path file = folder.resolve(PipelineFiles.ALS_RECOMMENDATIONS);
    List<byte[]> written = new ArrayList<>();
    for (String threads : List.of("1", "3")) {
      assertEquals(0, new CommandLine(new RecommendCommand()).execute("--folder",
          folder.toString(), "--model", "als", "--top-n", "20", "--threads", threads,
          "--overwrite"));
      written.add(Files.readAllBytes(file));
    }
    assertArrayEquals(written.get(0), written.get(1));
    assertEquals(recommend(fit, 20, 2), new String(written.get(0), StandardCharsets.UTF_8));
    ResultFolder.open(TestFolders.hadoop(folder), CONF).file(PipelineFiles.ALS_RECOMMENDATIONS);
  }

  @Test
  void recommendRefusesTheOptionsOfTheOtherModel() {
    String folder = TestFolders.latestSmall().toString();
    assertEquals("--mode is kNN's: --model als ranks by the factors", usageError(
        new RecommendCommand(), "--folder", folder, "--model", "als", "--mode", "item"));
    assertEquals("--ranking is kNN's: --model als ranks by the factors", usageError(
        new RecommendCommand(), "--folder", folder, "--model", "als", "--ranking",
        "prediction"));
    assertEquals("--user-factors and --item-factors are ALS's: add --model als", usageError(
        new RecommendCommand(), "--folder", folder, "--item-factors", "i.txt"));
    assertEquals("unknown model 'svd' (expected knn or als)", usageError(
        new RecommendCommand(), "--folder", folder, "--model", "svd"));
  }

  private static String usageError(String... args) {
    return usageError(new EvaluateCommand(), args);
  }

  private static String usageError(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    StringBuilder message = new StringBuilder();
    cli.setExecutionExceptionHandler((error, line, parsed) -> {
      assertTrue(error instanceof UsageException, error.toString());
      message.append(error.getMessage());
      return 2;
    });
    assertEquals(2, cli.execute(args));
    return message.toString();
  }

  private static List<String> iterate(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  private String refusal(Path users, Path items) throws IOException {
    TrainData train = train(dir);
    return assertThrows(CfmrException.class, () -> FactorRecommender.read(train,
        TestFolders.hadoop(users), TestFolders.hadoop(items),
        EvaluationSettings.defaults(org.cfmr.core.Mode.USER), null, CONF)).getMessage();
  }

  private static ModelResult evaluate(Path folder, EvaluationSettings settings) {
    TrainData train = train(folder);
    TestRatings test = TestRatings.read(TestFolders.hadoop(folder.resolve(PipelineFiles.TEST)),
        train, CONF);
    return Evaluation.runFactors(train, test, recommender(folder, train, settings), settings);
  }

  private static String recommend(Path folder, int n, int threads) {
    TrainData train = train(folder);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Recommendations.write(recommender(folder, train,
        EvaluationSettings.defaults(org.cfmr.core.Mode.USER)), n, null, threads, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static FactorRecommender recommender(Path folder, TrainData train,
      EvaluationSettings settings) {
    Baseline baseline = BaselineFit.fit(train, settings.baseline(), 1);
    return FactorRecommender.read(train,
        TestFolders.hadoop(folder.resolve(PipelineFiles.USER_FACTORS)),
        TestFolders.hadoop(folder.resolve(PipelineFiles.ITEM_FACTORS)), settings, baseline, CONF);
  }

  private static TrainData train(Path folder) {
    return TrainData.of(RatingsReader.readTrain(TestFolders.hadoop(folder.resolve(PipelineFiles.TRAIN)),
        CONF));
  }

  /** The oracle of a fitted folder, made once (its lists are sorted once), baseline fitted. */
  private static synchronized FactorOracle factorOracle(Path folder) throws IOException {
    if (!ORACLES.containsKey(folder)) {
      OracleEvaluator data = new OracleEvaluator(folder.resolve(PipelineFiles.TRAIN),
          folder.resolve(PipelineFiles.TEST), null);
      BaselineSettings baseline = BaselineSettings.DEFAULTS;
      data.fitBaseline(baseline.userRegularisation(), baseline.itemRegularisation(),
          baseline.epochs());
      ORACLES.put(folder, new FactorOracle(data, folder.resolve(PipelineFiles.USER_FACTORS),
          folder.resolve(PipelineFiles.ITEM_FACTORS)));
    }
    return ORACLES.get(folder);
  }
}
