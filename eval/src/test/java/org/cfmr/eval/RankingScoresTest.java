package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.predict.DampedPredictionScore;
import org.cfmr.core.predict.DeviationSumScore;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.PredictionScore;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.SimilaritySumScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * Each ranking score's order of user 1's list on a tiny split, computed by hand. Train: u1 {10:5,
 * 20:3.5}, u2 {10:3, 20:2, 70:5}, u3 {10:4, 60:1}, u4 {20:4, 70:2}. Item means: 10: 4, 20: 19/6,
 * 60: 1, 70: 3.5. User 1's candidates are 60 and 70 in both modes, and their similarity sums tie
 * exactly at 0.3 although 0.1 + 0.2 in doubles is 0.30000000000000004: ties go by movie id.
 */
class RankingScoresTest {
  private static final List<String> TRAIN = List.of("1,10,5,1", "1,20,3.5,1", "2,10,3,1",
      "2,20,2,1", "2,70,5,1", "3,10,4,1", "3,60,1,1", "4,20,4,1", "4,70,2,1");
  /** 60: J = {10 (0.3)}; 70: J = {20 (0.2), 10 (0.1)}, summed in list order. */
  private static final List<String> ITEM_NEIGHBOURS = List.of(
      "10\t20:0.500000", "60\t10:0.300000", "70\t20:0.200000,10:0.100000");
  /** 60: V = {u3 (0.3)}; 70: V = {u4 (0.2), u2 (0.1)}, summed in list order. */
  private static final List<String> USER_NEIGHBOURS = List.of(
      "1\t3:0.300000,4:0.200000,2:0.100000");

  @TempDir Path dir;
  private TrainData train;

  @BeforeEach
  void writeFiles() throws IOException {
    Files.write(dir.resolve("train.csv"), TRAIN);
    Files.write(dir.resolve("item.txt"), ITEM_NEIGHBOURS);
    Files.write(dir.resolve("user.txt"), USER_NEIGHBOURS);
    train = TrainData.of(RatingsReader.readTrain(hadoop("train.csv"), new Configuration()));
  }

  @Test
  void itemBased() {
    // pred: 60 = 1 + 0.3·(5 − 4)/0.3 = 2; 70 = 3.5 + (0.1·1 + 0.2·(3.5 − 19/6))/0.3 = 3.5 + 5/9.
    String predictions = ",2.000000\n";
    String seventy = "," + String.format(java.util.Locale.ROOT, "%.6f", 3.5 + 5.0 / 9) + "\n";
    // Σ sim: 0.3 and 0.1 + 0.2 = 0.3 exactly: a tie, so by movie id.
    assertEquals("1,60" + predictions + "1,70" + seventy,
        recommend(Mode.ITEM, "item.txt", new SimilaritySumScore()));
    // Σ sim·(r − mu_j): 60: 0.3·1 = 0.3; 70: 0.1·1 + 0.2·(1/3) = 1/6.
    assertEquals("1,60" + predictions + "1,70" + seventy,
        recommend(Mode.ITEM, "item.txt", new DeviationSumScore()));
    // pred·n/(n+10): 60: 2/11; 70: (3.5 + 5/9)·2/12 = 0.68.
    assertEquals("1,70" + seventy + "1,60" + predictions,
        recommend(Mode.ITEM, "item.txt", new DampedPredictionScore()));
    assertEquals("1,70" + seventy + "1,60" + predictions,
        recommend(Mode.ITEM, "item.txt", new PredictionScore()));
  }

  @Test
  void userBased() {
    // mu_u1 = 4.25. pred: 60 = 4.25 + 0.3·(1 − 2.5)/0.3 = 2.75;
    // 70 = 4.25 + (0.2·(2 − 3) + 0.1·(5 − 10/3))/0.3 = 4.25 − (1/30)/0.3 = 4.25 − 1/9.
    String sixty = ",2.750000\n";
    String seventy = "," + String.format(java.util.Locale.ROOT, "%.6f", 4.25 - 1.0 / 9) + "\n";
    // Σ sim: 0.3 and 0.2 + 0.1 = 0.3 exactly: by movie id.
    assertEquals("1,60" + sixty + "1,70" + seventy,
        recommend(Mode.USER, "user.txt", new SimilaritySumScore()));
    // Σ sim·(r − mu_v): 60: 0.3·(1 − 2.5) = −0.45; 70: 0.2·(−1) + 0.1·(5/3) = −1/30.
    assertEquals("1,70" + seventy + "1,60" + sixty,
        recommend(Mode.USER, "user.txt", new DeviationSumScore()));
    assertEquals("1,70" + seventy + "1,60" + sixty,
        recommend(Mode.USER, "user.txt", new PredictionScore()));
  }

  /**
   * Item 60's similarities to user 1's movies cancel (Σ sim = 0, Σ|sim| = 0.6): covered, with
   * pred = 1 + (0.3·(5 − 4) − 0.3·(3.5 − 19/6))/0.6 = 4/3. Item 70's only one is 0: not covered.
   */
  @Test
  void cancellingSimilaritiesCoverAndZeroOnesDoNot() throws IOException {
    Files.write(dir.resolve("item-cancel.txt"),
        List.of("60\t10:0.300000,20:-0.300000", "70\t10:0.000000"));
    assertEquals("1,60,1.333333\n",
        recommend(Mode.ITEM, "item-cancel.txt", new SimilaritySumScore()));
  }

  /**
   * User 1's neighbours u4 (0.2) and u2 (−0.2) both rated 70: covered, Σ sim = 0, with
   * pred = 4.25 + (0.2·(2 − 3) − 0.2·(5 − 10/3))/0.4 = 4.25 − 4/3; u3 (0) alone rated 60: not.
   */
  @Test
  void cancellingNeighboursCoverAndZeroOnesDoNot() throws IOException {
    Files.write(dir.resolve("user-cancel.txt"),
        List.of("1\t4:0.200000,3:0.000000,2:-0.200000"));
    assertEquals("1,70," + String.format(java.util.Locale.ROOT, "%.6f", 4.25 - 4.0 / 3) + "\n",
        recommend(Mode.USER, "user-cancel.txt", new SimilaritySumScore()));
  }

  @Test
  void scoresAreNamedAndTheDefaultIsOneOfThem() {
    for (RankingScore score : RankingScore.ALL) {
      assertEquals(score, RankingScore.parse(score.cliName().toUpperCase(java.util.Locale.ROOT)));
    }
    assertEquals(RankingScore.DEFAULT, RankingScore.parse(RankingScore.DEFAULT_NAME));
    assertEquals("unknown ranking 'sum' (expected similarity-sum, deviation-sum, "
        + "damped-prediction, prediction)", org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> RankingScore.parse("sum")).getMessage());
  }

  private String recommend(Mode mode, String neighbours, RankingScore ranking) {
    Recommender recommender = KnnRecommender.of(train,
        NeighbourListsFile.read(hadoop(neighbours), new Configuration()),
        MeanCentred.settings(mode).withRanking(ranking), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Recommendations.write(recommender, 10, new int[] {1}, 1, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private org.apache.hadoop.fs.Path hadoop(String name) {
    return new org.apache.hadoop.fs.Path(dir.resolve(name).toUri());
  }
}
