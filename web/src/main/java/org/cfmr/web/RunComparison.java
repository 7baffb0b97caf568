package org.cfmr.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Two loaded runs side by side: every setting and every model's metrics of either. */
public record RunComparison(LoadedRun first, LoadedRun second) {

  /** Every setting either run has, the first run's order first. */
  public List<String> settingNames() {
    Set<String> names = new LinkedHashSet<>(first.settings().keySet());
    names.addAll(second.settings().keySet());
    return new ArrayList<>(names);
  }

  /** Whether the runs differ in {@code setting} (one of them may lack it). */
  public boolean differs(String setting) {
    return !Objects.equals(first.settings().get(setting), second.settings().get(setting));
  }

  /** Every model either run has metrics for, the first run's order first. */
  public List<String> models() {
    Set<String> models = new LinkedHashSet<>();
    first.metrics().forEach(row -> models.add(row.model()));
    second.metrics().forEach(row -> models.add(row.model()));
    return new ArrayList<>(models);
  }

  /** Whether either run has {@code model}'s {@code key}. */
  public boolean has(String model, String key) {
    return value(first, model, key) != null || value(second, model, key) != null;
  }

  /** second − first for {@code model}'s {@code key}, signed, or empty when either lacks it. */
  public String change(String model, String key) {
    Double a = value(first, model, key);
    Double b = value(second, model, key);
    return a == null || b == null ? "" : Format.signedMetric(b - a);
  }

  private static Double value(LoadedRun run, String model, String key) {
    return run.metricsOf(model).map(row -> row.values().get(key)).orElse(null);
  }
}
