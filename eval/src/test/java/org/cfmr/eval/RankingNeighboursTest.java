package org.cfmr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.Mode;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.IndexedNeighbours;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.Predictor;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.mapreduce.memory.MemoryNeighbours;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.cfmr.core.runtime.NeighbourRole;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * Predictions over one neighbour file and lists over another (ml-latest-small: the default
 * pearson neighbours predict, co-occurrence neighbours rank): the error figures are those of the
 * prediction file alone, the top-N figures those of the ranking file alone, and a
 * recommendation file lists the ranking file's movies in its order, each with the prediction
 * file's rating or, where that file does not cover the movie, the baseline's.
 */
class RankingNeighboursTest {
  private static final List<String> ERROR_FIGURES = List.of("rmse", "mae", "covered", "total",
      "rmse_all", "mae_all");
  private static final List<String> TOP_N_FIGURES = List.of("precision_at_n", "recall_at_n",
      "ndcg_at_n", "ranked_users");
  private static final Configuration conf = new Configuration();
  @TempDir static Path dir;
  private static TrainData train;
  private static TestRatings test;
  private static Path folder;

  @BeforeAll
  static void readTheSplit() throws Exception {
    folder = TestFolders.latestSmall();
    train = TrainData.of(RatingsReader.readTrain(TestFolders.hadoop(
        folder.resolve(PipelineFiles.TRAIN)), conf));
    test = TestRatings.read(TestFolders.hadoop(folder.resolve(PipelineFiles.TEST)), train, conf);
  }

  /** One mode's two neighbour files, its default settings and their baseline. */
  private record Case(NeighbourLists prediction, NeighbourLists ranking,
      EvaluationSettings settings, Baseline baseline) {
    static Case of(Mode mode) {
      EvaluationSettings settings = EvaluationSettings.defaults(mode).withThreads(2);
      return new Case(predictionLists(mode), rankingLists(mode), settings,
          BaselineFit.fit(train, settings.baseline(), 2));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void errorFiguresFromOneFileTopNFromTheOther(Mode mode) {
    Case c = Case.of(mode);
    ObjectNode both = json(Evaluation.run(train, test, c.prediction(), c.ranking(), c.settings(),
        c.baseline()));
    ObjectNode predictionAlone = json(Evaluation.run(train, test, c.prediction(), c.settings(),
        c.baseline()));
    ObjectNode rankingAlone = json(Evaluation.run(train, test, c.ranking(), c.settings(),
        c.baseline()));
    for (String figure : ERROR_FIGURES) {
      assertEquals(predictionAlone.get(figure), both.get(figure), figure);
    }
    for (String figure : TOP_N_FIGURES) {
      assertEquals(rankingAlone.get(figure), both.get(figure), figure);
    }
    assertNotEquals(predictionAlone.get("ndcg_at_n"), both.get("ndcg_at_n"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void recommendationsListTheRankersMoviesWithThePredictorsRatings(Mode mode) {
    Case given = Case.of(mode);
    NeighbourLists prediction = given.prediction();
    NeighbourLists ranking = given.ranking();
    EvaluationSettings settings = given.settings();
    Baseline baseline = given.baseline();
    List<String> both = lines(KnnRecommender.of(train, prediction, ranking, settings, baseline));
    List<String> rankingAlone = lines(KnnRecommender.of(train, ranking, settings, baseline));
    assertEquals(rankingAlone.size(), both.size());
    Clipping clipping = Clipping.of(train, true);
    Predictor.UserScorer predictor = Predictor.of(mode, train,
        IndexedNeighbours.of(prediction, train, mode), settings.itemFormula(),
        settings.centring().centre(mode, train, baseline), settings.damping(),
        settings.minNeighbours(), clipping).newScorer();
    int fallbacks = 0;
    int currentUser = -1;
    for (int line = 0; line < both.size(); line++) {
      String[] fields = both.get(line).split(",");
      String[] ranked = rankingAlone.get(line).split(",");
      assertEquals(ranked[0] + "," + ranked[1], fields[0] + "," + fields[1], "order");
      int user = train.userIndex(Integer.parseInt(fields[0]));
      int item = train.itemIndex(Integer.parseInt(fields[1]));
      if (user != currentUser) {
        predictor.startUser(user);
        currentUser = user;
      }
      double expected = predictor.predict(item);
      if (expected != expected) {
        expected = clipping.apply(baseline.predict(user, item));
        fallbacks++;
      }
      assertEquals(String.format(Locale.ROOT, "%.6f", expected), fields[2], both.get(line));
    }
    assertTrue(fallbacks > 0, "some listed movies are not covered by the prediction file");
  }

  private static List<String> lines(Recommender recommender) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Recommendations.write(recommender, 10, null, 2, out);
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static NeighbourLists predictionLists(Mode mode) {
    return NeighbourListsFile.read(TestFolders.hadoop(folder.resolve(NeighbourRole.PREDICTION.fileName(mode))), conf);
  }

  private static NeighbourLists rankingLists(Mode mode) {
    Path file = dir.resolve(mode.cliName() + "-ranking.txt");
    if (!file.toFile().exists()) {
      MemoryNeighbours.write(TestFolders.hadoop(folder.resolve(PipelineFiles.TRAIN)),
          TestFolders.hadoop(file), mode, NeighbourSettings.defaults().forRanking(),
          2, conf);
    }
    return NeighbourListsFile.read(TestFolders.hadoop(file), conf);
  }

  private static ObjectNode json(EvaluationResult result) {
    return result.toJson(new ObjectMapper());
  }
}
