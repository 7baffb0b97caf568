package org.cfmr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.cfmr.core.predict.Fallback;

/**
 * The figures of a model that is not kNN. The global mean and the baseline predict every test
 * rating (coverage 100%: their "all ratings" figures are their figures) and rank no lists
 * ({@code lists} null); ALS ({@link FactorRecommender}) covers the test ratings whose user and
 * movie have factors, the others predicted by the {@link Fallback} in the "all ratings" figures,
 * and ranks top-N lists; so does the blend ({@link BlendRecommender}).
 *
 * @param key the JSON key: {@code global_mean}, {@code baseline}, {@code als} or {@code blend}
 * @param description the row's label in tables and reports: {@code global mean}, {@code baseline},
 *     {@code ALS} or {@code blend}
 * @param detail the model's settings, e.g. {@code λu=15 λi=10 epochs=10} or the blend's
 *     weights, or empty
 * @param lists the top-N figures of the model's lists, or null when it ranks none
 */
public record ModelResult(String key, String description, String detail, double rmse, double mae,
    long covered, long total, double rmseAll, double maeAll, TopNResult lists) {

  /** A model that predicts all {@code total} test ratings and ranks no lists. */
  public ModelResult(String key, String description, String detail, double rmse, double mae,
      long total) {
    this(key, description, detail, rmse, mae, total, total, rmse, mae, null);
  }

  public double coverage() {
    return (double) covered / total;
  }

  /**
   * Keys as the modes' objects where they mean the same: {@code rmse}, {@code mae},
   * {@code coverage}, ..., and the lists' {@code ranking}, {@code ndcg_at_n}, ... when it ranks.
   */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    json.put("model", description);
    if (!detail.isEmpty()) {
      json.put("settings", detail);
    }
    json.put("rmse", rmse);
    json.put("mae", mae);
    json.put("coverage", coverage());
    json.put("covered", covered);
    json.put("total", total);
    json.put("rmse_all", rmseAll);
    json.put("mae_all", maeAll);
    if (lists != null) {
      json.setAll(lists.toJson(mapper));
    }
    return json;
  }

  /** This result with its settings in its description, e.g. {@code baseline λu=5 λi=5 epochs=10}. */
  public ModelResult describedBySettings() {
    return detail.isEmpty() ? this : new ModelResult(key, description + " " + detail, detail,
        rmse, mae, covered, total, rmseAll, maeAll, lists);
  }

  /** The report's lines: all ratings; for a model that ranks, covered ratings first and top-N last. */
  public String report() {
    String label = description + (detail.isEmpty() ? "" : " (" + detail + ")");
    if (lists == null) {
      return String.format(Locale.ROOT, "%s, all ratings: RMSE %.4f  MAE %.4f (%,d ratings)%n",
          label, rmse, mae, total);
    }
    return String.format(Locale.ROOT,
        "%s, covered ratings: RMSE %.4f  MAE %.4f  coverage %.2f%% (%,d of %,d)%n"
            + "%s, all ratings: RMSE %.4f  MAE %.4f%n", label, rmse, mae, 100 * coverage(),
        covered, total, label, rmseAll, maeAll)
        + lists.report(label + ", by " + lists.ranking());
  }
}
