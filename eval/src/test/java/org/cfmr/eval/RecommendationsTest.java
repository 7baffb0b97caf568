package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.PredictionScore;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.PipelineFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * Recommendations on ml-latest-small equal the oracle's (same users, movies and order, predictions
 * to the printed 6 decimals), for both modes, ordered by the prediction and by the default
 * ranking score; the file is byte-identical for 1 and 3 threads; {@code --users} picks users; the
 * file is written through a staged output.
 */
class RecommendationsTest {
  @TempDir Path dir;

  @Test
  void userAndItemBasedEqualTheOracle() throws Exception {
    assertEqualsTheOracle(new PredictionScore());
  }

  @Test
  void userAndItemBasedByTheDefaultRankingEqualTheOracle() throws Exception {
    assertEqualsTheOracle(RankingScore.DEFAULT);
  }

  private static void assertEqualsTheOracle(RankingScore ranking) throws Exception {
    Path folder = TestFolders.latestSmall();
    TrainData train = train(folder);
    for (Mode mode : Mode.values()) {
      Path neighbours = folder.resolve(mode == Mode.USER
          ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS);
      String actual = recommend(train, neighbours, mode, ranking, 100, null, 2);
      OracleEvaluator oracle = new OracleEvaluator(folder.resolve(PipelineFiles.TRAIN),
          folder.resolve(PipelineFiles.TEST), neighbours);
      List<String[]> lines = new ArrayList<>();
      for (String line : actual.split("\n")) {
        lines.add(line.split(","));
      }
      int at = 0;
      for (int u : oracle.trainByUser.keySet()) {
        for (double[] want : oracle.recommend(mode == Mode.USER, true, ranking.cliName(), u,
            100)) {
          String[] got = lines.get(at++);
          String where = mode + " line " + at;
          assertEquals(u, Integer.parseInt(got[0]), where);
          assertEquals((int) want[0], Integer.parseInt(got[1]), where);
          assertEquals(want[1], Double.parseDouble(got[2]), 5.0000001e-7, where);
          assertTrue(got[2].matches("-?\\d+\\.\\d{6}"), where);
        }
      }
      assertEquals(lines.size(), at, mode + ": number of lines");
      assertTrue(at > 50_000, mode + ": " + at + " lines");
    }
  }

  @Test
  void userBasedSameBytesForAnyThreadCount() {
    Path folder = TestFolders.latestSmall();
    TrainData train = train(folder);
    Path neighbours = folder.resolve(PipelineFiles.USER_NEIGHBOURS);
    assertEquals(recommend(train, neighbours, Mode.USER, 0, null, 1),
        recommend(train, neighbours, Mode.USER, 0, null, 3));
  }

  @Test
  void sameBytesForAnyThreadCountAndUsersPicksUsers() throws Exception {
    Path folder = TestFolders.latestSmall();
    TrainData train = train(folder);
    Path neighbours = folder.resolve(PipelineFiles.ITEM_NEIGHBOURS);
    String one = recommend(train, neighbours, Mode.ITEM, 0, null, 1);
    assertEquals(one, recommend(train, neighbours, Mode.ITEM, 0, null, 3));
    String some = recommend(train, neighbours, Mode.ITEM, 0, new int[] {414, 1, 68}, 3);
    StringBuilder expected = new StringBuilder();
    for (String line : one.split("\n")) {
      if (line.startsWith("1,") || line.startsWith("68,") || line.startsWith("414,")) {
        expected.append(line).append('\n');
      }
    }
    assertEquals(expected.toString(), some);
    assertEquals("user 999999 has no train ratings to recommend from",
        assertThrows(CfmrException.class,
            () -> recommend(train, neighbours, Mode.ITEM, 5, new int[] {999999}, 1)).getMessage());
  }

  @Test
  void commandWritesThroughStagedOutput() throws Exception {
    Path folder = TestFolders.latestSmall();
    TrainData train = train(folder);
    Path neighbours = folder.resolve(PipelineFiles.USER_NEIGHBOURS);
    Recommender recommender = KnnRecommender.of(train, read(neighbours),
        MeanCentred.settings(Mode.USER), null);
    org.apache.hadoop.fs.Path target = TestFolders.hadoop(dir.resolve("recs.csv"));
    long lines = RecommendCommand.write(recommender, 5, null, 2, target, false,
        new Configuration());
    assertEquals(recommend(train, neighbours, Mode.USER, 5, null, 1),
        Files.readString(dir.resolve("recs.csv")));
    assertEquals(Files.readAllLines(dir.resolve("recs.csv")).size(), lines);
    assertTrue(lines > 5L * (train.users() - 10), "nearly every user gets 5: " + lines);
    assertTrue(assertThrows(CfmrException.class, () -> RecommendCommand.write(recommender, 5,
        null, 2, target, false, new Configuration())).getMessage()
        .endsWith("recs.csv exists; pass --overwrite to replace it"));
  }

  private static String recommend(TrainData train, Path neighbours, Mode mode, int topN,
      int[] users, int threads) {
    return recommend(train, neighbours, mode, RankingScore.DEFAULT, topN, users, threads);
  }

  private static String recommend(TrainData train, Path neighbours, Mode mode,
      RankingScore ranking, int topN, int[] users, int threads) {
    Recommender recommender = KnnRecommender.of(train, read(neighbours),
        MeanCentred.settings(mode).withRanking(ranking), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Recommendations.write(recommender, topN, users, threads, out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static NeighbourLists read(Path file) {
    return NeighbourListsFile.read(TestFolders.hadoop(file), new Configuration());
  }

  private static TrainData train(Path folder) {
    return TrainData.of(RatingsReader.readTrain(TestFolders.hadoop(folder.resolve(PipelineFiles.TRAIN)),
        new Configuration()));
  }
}
