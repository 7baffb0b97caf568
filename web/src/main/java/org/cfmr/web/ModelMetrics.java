package org.cfmr.web;

import java.util.List;
import java.util.Map;

/**
 * One model's row of a run's {@code metrics.json} (global mean, baseline, user-based,
 * item-based, popularity, ALS): each {@link #COLUMNS} value it has, by its key there.
 */
public record ModelMetrics(String model, Map<String, Double> values) {
  /** The metrics shown, by their {@code metrics.json} key, with their column titles. */
  public static final Map<String, String> COLUMNS = orderedColumns();

  private static Map<String, String> orderedColumns() {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    List.of("rmse:RMSE", "mae:MAE", "coverage:coverage", "precision_at_n:P@N",
        "recall_at_n:R@N", "ndcg_at_n:nDCG@N").forEach(column -> {
          String[] parts = column.split(":");
          columns.put(parts[0], parts[1]);
        });
    return java.util.Collections.unmodifiableMap(columns);
  }

  /** The value of {@code key} with four decimals, or empty when the model has none. */
  public String shown(String key) {
    Double value = values.get(key);
    return value == null ? "" : Format.metric(value);
  }
}
