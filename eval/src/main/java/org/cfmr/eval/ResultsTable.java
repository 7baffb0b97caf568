package org.cfmr.eval;

import java.util.List;
import java.util.Locale;

/** The evaluator's figures as a fixed-width text table and as CSV, one row per evaluation. */
public final class ResultsTable {
  private ResultsTable() {}

  /** Columns: predictions, RMSE, MAE, coverage, RMSE over all ratings, precision, recall, nDCG. */
  public static String text(List<String> labels, String labelHeader, List<EvaluationResult> rows) {
    int width = labelHeader.length();
    for (String label : labels) {
      width = Math.max(width, label.length());
    }
    int n = rows.isEmpty() ? EvaluationSettings.DEFAULT_TOP_N : rows.get(0).settings().topN();
    StringBuilder out = new StringBuilder();
    String format = "%-" + width + "s  %-22s  %7s  %7s  %8s  %8s  %7s  %7s  %7s%n";
    out.append(String.format(Locale.ROOT, format, labelHeader, "predictions", "RMSE", "MAE",
        "coverage", "RMSE all", "P@" + n, "R@" + n, "nDCG@" + n));
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
    StringBuilder out = new StringBuilder(labelHeader).append(
        ",mode,item_formula,rmse,mae,coverage,covered,total,rmse_all,mae_all,top_n,"
            + "precision_at_n,recall_at_n,ndcg_at_n\n");
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
