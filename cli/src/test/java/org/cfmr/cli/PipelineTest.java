package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cfmr.core.runtime.PipelineFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.cfmr.core.runtime.ResultManifest;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfmr pipeline} on the bundled dataset, as a user runs it: every file is there and
 * consistent with the others and with the input, the printed table is the one in metrics.json, a
 * second run needs --overwrite and then gives the same bytes. (Each stage's numbers are checked
 * against independent oracles in its own module.)
 */
class PipelineTest {
  private static final List<String> FILES = List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
      PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS,
      PipelineFiles.USER_RANKING_NEIGHBOURS, PipelineFiles.ITEM_RANKING_NEIGHBOURS,
      PipelineFiles.USER_BASED_RECOMMENDATIONS, PipelineFiles.ITEM_BASED_RECOMMENDATIONS,
      PipelineFiles.METRICS, PipelineFiles.REPORT, PipelineFiles.RUN);
  /** The files that hold timings, compared by content rather than bytes. */
  private static final Set<String> TIMED = Set.of(PipelineFiles.METRICS, PipelineFiles.REPORT,
      PipelineFiles.RUN);

  @TempDir static Path dir;
  static Path output;
  static String printed;

  @BeforeAll
  static void runPipeline() {
    output = dir.resolve("out");
    printed = run("pipeline", "--output", output.toString(), "--top-n", "20");
  }

  /** Runs cfmr with standard output captured; fails unless it exits 0. */
  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.run(args), String.join(" ", args));
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyRatingOfTheBundledDatasetIsInExactlyOneSplitFile() throws IOException {
    List<String> input = Files.readAllLines(SharedData.bundled("ratings.csv"));
    Set<String> expected = new HashSet<>(input.subList(1, input.size()));
    List<String> train = Files.readAllLines(output.resolve(PipelineFiles.TRAIN));
    List<String> test = Files.readAllLines(output.resolve(PipelineFiles.TEST));
    assertEquals(expected.size(), train.size() + test.size());
    Set<String> both = new HashSet<>(train);
    both.addAll(test);
    assertEquals(expected, both);
  }

  @Test
  void theFolderHoldsEveryResultAndNothingElse() throws IOException {
    try (Stream<Path> listing = Files.list(output)) {
      Set<String> expected = new HashSet<>(FILES);
      expected.add(ResultManifest.NAME);
      assertEquals(expected, listing.map(p -> p.getFileName().toString())
          .collect(java.util.stream.Collectors.toSet()), "no hidden .crc or staging files either");
    }
    ResultManifest manifest = ResultManifest.read(
        org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()),
        new org.apache.hadoop.fs.Path(output.toUri()));
    assertEquals(Set.copyOf(FILES), manifest.files().keySet(), "one manifest lists every file");
    for (String name : FILES) {
      assertEquals(Files.size(output.resolve(name)), manifest.files().get(name).bytes(), name);
      assertEquals("pipeline", manifest.files().get(name).stage(), name);
    }
    JsonNode pipeline = manifest.stages().get("pipeline");
    assertEquals(42, pipeline.at("/settings/seed").asLong());
    assertTrue(pipeline.at("/inputs/ratings/path").asText().endsWith("ratings.csv"),
        pipeline.toString());
    for (String name : FILES) {
      assertTrue(Files.size(output.resolve(name)) > 0, name);
    }
  }

  @Test
  void recommendationsAreTopTwentyPerUserAndNeverARatedMovie() throws IOException {
    Set<String> rated = new HashSet<>();
    for (String line : Files.readAllLines(output.resolve(PipelineFiles.TRAIN))) {
      String[] f = line.split(",");
      rated.add(f[0] + "," + f[1]);
    }
    for (String name : List.of(PipelineFiles.USER_BASED_RECOMMENDATIONS,
        PipelineFiles.ITEM_BASED_RECOMMENDATIONS)) {
      java.util.Map<String, Integer> perUser = new java.util.HashMap<>();
      for (String line : Files.readAllLines(output.resolve(name))) {
        String[] f = line.split(",");
        assertEquals(3, f.length, line);
        assertTrue(!rated.contains(f[0] + "," + f[1]), name + " recommends a rated movie: " + line);
        perUser.merge(f[0], 1, Integer::sum);
      }
      assertTrue(perUser.values().stream().allMatch(n -> n <= 20), name);
      assertTrue(perUser.size() > 500, name + " covers most of the 610 users");
    }
  }

  @Test
  void metricsAndRunRecordsDescribeTheRunAndMatchThePrintedTable() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode metrics = json.readTree(output.resolve(PipelineFiles.METRICS).toFile());
    for (String mode : List.of("user", "item", "global_mean", "baseline")) {
      JsonNode m = metrics.get(mode);
      assertEquals(Files.readAllLines(output.resolve(PipelineFiles.TEST)).size(),
          m.get("total").asLong());
      assertTrue(m.get("rmse").asDouble() > 0.6 && m.get("rmse").asDouble() < 1.2, mode);
      assertTrue(printed.contains(String.format(java.util.Locale.ROOT, "%.4f",
          m.get("rmse").asDouble())), "printed table shows the " + mode + " RMSE");
    }
    for (String mode : List.of("user", "item")) {
      JsonNode m = metrics.get(mode);
      assertEquals("similarity-sum", m.get("ranking").asText(), mode);
      assertEquals(m.get("ndcg_at_n").asDouble() / metrics.at("/popularity/ndcg_at_n").asDouble(),
          m.get("ndcg_lift_over_popularity").asDouble(), 1e-12, mode);
    }
    assertTrue(printed.contains(String.format(java.util.Locale.ROOT, "%.4f",
        metrics.at("/popularity/ndcg_at_n").asDouble())), "printed table shows popularity");
    assertTrue(printed.lines().anyMatch(line -> line.startsWith("popularity ")), printed);
    JsonNode run = json.readTree(output.resolve(PipelineFiles.RUN).toFile());
    assertEquals("pearson", run.at("/neighbours/similarity").asText());
    assertEquals(100.0, run.at("/neighbours/shrink").asDouble());
    assertEquals(50, run.at("/neighbours/k").asInt());
    assertEquals(20, run.at("/recommendations/n").asInt());
    assertEquals(42, run.at("/split/seed").asLong());
    assertTrue(run.get("dataset").asText().endsWith("data/ml-latest-small"), run.toString());
  }

  /**
   * report.html shows the run's own figures: the metrics table's RMSE as in metrics.json, one bar
   * per mode and activity bucket of metrics.json, the dataset's five charts, the stages before
   * the report's, and links to the other files.
   */
  @Test
  void theReportShowsTheRunsFiguresAndCharts() throws IOException {
    JsonNode metrics = new ObjectMapper().readTree(output.resolve(PipelineFiles.METRICS).toFile());
    Document page = Jsoup.parse(output.resolve(PipelineFiles.REPORT).toFile(), "UTF-8");
    Element userRow = page.select("#metrics tbody tr:has(td:eq(0):matchesOwn(^user$))").first();
    assertEquals(String.format(java.util.Locale.ROOT, "%.4f", metrics.at("/user/rmse").asDouble()),
        userRow.select("td").get(3).text());
    int bars = 0;
    for (String mode : List.of("user", "item")) {
      for (JsonNode bucket : metrics.get(mode).get("by_user_activity")) {
        bars += bucket.has("rmse") ? 1 : 0;
      }
    }
    String byActivity = page.select("#run-charts svg").first().outerHtml();
    assertEquals(bars, byActivity.split("columnKey", -1).length - 1, "one bar per mode and bucket");
    assertEquals(5, page.select("#dataset svg").size());
    assertTrue(page.select("#dataset pre").text().contains("100,836"));
    List<String> stages = new ArrayList<>();
    new ObjectMapper().readTree(output.resolve(PipelineFiles.RUN).toFile()).get("stages")
        .forEach(stage -> stages.add(stage.get("name").asText()));
    assertEquals(stages.subList(0, stages.size() - 1),
        page.select("#stages tbody tr td:eq(0)").eachText());
    assertEquals(FILES.subList(0, FILES.size() - 2), page.select("#files a").eachAttr("href"));
  }

  /**
   * The run ends with one table of what each stage cost, and run.json keeps the same figures:
   * the stages in order, the split's and the recommendations' output bytes those of their files.
   */
  @Test
  void theStageTableAndRunJsonStateEachStagesCost() throws IOException {
    JsonNode stages = new ObjectMapper().readTree(output.resolve(PipelineFiles.RUN).toFile())
        .get("stages");
    List<String> names = new ArrayList<>();
    stages.forEach(stage -> names.add(stage.get("name").asText()));
    assertEquals(List.of("split", "neighbours", "baseline", "user-based", "item-based",
        "popularity", "report"), names);
    assertEquals(Files.size(output.resolve(PipelineFiles.TRAIN))
        + Files.size(output.resolve(PipelineFiles.TEST)), stages.get(0).get("output_bytes").asLong());
    assertEquals(Files.size(output.resolve(PipelineFiles.USER_BASED_RECOMMENDATIONS)),
        stages.get(3).get("output_bytes").asLong());
    assertTrue(stages.get(0).get("work").asText().endsWith(" test ratings"), stages.toString());
    for (JsonNode stage : stages) {
      assertTrue(stage.get("wall_s").asDouble() > 0, stage.toString());
      assertTrue(stage.get("peak_rss_bytes").asLong() > 10_000_000, stage.toString());
    }
    assertTrue(printed.contains("| stage | wall | CPU | peak RSS | work | output |"), printed);
    assertTrue(printed.lines().anyMatch(line -> line.startsWith("| neighbours | ")
        && line.contains(" users, ")), printed);
  }

  /**
   * The stage commands make the same result as the pipeline, one stage at a time into one folder
   * (as the EMR steps do): {@code split}, {@code neighbours}, {@code neighbours --for-ranking}
   * give the pipeline's split, prediction and ranking files, and {@code cfmr evaluate --folder}
   * on that folder (which ranks by its ranking files) gives the pipeline's figures; {@code cfmr
   * recommend --folder} gives its recommendations; {@code --ranking-neighbours prediction}
   * writes no ranking files and ranks by the prediction neighbours.
   */
  @Test
  void theRankingNeighboursOrderTheListsAndTheStageCommandsMakeTheSameResult()
      throws IOException {
    Path staged = dir.resolve("staged");
    String train = staged.resolve(PipelineFiles.TRAIN).toString();
    run("split", "--input", SharedData.bundled("ratings.csv").toString(), "--output",
        staged.toString());
    run("neighbours", "--train", train, "--output", staged.toString());
    run("neighbours", "--train", train, "--output", staged.toString(), "--for-ranking");
    for (String name : List.of(PipelineFiles.TRAIN, PipelineFiles.USER_NEIGHBOURS,
        PipelineFiles.ITEM_NEIGHBOURS, PipelineFiles.USER_RANKING_NEIGHBOURS,
        PipelineFiles.ITEM_RANKING_NEIGHBOURS)) {
      assertArrayEquals(Files.readAllBytes(output.resolve(name)),
          Files.readAllBytes(staged.resolve(name)), name);
    }
    Path evaluated = dir.resolve("evaluated.json");
    run("evaluate", "--folder", staged.toString(), "--json", evaluated.toString());
    JsonNode metrics = new ObjectMapper().readTree(output.resolve(PipelineFiles.METRICS).toFile());
    JsonNode again = new ObjectMapper().readTree(evaluated.toFile());
    for (String mode : List.of("user", "item")) {
      for (String figure : List.of("rmse", "rmse_all", "ndcg_at_n", "precision_at_n")) {
        assertEquals(metrics.get(mode).get(figure), again.get(mode).get(figure), mode + figure);
      }
    }
    Path recommended = dir.resolve("item.csv");
    run("recommend", "--folder", output.toString(), "--mode", "item", "--top-n", "20",
        "--output", recommended.toString());
    assertArrayEquals(Files.readAllBytes(output.resolve(
        PipelineFiles.ITEM_BASED_RECOMMENDATIONS)), Files.readAllBytes(recommended));

    Path plain = dir.resolve("plain");
    run("pipeline", "--output", plain.toString(), "--ranking-neighbours", "prediction");
    assertTrue(Files.notExists(plain.resolve(PipelineFiles.ITEM_RANKING_NEIGHBOURS)));
    JsonNode plainMetrics = new ObjectMapper().readTree(
        plain.resolve(PipelineFiles.METRICS).toFile());
    assertEquals(metrics.at("/item/rmse"), plainMetrics.at("/item/rmse"));
    assertTrue(metrics.at("/item/ndcg_at_n").asDouble()
        > plainMetrics.at("/item/ndcg_at_n").asDouble() + 0.03, "co-occurrence ranks better");
  }

  /**
   * {@code --train} and {@code --test} skip the split: given the first run's own split files
   * (read and validated like any ratings file), the run gives the same split files, neighbours
   * and figures; half a split, or a split with --input, is a usage error.
   */
  @Test
  void aGivenSplitIsUsedAsItIs() throws IOException {
    Path given = dir.resolve("given");
    String[] split = {"--train", output.resolve(PipelineFiles.TRAIN).toString(), "--test",
        output.resolve(PipelineFiles.TEST).toString()};
    String printedGiven = run("pipeline", "--output", given.toString(), "--top-n", "20",
        split[0], split[1], split[2], split[3]);
    assertTrue(printedGiven.contains("split: given, 80,939 train ratings from "), printedGiven);
    for (String name : List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
        PipelineFiles.ITEM_NEIGHBOURS, PipelineFiles.USER_RANKING_NEIGHBOURS,
        PipelineFiles.ITEM_BASED_RECOMMENDATIONS)) {
      assertArrayEquals(Files.readAllBytes(output.resolve(name)),
          Files.readAllBytes(given.resolve(name)), name);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode metrics = json.readTree(output.resolve(PipelineFiles.METRICS).toFile());
    JsonNode givenMetrics = json.readTree(given.resolve(PipelineFiles.METRICS).toFile());
    for (String key : List.of("global_mean", "baseline", "user", "item", "popularity")) {
      assertEquals(metrics.at("/" + key + "/rmse"), givenMetrics.at("/" + key + "/rmse"), key);
      assertEquals(metrics.at("/" + key + "/ndcg_at_n"), givenMetrics.at("/" + key + "/ndcg_at_n"),
          key);
    }
    assertEquals(80_939, json.readTree(given.resolve(PipelineFiles.RUN).toFile())
        .at("/split/train").asLong());
    assertEquals(2, Main.run("pipeline", "--output", dir.resolve("half").toString(), split[0],
        split[1]));
    assertEquals(2, Main.run("pipeline", "--output", dir.resolve("both").toString(), "--input",
        output.resolve(PipelineFiles.TRAIN).toString(), split[0], split[1], split[2], split[3]));
  }

  @Test
  void aSecondRunNeedsOverwriteAndThenWritesTheSameBytes() throws IOException {
    byte[][] before = contents();
    assertEquals(1, Main.run("pipeline", "--output", output.toString(), "--top-n", "20"));
    assertContentsEqual(before, contents());
    run("pipeline", "--output", output.toString(), "--top-n", "20", "--overwrite",
        "--threads", "1");
    byte[][] after = contents();
    for (int i = 0; i < FILES.size(); i++) {
      if (!TIMED.contains(FILES.get(i))) {
        assertArrayEquals(before[i], after[i], FILES.get(i) + " is the same with 1 thread");
      }
    }
  }

  /**
   * {@code --models knn,als} adds the ALS stage to the one result: the factor files are
   * {@code cfmr als}'s with the pipeline's ALS settings, whatever the thread count; the ALS row
   * of metrics.json and the printed table is {@code evaluate --model als}'s and
   * recommendations_als.csv is {@code recommend --model als}'s, on the folder; the kNN files are
   * the run without ALS's. ALS's options without it, and ALS without kNN, are usage errors.
   */
  @Test
  void alsIsAStageOfTheSameResult() throws IOException {
    Path withAls = dir.resolve("als");
    String printedAls = run("pipeline", "--output", withAls.toString(), "--top-n", "20",
        "--models", "knn,als");
    List<String> alsFiles = List.of(PipelineFiles.USER_FACTORS, PipelineFiles.ITEM_FACTORS,
        PipelineFiles.ALS_REPORT, PipelineFiles.ALS_RECOMMENDATIONS);
    Set<String> expected = new HashSet<>(FILES);
    expected.addAll(alsFiles);
    ResultManifest manifest = ResultManifest.read(
        org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()),
        new org.apache.hadoop.fs.Path(withAls.toUri()));
    assertEquals(expected, manifest.files().keySet(), "one manifest lists ALS's files too");
    for (String name : FILES) {
      if (!TIMED.contains(name)) {
        assertArrayEquals(Files.readAllBytes(output.resolve(name)),
            Files.readAllBytes(withAls.resolve(name)), name);
      }
    }
    Path fit = dir.resolve("als-fit");
    run("als", "--train", withAls.resolve(PipelineFiles.TRAIN).toString(), "--output",
        fit.toString(), "--rank", "10", "--reg", "0.1", "--iterations", "10");
    for (String name : List.of(PipelineFiles.USER_FACTORS, PipelineFiles.ITEM_FACTORS)) {
      assertArrayEquals(Files.readAllBytes(fit.resolve(name)),
          Files.readAllBytes(withAls.resolve(name)), name);
    }
    Path evaluated = dir.resolve("als-evaluated.json");
    run("evaluate", "--folder", withAls.toString(), "--model", "als", "--json",
        evaluated.toString());
    ObjectMapper json = new ObjectMapper();
    JsonNode als = json.readTree(withAls.resolve(PipelineFiles.METRICS).toFile()).get("als");
    assertEquals(json.readTree(evaluated.toFile()).get("als"), als);
    assertEquals("dot-product", als.get("ranking").asText());
    assertTrue(printedAls.lines().anyMatch(line -> line.matches("—\\s+ALS\\s+dot-product\\s+"
        + String.format(java.util.Locale.ROOT, "%.4f", als.get("rmse").asDouble()) + " .*")),
        printedAls);
    Path recommended = dir.resolve("als.csv");
    run("recommend", "--folder", withAls.toString(), "--model", "als", "--top-n", "20",
        "--output", recommended.toString());
    assertArrayEquals(Files.readAllBytes(recommended),
        Files.readAllBytes(withAls.resolve(PipelineFiles.ALS_RECOMMENDATIONS)));
    assertEquals(10, json.readTree(withAls.resolve(PipelineFiles.RUN).toFile())
        .at("/als/rank").asInt());

    Path oneThread = dir.resolve("als-one-thread");
    run("pipeline", "--output", oneThread.toString(), "--top-n", "20", "--models", "knn,als",
        "--threads", "1");
    for (String name : List.of(PipelineFiles.USER_FACTORS, PipelineFiles.ITEM_FACTORS,
        PipelineFiles.ALS_RECOMMENDATIONS)) {
      assertArrayEquals(Files.readAllBytes(withAls.resolve(name)),
          Files.readAllBytes(oneThread.resolve(name)), name + " with 1 thread");
    }
    String refused = dir.resolve("refused").toString();
    assertEquals(2, Main.run("pipeline", "--output", refused, "--als-rank", "5"));
    assertEquals(2, Main.run("pipeline", "--output", refused, "--models", "als"));
    assertEquals(2, Main.run("pipeline", "--output", refused, "--models", "knn,als",
        "--als-rank", "0"));
    assertTrue(Files.notExists(dir.resolve("refused")), "usage errors write nothing");
  }

  /**
   * {@code --models knn,als,blend} adds the blend's row beside its parts in the same result (no
   * file of its own; the kNN files are the run without it): its RMSE, over the ratings it covers
   * and over all, is below user-based kNN's, item-based kNN's, ALS's and the baseline's on the
   * bundled data; its weights, printed and in run.json, and its figures are the same for 1
   * thread. The blend without ALS, and its option without it, are usage errors.
   */
  @Test
  void theBlendIsARowOfTheSameResultAndBeatsEveryPart() throws IOException {
    Path withBlend = dir.resolve("blend");
    String printedBlend = run("pipeline", "--output", withBlend.toString(), "--top-n", "20",
        "--models", "knn,als,blend");
    ResultManifest manifest = ResultManifest.read(
        org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()),
        new org.apache.hadoop.fs.Path(withBlend.toUri()));
    Set<String> expected = new HashSet<>(FILES);
    expected.addAll(List.of(PipelineFiles.USER_FACTORS, PipelineFiles.ITEM_FACTORS,
        PipelineFiles.ALS_REPORT, PipelineFiles.ALS_RECOMMENDATIONS));
    assertEquals(expected, manifest.files().keySet());
    assertEquals("validation 0.1", manifest.stages().get("pipeline").at("/settings/blend")
        .asText());
    for (String name : FILES) {
      if (!TIMED.contains(name)) {
        assertArrayEquals(Files.readAllBytes(output.resolve(name)),
            Files.readAllBytes(withBlend.resolve(name)), name);
      }
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode metrics = json.readTree(withBlend.resolve(PipelineFiles.METRICS).toFile());
    JsonNode blend = metrics.get("blend");
    assertEquals("blend", blend.get("ranking").asText());
    assertEquals(metrics.at("/als/coverage"), blend.get("coverage"),
        "it covers what ALS covers: every rating whose user and movie are in train");
    for (String part : List.of("user", "item", "als", "baseline")) {
      assertTrue(blend.get("rmse").asDouble() < metrics.at("/" + part + "/rmse").asDouble(),
          part + " " + metrics.get(part) + " " + blend);
      assertTrue(blend.get("rmse_all").asDouble()
          < metrics.at("/" + part + "/rmse_all").asDouble(), part + " over all ratings");
    }
    assertTrue(printedBlend.lines().anyMatch(line -> line.matches("—\\s+blend\\s+blend\\s+"
        + String.format(java.util.Locale.ROOT, "%.4f", blend.get("rmse").asDouble()) + " .*")),
        printedBlend);

    JsonNode run = json.readTree(withBlend.resolve(PipelineFiles.RUN).toFile()).get("blend");
    assertEquals(0.1, run.get("validation_fraction").asDouble());
    assertEquals(80_939, run.get("fit_ratings").asLong() + run.get("validation_ratings").asLong());
    List<String> names = new java.util.ArrayList<>();
    run.get("weights").fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("intercept", "user-based", "item-based", "ALS", "baseline"), names);
    String printedWeights = printedBlend.lines().filter(line -> line.startsWith("blend: "))
        .findFirst().orElseThrow().replaceAll(".*: pred = (.*) \\([0-9.]+s\\)$", "$1");
    assertEquals(blend.get("settings").asText(), printedWeights, "the printed weights");

    Path oneThread = dir.resolve("blend-one-thread");
    run("pipeline", "--output", oneThread.toString(), "--top-n", "20", "--models",
        "knn,als,blend", "--threads", "1");
    assertEquals(run, json.readTree(oneThread.resolve(PipelineFiles.RUN).toFile()).get("blend"));
    assertEquals(blend, json.readTree(oneThread.resolve(PipelineFiles.METRICS).toFile())
        .get("blend"));

    String refused = dir.resolve("refused-blend").toString();
    assertEquals(2, Main.run("pipeline", "--output", refused, "--models", "knn,blend"));
    assertEquals(2, Main.run("pipeline", "--output", refused, "--blend-validation", "0.2"));
    assertTrue(Files.notExists(dir.resolve("refused-blend")), "usage errors write nothing");
  }

  private static byte[][] contents() throws IOException {
    byte[][] bytes = new byte[FILES.size()][];
    for (int i = 0; i < FILES.size(); i++) {
      bytes[i] = Files.readAllBytes(output.resolve(FILES.get(i)));
    }
    return bytes;
  }

  private static void assertContentsEqual(byte[][] expected, byte[][] actual) {
    for (int i = 0; i < FILES.size(); i++) {
      assertArrayEquals(expected[i], actual[i], FILES.get(i) + " untouched");
    }
  }
}
