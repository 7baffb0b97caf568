package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.PipelineFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * A small sweep on ml-latest-small: its K = 50 rows equal the evaluation of the default
 * neighbour files, and its K = 10 row (lists cut from K = 50) equals the evaluation of neighbour
 * files computed with K = 10; the CSV has one row per grid point and mode.
 */
class SweepTest {
  private static final List<String> TIMING = List.of("threads", "seconds",
      "predictions_per_second");
  private static final Configuration conf = new Configuration();
  private static Path folder;
  private static org.apache.hadoop.fs.Path trainFile;
  private static TrainData train;
  private static TestRatings test;
  @TempDir Path dir;

  @BeforeAll
  static void readTheSplit() throws Exception {
    folder = TestFolders.latestSmall();
    trainFile = TestFolders.hadoop(folder.resolve(PipelineFiles.TRAIN));
    train = TrainData.of(RatingsReader.readTrain(trainFile, conf));
    test = TestRatings.read(TestFolders.hadoop(folder.resolve(PipelineFiles.TEST)), train, conf);
  }

  /**
   * --plot draws each figure against K per mode: one point per K and curve, the curves named by
   * their settings, the baselines' RMSE and popularity's nDCG as labelled reference lines.
   */
  @Test
  void plotsEachFigureAgainstKWithTheBaselines() throws Exception {
    Path plots = dir.resolve("plots");
    assertEquals(0, new picocli.CommandLine(new SweepCommand()).execute("--folder",
        folder.toString(), "--similarity", "pearson,cosine", "--shrink", "100", "--min-common",
        "5", "--k", "10,30,50", "--threads", "2", "--plot", plots.toString()));
    try (var files = java.nio.file.Files.list(plots)) {
      assertEquals(SweepPlots.names(List.of(Mode.USER, Mode.ITEM)).size() * 2, files
          .filter(file -> !file.getFileName().toString().endsWith(".crc")).count());
    }
    String rmse = java.nio.file.Files.readString(plots.resolve("user-rmse-against-k.svg"));
    assertEquals(6, rmse.split("itemIndex", -1).length - 1, "3 values of K × 2 curves");
    assertTrue(rmse.contains(">pearson λ=100 minCommon=5, knn-baseline λp=1<"), rmse);
    assertTrue(rmse.matches("(?s).*>baseline 0\\.8\\d{3} \\(all ratings\\)<.*"), "baseline line");
    assertTrue(rmse.contains(">global mean 1."), "global mean line");
    String ndcg = java.nio.file.Files.readString(plots.resolve("item-ndcg-against-k.svg"));
    assertTrue(ndcg.contains(">popularity 0.1"), "popularity line");
  }

  @Test
  void rowsEqualDirectEvaluations() throws Exception {
    Sweep.Grid grid = new Sweep.Grid(List.of(Similarity.PEARSON), List.of(100.0), List.of(5),
        List.of(50, 10), List.of(0), List.of(Mode.USER, Mode.ITEM));
    EvaluationSettings settings = EvaluationSettings.defaults(Mode.USER).withThreads(2);
    List<Sweep.Row> rows = Sweep.run(trainFile, train, test, grid, settings, conf);
    assertEquals(4, rows.size());
    assertEquals("pearson λ=100 minCommon=5 K=10", rows.get(0).label());
    assertEquals("pearson λ=100 minCommon=5 K=50 (default)", rows.get(2).label());
    for (Sweep.Row row : rows.subList(2, 4)) {
      Mode mode = row.result().settings().mode();
      NeighbourLists lists = NeighbourListsFile.read(TestFolders.hadoop(folder.resolve(
          mode == Mode.USER ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS)),
          conf);
      assertEquals(figures(Evaluation.run(train, test, lists, settings.withMode(mode))),
          figures(row.result()), "K=50 " + mode);
    }
    Path k10 = dir.resolve("user10.txt");
    org.cfmr.mapreduce.memory.MemoryNeighbours.write(trainFile, TestFolders.hadoop(k10), Mode.USER,
        rows.get(0).neighbours(), 2, conf);
    assertEquals(figures(Evaluation.run(train, test,
        NeighbourListsFile.read(TestFolders.hadoop(k10), conf), settings)),
        figures(rows.get(0).result()), "K=10 user");
    TopNResult popularity = PopularityBaseline.evaluate(train, test, 10, 4.0);
    String csv = ResultsTable.csv(rows.stream().map(Sweep.Row::csvFields).toList(),
        Sweep.Row.CSV_HEADER, List.of(),
        rows.stream().map(Sweep.Row::result).toList(), popularity);
    List<String> lines = csv.lines().toList();
    assertEquals(6, lines.size());
    assertTrue(lines.get(1).startsWith("pearson,100,5,10,0,knn-baseline,1,5,5,user,,"),
        lines.get(1));
    assertTrue(lines.get(4).startsWith("pearson,100,5,50,0,knn-baseline,1,5,5,item,centred,"),
        lines.get(4));
    int columns = lines.get(0).split(",", -1).length;
    for (String line : lines) {
      assertEquals(columns, line.split(",", -1).length, line);
    }
    assertTrue(lines.get(4).endsWith(",similarity-sum," + rows.get(3).result().ndcg()
        / popularity.ndcg()), lines.get(4));
    assertEquals(",,,,,,,,,popularity,,,,,,,,,10," + popularity.precision() + ","
        + popularity.recall() + "," + popularity.ndcg() + ",popularity,1.0", lines.get(5));
    String table = ResultsTable.text(rows.stream().map(Sweep.Row::label).toList(), "neighbours",
        List.of(), rows.stream().map(Sweep.Row::result).toList(), popularity);
    assertTrue(table.lines().toList().get(5).matches("popularity +— +train ratings +— +— +— +— +"
        + String.format(java.util.Locale.ROOT, "%.4f +%.4f +%.4f", popularity.precision(),
            popularity.recall(), popularity.ndcg()) + " +1\\.00×"), table);
  }

