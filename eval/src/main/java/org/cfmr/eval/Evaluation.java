package org.cfmr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Neighbour;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.TopNeighbours;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.Progress;
import org.cfmr.core.runtime.NeighbourRole;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * {@code cfmr evaluate}'s work: a {@link Recommender} (kNN's, ordering by the settings'
 * {@link RankingScore}, or ALS's) predicts every test rating and ranks every test user's
 * candidates, user by user on {@code threads} threads. Each user's sums are kept in the user's
 * slot and added in user order at the end, so the figures are the same for any number of
 * threads.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Reads the train and test splits and the neighbour file, and evaluates. */
  public static EvaluationResult run(Path train, Path test, Path neighbours,
      EvaluationSettings settings, Configuration conf) {
    TrainData trainData = TrainData.of(RatingsReader.readTrain(train, conf));
    TestRatings testRatings = TestRatings.read(test, trainData, conf);
    return run(trainData, testRatings, NeighbourListsFile.read(neighbours, conf), settings);
  }

  /** Evaluates splits and neighbours already in memory, fitting the baseline when it is needed. */
  public static EvaluationResult run(TrainData train, TestRatings test, NeighbourLists neighbours,
      EvaluationSettings settings) {
    Baseline baseline = settings.needsBaseline()
        ? BaselineFit.fit(train, settings.baseline(), settings.threads()) : null;
    return run(train, test, neighbours, settings, baseline);
  }

  /** Evaluates with a baseline fitted with {@code settings.baseline()} (null when not needed). */
  public static EvaluationResult run(TrainData train, TestRatings test, NeighbourLists neighbours,
      EvaluationSettings settings, Baseline baseline) {
    return run(train, test, neighbours, neighbours, settings, baseline);
  }

  /**
   * Evaluates the predictions over {@code neighbours} (the error figures) and the top-N lists
   * ranked over {@code rankingNeighbours} (the same lists, or the ranking files of
   * {@link org.cfmr.core.runtime.NeighbourRole#RANKING}).
   */
  public static EvaluationResult run(TrainData train, TestRatings test, NeighbourLists neighbours,
      NeighbourLists rankingNeighbours, EvaluationSettings settings, Baseline baseline) {
    return run(train, test, KnnRecommender.of(train, neighbours, rankingNeighbours, settings,
        baseline), settings);
  }

  /** Evaluates {@code recommender}, made with {@code settings} ({@link KnnRecommender#of}). */
  public static EvaluationResult run(TrainData train, TestRatings test, Recommender recommender,
      EvaluationSettings settings) {
    Totals totals = measure(train, test, recommender, settings, settings.describe());
    return new EvaluationResult(settings, totals.covered().rmse(), totals.covered().mae(),
        totals.covered().count, test.size(), totals.all().rmse(), totals.all().mae(),
        totals.precision(), totals.recall(), totals.ndcg(), totals.ranked(),
        totals.predictions(), totals.seconds(), totals.byUserActivity(),
        totals.byMoviePopularity());
  }

  /**
   * Evaluates ALS's factors: the error figures over the covered ratings and all ratings (the
   * fallback {@code settings.fallback()} predicting the others), and the top-N lists ranked by
   * {@code x_u·y_i}, as {@link ModelResult} {@code als}.
   */
  public static ModelResult runFactors(TrainData train, TestRatings test,
      FactorRecommender recommender, EvaluationSettings settings) {
    return runModel(train, test, recommender, settings, "als", "rank=" + recommender.rank(),
        FactorRecommender.RANKING);
  }

  /**
   * Evaluates the blend as ALS is evaluated ({@link #runFactors}): the error figures over the
   * ratings it covers and all ratings, and the top-N lists ranked by the unclipped blend, as
   * {@link ModelResult} {@code blend} with its weights as the settings.
   */
  public static ModelResult runBlend(TrainData train, TestRatings test,
      BlendRecommender recommender, EvaluationSettings settings) {
    return runModel(train, test, recommender, settings, "blend",
        recommender.weights().describe(), BlendRecommender.RANKING);
  }

  /** A recommender's figures as the {@link ModelResult} {@code key} titled by the recommender. */
  private static ModelResult runModel(TrainData train, TestRatings test, Recommender recommender,
      EvaluationSettings settings, String key, String detail, String ranking) {
    Totals totals = measure(train, test, recommender, settings, recommender.title());
    return new ModelResult(key, recommender.title(), detail, totals.covered().rmse(),
        totals.covered().mae(), totals.covered().count, test.size(), totals.all().rmse(),
        totals.all().mae(), new TopNResult(ranking, settings.topN(), settings.relevantFrom(),
            totals.precision(), totals.recall(), totals.ndcg(), totals.ranked()));
  }

  /** Each test user's figures, one user per task, added in user order. */
  private static Totals measure(TrainData train, TestRatings test, Recommender recommender,
      EvaluationSettings settings, String what) {
    long start = System.nanoTime();
    UserOutcome[] outcomes = new UserOutcome[test.users()];
    try (Progress progress = new Progress("evaluate " + what, test.users())) {
      ByUser.parallel(settings.threads(), test.users(), progress, () -> {
        Recommender.UserScorers scorers = recommender.newScorers();
        return group -> outcomes[group] = evaluateUser(train, test, group, scorers,
            recommender.fallback(), settings);
      });
    }
    return Totals.of(outcomes, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The figures as JSON. One kNN result alone: its object ({@link EvaluationResult#toJson}), with
   * its lift over popularity and the popularity object under its name; one model alone: the
   * model's object ({@link ModelResult#toJson}). Otherwise one object keyed by the models
   * ({@code "global_mean"}, {@code "baseline"}), the modes ({@code "user"}, {@code "item"}, each
   * with its lift) and {@code "popularity"}.
   *
   * @param popularity the popularity list's figures, or null when no list was ranked
   */
  public static ObjectNode toJson(List<EvaluationResult> results, List<ModelResult> models,
      TopNResult popularity) {
    ObjectMapper mapper = new ObjectMapper();
    if (results.isEmpty() && models.size() == 1) {
      return models.get(0).toJson(mapper);
    }
    if (results.size() == 1 && models.isEmpty()) {
      ObjectNode json = withLift(results.get(0), popularity, mapper);
      if (popularity != null) {
        json.set(popularity.ranking(), popularity.toJson(mapper));
      }
      return json;
    }
    ObjectNode byKey = mapper.createObjectNode();
    for (ModelResult model : models) {
      ObjectNode json = model.toJson(mapper);
      if (model.lists() != null) {
        putLift(json, model.lists().ndcg(), popularity);
      }
      byKey.set(model.key(), json);
    }
    for (EvaluationResult result : results) {
      byKey.set(result.settings().mode().cliName(), withLift(result, popularity, mapper));
    }
    if (popularity != null) {
      byKey.set(popularity.ranking(), popularity.toJson(mapper));
    }
    return byKey;
  }

  private static ObjectNode withLift(EvaluationResult result, TopNResult popularity,
      ObjectMapper mapper) {
    ObjectNode json = result.toJson(mapper);
    putLift(json, result.ndcg(), popularity);
    return json;
  }

  /** {@code ndcg_lift_over_popularity}: {@code ndcg} over popularity's, when that is defined. */
  private static void putLift(ObjectNode json, double ndcg, TopNResult popularity) {
    double lift = popularity == null ? Double.NaN : popularity.lift(ndcg);
    if (lift == lift) {
      json.put("ndcg_lift_over_" + popularity.ranking(), lift);
    }
  }

  /** {@link #toJson} pretty-printed, with a final line break. */
  public static String toJsonText(List<EvaluationResult> results, List<ModelResult> models,
      TopNResult popularity) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(toJson(results, models, popularity)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One user's figures: {@code trainRatings}, the user's count of train ratings (0: not in
   * train), and {@code byMovie}, the user's test ratings by their movies' train counts.
   */
  private record UserOutcome(ErrorSums covered, ErrorSums all, boolean ranked, double precision,
      double recall, double ndcg, long predictions, int trainRatings, Breakdown byMovie) {}

  private static UserOutcome evaluateUser(TrainData train, TestRatings test, int group,
      Recommender.UserScorers scorers, Fallback.Prediction fallback,
      EvaluationSettings settings) {
    int user = train.userIndex(test.userId(group));
    if (user >= 0) {
      scorers.startUser(user);
    }
    ErrorSums covered = new ErrorSums();
    ErrorSums all = new ErrorSums();
    Breakdown byMovie = new Breakdown();
    long predictions = 0;
    int relevant = 0;
    for (int at = test.start(group); at < test.start(group + 1); at++) {
      int item = train.itemIndex(test.itemAt(at));
      double rating = test.ratingAt(at);
      double prediction = Double.NaN;
      if (user >= 0 && item >= 0) {
        prediction = scorers.predict(item);
        predictions++;
      }
      byMovie.add(item >= 0 ? train.itemRatings(item) : 0, prediction, rating);
      if (prediction == prediction) {
        covered.add(prediction, rating);
        all.add(prediction, rating);
      } else {
        all.add(fallback.of(user, item), rating);
      }
      if (rating >= settings.relevantFrom()) {
        relevant++;
      }
    }
    int trainRatings = user >= 0 ? train.userRatings(user) : 0;
    if (relevant == 0) {
      return new UserOutcome(covered, all, false, 0, 0, 0, predictions, trainRatings, byMovie);
    }
    int[] list = new int[0];
    if (user >= 0) {
      int[] candidates = scorers.candidates();
      predictions += candidates.length;
      list = itemIds(train, rank(scorers, candidates, settings.topN()));
    }
    TopNMetrics.UserFigures figures = TopNMetrics.of(test, group, list, settings.topN(),
        settings.relevantFrom(), relevant);
    return new UserOutcome(covered, all, true, figures.precision(), figures.recall(),
        figures.ndcg(), predictions, trainRatings, byMovie);
  }

  /**
   * The best {@code n} candidates (item indices) by the scorers' ranking score, best first, ties
   * by item id (ascending index is ascending id), those scored NaN left out. Used by the
   * recommendations too.
   */
  static int[] rank(Recommender.UserScorers scorers, int[] candidates, int n) {
    TopNeighbours best = new TopNeighbours(n);
    for (int item : candidates) {
      double score = scorers.rankingScore(item);
      if (score == score) {
        best.offer(item, score);
      }
    }
    return best.best().stream().mapToInt(Neighbour::id).toArray();
  }

  private static int[] itemIds(TrainData train, int[] items) {
    int[] ids = new int[items.length];
    for (int k = 0; k < items.length; k++) {
      ids[k] = train.itemId(items[k]);
    }
    return ids;
  }

  /**
   * The figures of all users: error sums added, top-N figures averaged over the ranked users,
   * and the breakdowns by the users' and the movies' counts of train ratings.
   */
  private record Totals(ErrorSums covered, ErrorSums all, double precision, double recall,
      double ndcg, int ranked, long predictions, double seconds, Breakdown byUserActivity,
      Breakdown byMoviePopularity) {
    static Totals of(UserOutcome[] outcomes, double seconds) {
      ErrorSums covered = new ErrorSums();
      ErrorSums all = new ErrorSums();
      Breakdown byUser = new Breakdown();
      Breakdown byMovie = new Breakdown();
      double precision = 0;
      double recall = 0;
      double ndcg = 0;
      int ranked = 0;
      long predictions = 0;
      for (UserOutcome outcome : outcomes) {
        covered.add(outcome.covered());
        all.add(outcome.all());
        byUser.add(outcome.trainRatings(), outcome.covered(), outcome.all().count);
        byMovie.add(outcome.byMovie());
        predictions += outcome.predictions();
        if (outcome.ranked()) {
          ranked++;
          precision += outcome.precision();
          recall += outcome.recall();
          ndcg += outcome.ndcg();
        }
      }
      return new Totals(covered, all, precision / ranked, recall / ranked, ndcg / ranked, ranked,
          predictions, seconds, byUser, byMovie);
    }
  }
}
