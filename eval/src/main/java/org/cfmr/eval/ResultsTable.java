package org.cfmr.eval;

import java.util.List;
import java.util.Locale;

/** The evaluator's figures as a fixed-width text table and as CSV, one row per evaluation. */
public final class ResultsTable {
  private ResultsTable() {}

  /** Columns: predictions, RMSE, MAE, coverage, RMSE over all ratings, precision, recall, nDCG. */
  public static String text(List<String> labels, String labelHeader, List<EvaluationResult> rows) {
    return text(labels, labelHeader, List.of(), rows);
  }

  /**
   * The same with the models' rows first (label {@code -}, no top-N figures: {@code -}), so the
   * kNN rows read against the global mean and the baseline.
   */
  public static String text(List<String> labels, String labelHeader, List<ModelResult> models,
      List<EvaluationResult> rows) {
    int width = labelHeader.length();
    for (String label : labels) {
      width = Math.max(width, label.length());
    }
    int predictionsWidth = 22;
    for (EvaluationResult row : rows) {
      predictionsWidth = Math.max(predictionsWidth, row.settings().describe().length());
    }
    int n = rows.isEmpty() ? EvaluationSettings.DEFAULT_TOP_N : rows.get(0).settings().topN();
    StringBuilder out = new StringBuilder();
    String format = "%-" + width + "s  %-" + predictionsWidth
        + "s  %7s  %7s  %8s  %8s  %7s  %7s  %7s%n";
    out.append(String.format(Locale.ROOT, format, labelHeader, "predictions", "RMSE", "MAE",
        "coverage", "RMSE all", "P@" + n, "R@" + n, "nDCG@" + n));
    for (ModelResult model : models) {
      out.append(String.format(Locale.ROOT, format, "-", model.description(), four(model.rmse()),
          four(model.mae()), "100.00%", four(model.rmse()), "-", "-", "-"));
    }
    for (int r = 0; r < rows.size(); r++) {
      EvaluationResult row = rows.get(r);
      out.append(String.format(Locale.ROOT, format, labels.get(r), row.settings().describe(),
          four(row.rmse()), four(row.mae()),
          String.format(Locale.ROOT, "%.2f%%", 100 * row.coverage()), four(row.rmseAll()),
          four(row.precision()), four(row.recall()), four(row.ndcg())));
    }
    return out.toString();
  }

  /** The same as CSV with a header; full precision. */
  public static String csv(List<String> labels, String labelHeader, List<EvaluationResult> rows) {
    return csv(labels, labelHeader, List.of(), rows);
  }

  /**
   * The same with the models' rows first: empty label fields, the model's key as the mode
   * ({@code global_mean}, {@code baseline}), empty top-N fields.
   */
  public static String csv(List<String> labels, String labelHeader, List<ModelResult> models,
      List<EvaluationResult> rows) {
    StringBuilder out = new StringBuilder(labelHeader).append(
        ",mode,item_formula,rmse,mae,coverage,covered,total,rmse_all,mae_all,top_n,"
            + "precision_at_n,recall_at_n,ndcg_at_n\n");
    String emptyLabel = ",".repeat(labelHeader.split(",", -1).length - 1);
    for (ModelResult model : models) {
      out.append(emptyLabel).append(',').append(model.key()).append(",,").append(model.rmse())
          .append(',').append(model.mae()).append(",1.0,").append(model.total()).append(',')
          .append(model.total()).append(',').append(model.rmse()).append(',')
          .append(model.mae()).append(",,,,\n");
    }
    for (int r = 0; r < rows.size(); r++) {
      EvaluationResult row = rows.get(r);
      out.append(labels.get(r)).append(',').append(row.settings().mode().cliName()).append(',')
          .append(row.settings().mode() == org.cfmr.core.Mode.ITEM
              ? row.settings().itemFormula().cliName() : "")
          .append(',').append(row.rmse()).append(',').append(row.mae()).append(',')
          .append(row.coverage()).append(',').append(row.covered()).append(',')
          .append(row.total()).append(',').append(row.rmseAll()).append(',')
          .append(row.maeAll()).append(',').append(row.settings().topN()).append(',')
          .append(row.precision()).append(',').append(row.recall()).append(',')
          .append(row.ndcg()).append('\n');
    }
    return out.toString();
  }

  private static String four(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
