package org.cfmr.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One load of {@code cfmr load-mysql}, as {@code runs} keeps it: when and from where, the
 * pipeline's settings ({@code run.json} flattened to {@code section.key}, its stage timings left
 * out) and its metrics ({@code metrics.json}: one row per model, the baselines included).
 *
 * @param current whether this run's tables are the ones loaded now (the highest id)
 */
public record LoadedRun(int id, String loadedAt, String source, String cfmrVersion,
    boolean current, Map<String, String> settings, List<ModelMetrics> metrics) {

  /** The metrics of the model named {@code model}, if the run has them. */
  public Optional<ModelMetrics> metricsOf(String model) {
    return metrics.stream().filter(row -> row.model().equals(model)).findFirst();
  }

  /** {@code model}'s value of {@code key} as the pages show it, or empty when it has none. */
  public String shown(String model, String key) {
    return metricsOf(model).map(row -> row.shown(key)).orElse("");
  }
}
