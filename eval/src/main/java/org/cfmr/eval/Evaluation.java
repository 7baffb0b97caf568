package org.cfmr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.Predictor;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.Progress;

/**
 * {@code cfmr evaluate}'s work: predicts every test rating and ranks every test user's candidates
 * by the settings' {@link RankingScore}, user by user on {@code threads} threads. Each user's sums are kept in the user's slot and added
 * in user order at the end, so the figures are the same for any number of threads.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Reads the train and test splits and the neighbour file, and evaluates. */
  public static EvaluationResult run(Path train, Path test, Path neighbours,
      EvaluationSettings settings, Configuration conf) {
    TrainData trainData = TrainData.of(TrainRatings.read(train, conf));
    TestRatings testRatings = TestRatings.read(test, trainData, conf);
    return run(trainData, testRatings, NeighbourLists.read(neighbours, conf), settings);
  }

  /** Evaluates splits and neighbours already in memory. */
  public static EvaluationResult run(TrainData train, TestRatings test, NeighbourLists neighbours,
      EvaluationSettings settings) {
    Predictor predictor = Recommendations.predictor(train, neighbours, settings.mode(),
        settings.itemFormula(), settings.minNeighbours(), settings.clip());
    long start = System.nanoTime();
    UserOutcome[] outcomes = new UserOutcome[test.users()];
    try (Progress progress = new Progress("evaluate " + settings.describe(), test.users())) {
      ByUser.parallel(settings.threads(), test.users(), progress, () -> {
        Predictor.UserScorer scorer = predictor.newScorer();
        return group -> outcomes[group] = evaluateUser(train, test, group, scorer, settings);
      });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return combine(outcomes, test.size(), settings, seconds);
  }

  /**
   * The JSON of {@code cfmr evaluate --json} and of the pipeline's {@code metrics.json}: for one
   * result its object ({@link EvaluationResult#toJson}) with the baseline's object under its name,
   * for several one object per mode and the baseline's, {@code {"user": {...}, "item": {...},
   * "popularity": {...}}}. Each mode's object holds its {@code ndcg_lift_over_popularity}.
   */
  public static ObjectNode toJson(List<EvaluationResult> results, BaselineResult baseline) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode byMode = mapper.createObjectNode();
    for (EvaluationResult result : results) {
      ObjectNode json = result.toJson(mapper);
      double lift = baseline.lift(result);
      if (lift == lift) {
        json.put("ndcg_lift_over_" + baseline.name(), lift);
      }
      if (results.size() == 1) {
        json.set(baseline.name(), baseline.toJson(mapper));
        return json;
      }
      byMode.set(result.settings().mode().cliName(), json);
    }
    byMode.set(baseline.name(), baseline.toJson(mapper));
    return byMode;
  }

  /** {@link #toJson} pretty-printed, with a final line break. */
  public static String toJsonText(List<EvaluationResult> results, BaselineResult baseline) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(toJson(results, baseline)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One user's figures. */
  private record UserOutcome(ErrorSums covered, ErrorSums all, boolean ranked, double precision,
      double recall, double ndcg, long predictions) {}

  private static UserOutcome evaluateUser(TrainData train, TestRatings test, int group,
      Predictor.UserScorer scorer, EvaluationSettings settings) {
    int user = train.userIndex(test.userId(group));
    if (user >= 0) {
      scorer.startUser(user);
    }
    ErrorSums covered = new ErrorSums();
    ErrorSums all = new ErrorSums();
    long predictions = 0;
    int relevant = 0;
    for (int at = test.start(group); at < test.start(group + 1); at++) {
      int item = train.itemIndex(test.itemAt(at));
      double rating = test.ratingAt(at);
      double prediction = Double.NaN;
      if (user >= 0 && item >= 0) {
        prediction = scorer.predict(item);
        predictions++;
      }
      if (prediction == prediction) {
        covered.add(prediction, rating);
        all.add(prediction, rating);
      } else {
        all.add(user >= 0 ? train.userMean(user) : train.globalMean(), rating);
      }
      if (rating >= settings.relevantFrom()) {
        relevant++;
      }
    }
    if (relevant == 0) {
      return new UserOutcome(covered, all, false, 0, 0, 0, predictions);
    }
    int[] list = new int[0];
    if (user >= 0) {
      int[] candidates = scorer.candidates();
      predictions += candidates.length;
      list = itemIds(train, rank(scorer, settings.ranking(), candidates, settings.topN()));
    }
    TopNMetrics.UserFigures figures = TopNMetrics.of(test, group, list, settings.topN(),
        settings.relevantFrom(), relevant);
    return new UserOutcome(covered, all, true, figures.precision(), figures.recall(),
        figures.ndcg(), predictions);
  }

  /**
   * The best {@code n} covered candidates (item indices) by {@code ranking}, best first, ties by
   * item id. Used by the recommender too.
   */
  static int[] rank(Predictor.UserScorer scorer, RankingScore ranking, int[] candidates, int n) {
    double[] scores = new double[candidates.length];
    int[] scored = new int[candidates.length];
    int size = 0;
    for (int item : candidates) {
      double score = ranking.score(scorer, item);
      if (score == score) {
        scores[size] = score;
        scored[size++] = item;
      }
    }
    int[] best = Ranking.best(scores, size, n);
    int[] items = new int[best.length];
    for (int i = 0; i < best.length; i++) {
      items[i] = scored[best[i]];
    }
    return items;
  }

  private static int[] itemIds(TrainData train, int[] items) {
    int[] ids = new int[items.length];
    for (int k = 0; k < items.length; k++) {
      ids[k] = train.itemId(items[k]);
    }
    return ids;
  }

  private static EvaluationResult combine(UserOutcome[] outcomes, long total,
      EvaluationSettings settings, double seconds) {
    ErrorSums covered = new ErrorSums();
    ErrorSums all = new ErrorSums();
    double precision = 0;
    double recall = 0;
    double ndcg = 0;
    int ranked = 0;
    long predictions = 0;
    for (UserOutcome outcome : outcomes) {
      covered.add(outcome.covered());
      all.add(outcome.all());
      predictions += outcome.predictions();
      if (outcome.ranked()) {
        ranked++;
        precision += outcome.precision();
        recall += outcome.recall();
        ndcg += outcome.ndcg();
      }
    }
    return new EvaluationResult(settings, covered.rmse(), covered.mae(), covered.count, total,
        all.rmse(), all.mae(), precision / ranked, recall / ranked, ndcg / ranked, ranked,
        predictions, seconds);
  }
}
