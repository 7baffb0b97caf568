package org.cfmr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The error figures of a model without neighbours (the global mean, the baseline) over every test
 * rating: it predicts each one, so its coverage is 100% and its "all ratings" figures are its
 * figures. It ranks no candidates, so it has no top-N figures.
 *
 * @param key the JSON key, {@code global_mean} or {@code baseline}
 * @param description the row's label in tables and reports, {@code global mean} or {@code baseline}
 * @param detail the model's settings, e.g. {@code λu=15 λi=10 epochs=10}, or empty
 */
public record ModelResult(String key, String description, String detail, double rmse, double mae,
    long total) {

  /** Keys as the modes' objects where they mean the same: {@code rmse}, {@code mae}, {@code coverage}, ... */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    json.put("model", description);
    if (!detail.isEmpty()) {
      json.put("settings", detail);
    }
    json.put("rmse", rmse);
    json.put("mae", mae);
    json.put("coverage", 1.0);
    json.put("covered", total);
    json.put("total", total);
    json.put("rmse_all", rmse);
    json.put("mae_all", mae);
    return json;
  }

  /** This result with its settings in its description, e.g. {@code baseline λu=5 λi=5 epochs=10}. */
  public ModelResult describedBySettings() {
    return detail.isEmpty() ? this
        : new ModelResult(key, description + " " + detail, detail, rmse, mae, total);
  }

  /** The report's line. */
  public String report() {
    return String.format(Locale.ROOT, "%s%s, all ratings: RMSE %.4f  MAE %.4f (%,d ratings)%n",
        description, detail.isEmpty() ? "" : " (" + detail + ")", rmse, mae, total);
  }
}
