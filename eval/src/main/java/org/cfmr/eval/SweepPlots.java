package org.cfmr.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.cfmr.core.Mode;
import org.cfmr.report.ChartImage;
import org.cfmr.report.LineChart;

/**
 * The sweep's charts ({@code cfmr sweep --plot DIR}), per mode: RMSE, coverage, precision, recall
 * and nDCG against K, one curve per measure, λ, minCommon and prediction setting
 * ({@link Sweep.Row#curve}); the error charts with the global mean's and baselines' RMSE as
 * reference lines, the top-N charts with the popularity list's figure.
 */
final class SweepPlots {
  /**
   * One figure the charts plot: its file-name part, axis label, how a row gives it, and how the
   * popularity list gives it (null: an error figure, referenced by the baselines' RMSE).
   */
  private record Figure(String name, String label, ToDoubleFunction<EvaluationResult> value,
      ToDoubleFunction<TopNResult> popularity) {}

  private static final List<Figure> FIGURES = List.of(
      new Figure("rmse", "RMSE (covered test ratings)", EvaluationResult::rmse, null),
      new Figure("coverage", "coverage (share of test ratings predicted)",
          EvaluationResult::coverage, null),
      new Figure("precision", "precision@N", EvaluationResult::precision, TopNResult::precision),
      new Figure("recall", "recall@N", EvaluationResult::recall, TopNResult::recall),
      new Figure("ndcg", "nDCG@N", EvaluationResult::ndcg, TopNResult::ndcg));

  private SweepPlots() {}

  /** The names of the charts of {@code modes}, in {@link #charts}' order. */
  static List<String> names(List<Mode> modes) {
    List<String> names = new ArrayList<>();
    for (Mode mode : modes) {
      for (Figure figure : FIGURES) {
        names.add(name(figure, mode));
      }
    }
    return names;
  }

  static List<ChartImage> charts(List<Sweep.Row> rows, List<Mode> modes,
      List<ModelResult> models, TopNResult popularity) {
    Map<String, Double> errorReferences = new LinkedHashMap<>();
    for (ModelResult model : models) {
      errorReferences.put(model.description() + " " + ResultsTable.four(model.rmse())
          + " (all ratings)", model.rmse());
    }
    List<ChartImage> charts = new ArrayList<>();
    for (Mode mode : modes) {
      List<Sweep.Row> ofMode = rows.stream()
          .filter(row -> row.result().settings().mode() == mode).toList();
      for (Figure figure : FIGURES) {
        charts.add(chart(figure, mode, ofMode, references(figure, errorReferences, popularity)));
      }
    }
    return charts;
  }

  private static ChartImage chart(Figure figure, Mode mode, List<Sweep.Row> rows,
      Map<String, Double> references) {
    Map<String, List<LineChart.Point>> curves = new LinkedHashMap<>();
    for (Sweep.Row row : rows) {
      curves.computeIfAbsent(row.curve(), curve -> new ArrayList<>()).add(new LineChart.Point(
          row.neighbours().k(), figure.value().applyAsDouble(row.result())));
    }
    return LineChart.of(name(figure, mode), mode.title() + ": " + figure.label() + " against K",
        "K (neighbours kept)", figure.label(), curves, references);
  }

  /** RMSE: the models' (global mean, baselines); top-N figures: popularity's; coverage: none. */
  private static Map<String, Double> references(Figure figure, Map<String, Double> rmse,
      TopNResult popularity) {
    if (figure.popularity() == null) {
      return figure.name().equals("rmse") ? rmse : Map.of();
    }
    double value = figure.popularity().applyAsDouble(popularity);
    return Map.of(popularity.ranking() + " " + ResultsTable.four(value), value);
  }

  private static String name(Figure figure, Mode mode) {
    return mode.cliName() + "-" + figure.name() + "-against-k";
  }
}
