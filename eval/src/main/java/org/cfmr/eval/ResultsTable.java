package org.cfmr.eval;

import java.util.List;
import java.util.Locale;

/**
 * The evaluator's figures as a fixed-width text table and as CSV, one row per evaluation and a
 * last row for the baseline, whose nDCG each row's lift is the ratio to.
 */
public final class ResultsTable {
  private static final String NONE = "—";

  private ResultsTable() {}

  /**
   * Columns: predictions, ranking, RMSE, MAE, coverage, RMSE over all ratings, precision, recall,
   * nDCG and the lift over the baseline (which has no predictions, so no error columns).
   */
  public static String text(List<String> labels, String labelHeader, List<EvaluationResult> rows,
      BaselineResult baseline) {
    int width = Math.max(labelHeader.length(), baseline.name().length());
    for (String label : labels) {
      width = Math.max(width, label.length());
    }
    int n = baseline.topN();
    StringBuilder out = new StringBuilder();
    String format = "%-" + width + "s  %-22s  %-17s  %7s  %7s  %8s  %8s  %7s  %7s  %7s  %6s%n";
    out.append(String.format(Locale.ROOT, format, labelHeader, "predictions", "ranking", "RMSE",
        "MAE", "coverage", "RMSE all", "P@" + n, "R@" + n, "nDCG@" + n, "lift"));
    for (int r = 0; r < rows.size(); r++) {
      EvaluationResult row = rows.get(r);
      out.append(String.format(Locale.ROOT, format, labels.get(r), row.settings().describe(),
          row.settings().ranking(), four(row.rmse()), four(row.mae()),
          String.format(Locale.ROOT, "%.2f%%", 100 * row.coverage()), four(row.rmseAll()),
          four(row.precision()), four(row.recall()), four(row.ndcg()),
          lift(baseline.lift(row))));
    }
    out.append(String.format(Locale.ROOT, format, baseline.name(), NONE, "train ratings", NONE,
        NONE, NONE, NONE, four(baseline.precision()), four(baseline.recall()),
        four(baseline.ndcg()), baseline.ndcg() == 0 ? NONE : lift(1)));
    return out.toString();
  }

  /**
   * The same as CSV with a header; full precision. The baseline's row has empty label fields, its
   * name as the mode and empty error fields.
   */
  public static String csv(List<String> labels, String labelHeader, List<EvaluationResult> rows,
      BaselineResult baseline) {
    StringBuilder out = new StringBuilder(labelHeader).append(
        ",mode,item_formula,rmse,mae,coverage,covered,total,rmse_all,mae_all,top_n,"
            + "precision_at_n,recall_at_n,ndcg_at_n,ranking,ndcg_lift\n");
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
          .append(row.ndcg()).append(',').append(row.settings().ranking()).append(',')
          .append(csvLift(baseline.lift(row))).append('\n');
    }
    out.append(",".repeat(labelHeader.split(",").length - 1)).append(',')
        .append(baseline.name()).append(",,,,,,,,,").append(baseline.topN()).append(',')
        .append(baseline.precision()).append(',').append(baseline.recall()).append(',')
        .append(baseline.ndcg()).append(',').append(baseline.name()).append(',')
        .append(csvLift(baseline.ndcg() == 0 ? Double.NaN : 1)).append('\n');
    return out.toString();
  }

  private static String four(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String lift(double value) {
    return value == value ? String.format(Locale.ROOT, "%.2f×", value) : NONE;
  }

  private static String csvLift(double value) {
    return value == value ? Double.toString(value) : "";
  }
}