  /**
   * Each prediction setting of the grid (predictor, damping, baseline λs) gives the rows of a
   * direct evaluation with that setting, in grid order.
   */
  @Test
  void eachPredictionSettingEqualsADirectEvaluation() throws Exception {
    Sweep.Grid grid = new Sweep.Grid(List.of(Similarity.PEARSON), List.of(100.0), List.of(5),
        List.of(20), List.of(0), List.of(Mode.USER, Mode.ITEM));
    EvaluationSettings base = EvaluationSettings.defaults(Mode.USER).withThreads(2);
    List<EvaluationSettings> predictions = List.of(
        base.withCentring(org.cfmr.core.predict.Centring.MEAN, 0),
        base.withCentring(org.cfmr.core.predict.Centring.BASELINE, 2)
            .withBaseline(new org.cfmr.core.baseline.BaselineSettings(2, 3, 4)));
    List<Sweep.Row> rows = Sweep.run(trainFile, train, test, grid, predictions, conf);
    assertEquals(4, rows.size());
    Path file = dir.resolve("k20.txt");
    for (Sweep.Row row : rows) {
      Mode mode = row.result().settings().mode();
      org.cfmr.mapreduce.memory.MemoryNeighbours.write(trainFile, TestFolders.hadoop(file),
          mode, row.neighbours(), 2, conf);
      EvaluationSettings expected = predictions.get(rows.indexOf(row) / 2).withMode(mode);
      assertEquals(expected, row.result().settings());
      assertEquals(figures(Evaluation.run(train, test,
          NeighbourListsFile.read(TestFolders.hadoop(file), conf), expected)),
          figures(row.result()), expected.describe());
      java.nio.file.Files.delete(file);
    }
    assertEquals("user-based (knn-baseline λp=2 λu=2 λi=3 epochs=4)",
        rows.get(2).result().settings().describe());
    assertTrue(rows.get(2).csvFields().endsWith(",knn-baseline,2,2,3"), rows.get(2).csvFields());
  }

  /**
   * A capped grid point equals the evaluation of neighbours computed with that cap, and the cap
   * changes the result (ml-latest-small has users with hundreds of ratings, so a cap of 30 on
   * the item–item pivots drops most of their pairs).
   */
  @Test
  void cappedRowsEqualDirectEvaluationsOfCappedNeighbours() throws Exception {
    Sweep.Grid grid = new Sweep.Grid(List.of(Similarity.PEARSON), List.of(100.0), List.of(5),
        List.of(50), List.of(0, 30), List.of(Mode.ITEM));
    EvaluationSettings settings = EvaluationSettings.defaults(Mode.ITEM).withThreads(2);
    List<Sweep.Row> rows = Sweep.run(trainFile, train, test, grid, settings, conf);
    assertEquals(2, rows.size());
    assertEquals("pearson λ=100 minCommon=5 K=50 cap=30", rows.get(1).label());
    Path capped = dir.resolve("item-capped.txt");
    org.cfmr.mapreduce.memory.MemoryNeighbours.write(trainFile, TestFolders.hadoop(capped), Mode.ITEM,
        rows.get(1).neighbours(), 2, conf);
    assertEquals(figures(Evaluation.run(train, test,
        NeighbourListsFile.read(TestFolders.hadoop(capped), conf), settings)),
        figures(rows.get(1).result()), "cap 30 item");
    assertTrue(rows.get(1).result().coverage() < rows.get(0).result().coverage(),
        "a cap of 30 loses pairs, so predictions: " + rows.get(1).result().coverage() + " vs "
            + rows.get(0).result().coverage());
  }

  private static ObjectNode figures(EvaluationResult result) {
    ObjectNode json = result.toJson(new ObjectMapper());
    TIMING.forEach(json::remove);
    return json;
  }
}
