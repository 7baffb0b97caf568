package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same figures for 1 and 3 threads, whatever the ranking; bad inputs give one clear line naming file and line. */
class InvarianceAndErrorsTest {
  private static final List<String> TIMING = List.of("threads", "seconds",
      "predictions_per_second");
  @TempDir Path dir;

  @Test
  void figuresDoNotDependOnThreadCount() {
    Path folder = TestFolders.latestSmall();
    for (Mode mode : Mode.values()) {
      for (RankingScore ranking : RankingScore.ALL) {
        ObjectNode one = evaluate(folder, mode, ranking, 1);
        ObjectNode three = evaluate(folder, mode, ranking, 3);
        TIMING.forEach(key -> {
          one.remove(key);
          three.remove(key);
        });
        assertEquals(one, three, mode + " " + ranking + ": 1 thread vs 3 threads");
      }
    }
  }

  @Test
  void itemNeighboursGivenAsUserNeighboursAreRefused() {
    Path folder = TestFolders.latestSmall();
    CfmrException error = assertThrows(CfmrException.class, () -> Evaluation.run(
        TestFolders.hadoop(folder.resolve(PipelineFiles.TRAIN)),
        TestFolders.hadoop(folder.resolve(PipelineFiles.TEST)),
        TestFolders.hadoop(folder.resolve(PipelineFiles.ITEM_NEIGHBOURS)),
        EvaluationSettings.defaults(Mode.USER), new Configuration()));
    assertTrue(error.getMessage().matches(".*item_topk_neighbors.txt:\\d+: user \\d+ has no train "
        + "ratings: is this a file of item neighbours, or of another train split\\?"),
        error.getMessage());
  }

  @Test
  void userNeighboursGivenAsItemNeighboursAreRefused() {
    // ml-100k: user ids 1..943 are item ids too, so only the shared-rating check can tell.
    Path golden = SharedData.golden("ml-100k-u1");
    CfmrException error = assertThrows(CfmrException.class, () -> Evaluation.run(
        TestFolders.hadoop(golden.resolve("ratings_train.csv")),
        TestFolders.hadoop(golden.resolve("ratings_test.csv")),
        TestFolders.hadoop(golden.resolve("user_topk_neighbors.pearson.shrink100.txt")),
        EvaluationSettings.defaults(Mode.ITEM), new Configuration()));
    assertTrue(error.getMessage().contains("is this a file of user neighbours"),
        error.getMessage());
  }

  @Test
  void testRatingAlsoInTrainIsRefusedWithItsLine() throws IOException {
    Files.write(dir.resolve("train.csv"), List.of("1,10,4,1", "2,10,3,1", "1,20,5,1", "2,20,2,1"));
    Files.write(dir.resolve("test.csv"), List.of("1,30,4,1", "2,20,2,1"));
    Files.write(dir.resolve("user.txt"), List.of("1\t2:0.500000"));
    CfmrException error = assertThrows(CfmrException.class, () -> run("user.txt", Mode.USER));
    assertEquals(hadoop("test.csv") + ":2: user 2 rated movie 20 in the train split too: are "
        + "these a train and test split of one run?", error.getMessage());
  }

  @Test
  void duplicateTestRatingAndMalformedLinesAreRefused() throws IOException {
    Files.write(dir.resolve("train.csv"), List.of("1,10,4,1", "2,10,3,1"));
    Files.write(dir.resolve("user.txt"), List.of("1\t2:0.500000"));
    Files.write(dir.resolve("test.csv"), List.of("1,30,4,1", "2,40,2,1", "1,30,3,1"));
    assertEquals(hadoop("test.csv") + ":3: duplicate rating of movie 30 by user 1",
        assertThrows(CfmrException.class, () -> run("user.txt", Mode.USER)).getMessage());
    Files.write(dir.resolve("test.csv"), List.of("1,30,4,1", "2,40,x,1"));
    assertEquals(hadoop("test.csv") + ":2: rating 'x' is not a number",
        assertThrows(CfmrException.class, () -> run("user.txt", Mode.USER)).getMessage());
    Files.write(dir.resolve("test.csv"), List.of("1,30,4,1"));
    Files.write(dir.resolve("user.txt"), List.of("1\t2:0.500000", "1\t2:0.400000"));
    assertTrue(assertThrows(CfmrException.class, () -> run("user.txt", Mode.USER)).getMessage()
        .startsWith(hadoop("user.txt") + ":2: entity 1 is not after"));
    Files.write(dir.resolve("user.txt"), List.of("1\t2=0.500000"));
    assertEquals(hadoop("user.txt") + ":1: neighbour '2=0.500000' is not 'id:similarity'",
        assertThrows(CfmrException.class, () -> run("user.txt", Mode.USER)).getMessage());
    assertEquals("no such neighbour file: " + hadoop("missing.txt"),
        assertThrows(CfmrException.class, () -> run("missing.txt", Mode.USER)).getMessage());
  }

  @Test
  void corruptNeighbourFilesAreRefusedWithTheirLine() throws IOException {
    Files.write(dir.resolve("train.csv"), List.of("1,10,4,1", "2,10,3,1"));
    Files.write(dir.resolve("test.csv"), List.of("1,30,4,1"));
    Files.write(dir.resolve("user.txt"), List.of("1\t2:0.500000", "2\t1:7.500000"));
    assertEquals(hadoop("user.txt") + ":2: similarity 7.500000 of neighbour 1 is outside [-1, 1]",
        assertThrows(CfmrException.class, () -> run("user.txt", Mode.USER)).getMessage());
    Files.write(dir.resolve("user.txt"), List.of("1\t2:NaN"));
    assertEquals(hadoop("user.txt") + ":1: similarity 'NaN' of neighbour 2 is not a number "
        + "printed with 6 decimals",
        assertThrows(CfmrException.class, () -> run("user.txt", Mode.USER)).getMessage());
    Files.writeString(dir.resolve("user.txt"), "1\t2:0.500000\n2\t1:0.5");
    assertEquals(hadoop("user.txt") + ":2: the last line has no line break: the file is cut short",
        assertThrows(CfmrException.class, () -> run("user.txt", Mode.USER)).getMessage());
  }

  private ObjectNode evaluate(Path folder, Mode mode, RankingScore ranking, int threads) {
    EvaluationSettings settings = EvaluationSettings.defaults(mode)
        .withItemFormula(ItemFormula.CENTRED).withRanking(ranking).withThreads(threads);
    return Evaluation.run(TestFolders.hadoop(folder.resolve(PipelineFiles.TRAIN)),
        TestFolders.hadoop(folder.resolve(PipelineFiles.TEST)),
        TestFolders.hadoop(folder.resolve(mode == Mode.USER
            ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS)),
        settings, new Configuration()).toJson(new ObjectMapper());
  }

  private EvaluationResult run(String neighbours, Mode mode) {
    return Evaluation.run(hadoop("train.csv"), hadoop("test.csv"), hadoop(neighbours),
        EvaluationSettings.defaults(mode), new Configuration());
  }

  private org.apache.hadoop.fs.Path hadoop(String name) {
    return new org.apache.hadoop.fs.Path(dir.resolve(name).toUri());
  }
}
