package org.cfmr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.cfmr.core.Mode;
import org.cfmr.core.predict.Fallback;

/**
 * The evaluator's figures for one mode: error metrics over the covered test ratings, the same over
 * all test ratings with the uncovered ones predicted by the {@link Fallback}, the top-N metrics averaged over
 * the test users with a relevant rating, and the scoring speed.
 *
 * @param predictions how many test ratings were predicted and candidates scored
 * @param byUserActivity the error and coverage by the users' counts of train ratings
 * @param byMoviePopularity the same by the movies' counts of train ratings
 */
public record EvaluationResult(
    EvaluationSettings settings,
    double rmse,
    double mae,
    long covered,
    long total,
    double rmseAll,
    double maeAll,
    double precision,
    double recall,
    double ndcg,
    int rankedUsers,
    long predictions,
    double seconds,
    Breakdown byUserActivity,
    Breakdown byMoviePopularity) {

  public double coverage() {
    return (double) covered / total;
  }

  public double predictionsPerSecond() {
    return predictions / seconds;
  }

  /** The figures as a JSON object (keys {@code rmse}, {@code mae}, {@code coverage}, ...). */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    json.put("mode", settings.mode().cliName());
    if (settings.mode() == org.cfmr.core.Mode.ITEM) {
      json.put("item_formula", settings.itemFormula().cliName());
    }
    json.put("predictor", settings.centring().cliName());
    json.put("damping", settings.damping());
    json.put("fallback", settings.fallback().cliName());
    if (settings.needsBaseline()) {
      json.put("baseline_reg_user", settings.baseline().userRegularisation());
      json.put("baseline_reg_item", settings.baseline().itemRegularisation());
      json.put("baseline_epochs", settings.baseline().epochs());
    }
    json.put("rmse", rmse);
    json.put("mae", mae);
    json.put("coverage", coverage());
    json.put("covered", covered);
    json.put("total", total);
    json.put("rmse_all", rmseAll);
    json.put("mae_all", maeAll);
    json.put("ranking", settings.ranking().cliName());
    json.put("top_n", settings.topN());
    json.put("relevant_from", settings.relevantFrom());
    json.put("precision_at_n", precision);
    json.put("recall_at_n", recall);
    json.put("ndcg_at_n", ndcg);
    json.put("ranked_users", rankedUsers);
    json.put("min_neighbours", settings.minNeighbours());
    json.put("clipped", settings.clip());
    json.put("threads", settings.threads());
    json.put("predictions", predictions);
    json.put("seconds", seconds);
    json.put("predictions_per_second", predictionsPerSecond());
    json.set("by_user_activity", byUserActivity.toJson(mapper));
    json.set("by_movie_popularity", byMoviePopularity.toJson(mapper));
    return json;
  }

  /** The report's lines: covered ratings, all ratings with the fallback, top-N, speed. */
  public String report() {
    int n = settings.topN();
    return String.format(Locale.ROOT,
        "%s, covered ratings: RMSE %.4f  MAE %.4f  coverage %.2f%% (%,d of %,d)%n"
            + "%s, all ratings (%s): RMSE %.4f  MAE %.4f%n"
            + "%s, top-%d by %s (test ratings >= %.1f relevant, %,d users): precision@%d %.4f  "
            + "recall@%d %.4f  nDCG@%d %.4f%n"
            + "%s: %,d predictions in %.2fs (%,.0f predictions/s, %d threads)%n",
        settings.describe(), rmse, mae, 100 * coverage(), covered, total,
        settings.describe(), settings.fallback().describe(), rmseAll, maeAll,
        settings.describe(), n, settings.ranking(), settings.relevantFrom(), rankedUsers, n,
        precision, n, recall, n, ndcg,
        settings.describe(), predictions, seconds, predictionsPerSecond(), settings.threads());
  }
}
