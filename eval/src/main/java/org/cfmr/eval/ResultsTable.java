package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cfmr.core.Mode;

/**
 * The evaluator's figures as a fixed-width text table, as cells and as CSV: first the models that are not
 * kNN (the global mean and the baseline with error figures only, ALS and the blend with every
 * figure), then one row per kNN evaluation, and last the popularity list (top-N figures only),
 * whose nDCG each row's lift is the ratio to.
 */
public final class ResultsTable {
  private static final String NONE = "—";

  private ResultsTable() {}

  /** The least width of each column of {@link #text}; the label column fits its header. */
  private static final int[] MIN_WIDTHS = {0, 22, 17, 7, 7, 8, 8, 7, 7, 7, 6};
  /** The columns of {@link #text} that are left-aligned: the label, predictions and ranking. */
  private static final int LEFT_ALIGNED = 3;

  /**
   * Columns: predictions, ranking, RMSE, MAE, coverage, RMSE over all ratings, precision, recall,
   * nDCG and the lift over popularity; each column as wide as its widest cell.
   */
  public static String text(List<String> labels, String labelHeader, List<ModelResult> models,
      List<EvaluationResult> rows, TopNResult popularity) {
    List<List<String>> cells = cells(labels, labelHeader, models, rows, popularity);
    int[] widths = MIN_WIDTHS.clone();
    for (List<String> line : cells) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : cells) {
      for (int c = 0; c < widths.length; c++) {
        String cell = line.get(c);
        String pad = " ".repeat(widths[c] - cell.length());
        out.append(c == 0 ? "" : "  ").append(c < LEFT_ALIGNED ? cell + pad : pad + cell);
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  /**
   * The cells of {@link #text}, the header first, formatted as there ({@code "—"} where a row
   * has no figure): the text table's and the run report's rows.
   */
  public static List<List<String>> cells(List<String> labels, String labelHeader,
      List<ModelResult> models, List<EvaluationResult> rows, TopNResult popularity) {
    int n = popularity.topN();
    List<List<String>> cells = new ArrayList<>();
    cells.add(List.of(labelHeader, "predictions", "ranking", "RMSE", "MAE", "coverage",
        "RMSE all", "P@" + n, "R@" + n, "nDCG@" + n, "lift"));
    for (ModelResult model : models) {
      TopNResult lists = model.lists();
      cells.add(List.of(NONE, model.description(), lists == null ? NONE : lists.ranking(),
          four(model.rmse()), four(model.mae()), percent(model.coverage()),
          four(model.rmseAll()), lists == null ? NONE : four(lists.precision()),
          lists == null ? NONE : four(lists.recall()), lists == null ? NONE : four(lists.ndcg()),
          lists == null ? NONE : lift(popularity.lift(lists.ndcg()))));
    }
    for (int r = 0; r < rows.size(); r++) {
      EvaluationResult row = rows.get(r);
      cells.add(List.of(labels.get(r), row.settings().describe(),
          String.valueOf(row.settings().ranking()),
          four(row.rmse()), four(row.mae()), percent(row.coverage()), four(row.rmseAll()),
          four(row.precision()), four(row.recall()), four(row.ndcg()),
          lift(popularity.lift(row.ndcg()))));
    }
    cells.add(List.of(popularity.ranking(), NONE, "train ratings", NONE, NONE, NONE, NONE,
        four(popularity.precision()), four(popularity.recall()), four(popularity.ndcg()),
        popularity.ndcg() == 0 ? NONE : lift(1)));
    return cells;
  }

  /**
   * The same as CSV with a header; full precision. The models' rows have empty label fields,
   * their key as the mode ({@code global_mean}, {@code baseline}, {@code als}, {@code blend}) and
   * empty top-N fields when they rank no lists; the popularity row has its name as the mode and
   * empty error fields.
   */
  public static String csv(List<String> labels, String labelHeader, List<ModelResult> models,
      List<EvaluationResult> rows, TopNResult popularity) {
    StringBuilder out = new StringBuilder(labelHeader).append(
        ",mode,item_formula,rmse,mae,coverage,covered,total,rmse_all,mae_all,top_n,"
            + "precision_at_n,recall_at_n,ndcg_at_n,ranking,ndcg_lift\n");
    String emptyLabel = ",".repeat(labelHeader.split(",", -1).length - 1);
    for (ModelResult model : models) {
      TopNResult lists = model.lists();
      out.append(emptyLabel).append(',').append(model.key()).append(",,").append(model.rmse())
          .append(',').append(model.mae()).append(',').append(model.coverage()).append(',')
          .append(model.covered()).append(',').append(model.total()).append(',')
          .append(model.rmseAll()).append(',').append(model.maeAll()).append(',');
      if (lists == null) {
        out.append(",,,,,\n");
      } else {
        out.append(lists.topN()).append(',').append(lists.precision()).append(',')
            .append(lists.recall()).append(',').append(lists.ndcg()).append(',')
            .append(lists.ranking()).append(',').append(csvLift(popularity.lift(lists.ndcg())))
            .append('\n');
      }
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
          .append(row.ndcg()).append(',').append(row.settings().ranking()).append(',')
          .append(csvLift(popularity.lift(row.ndcg()))).append('\n');
    }
    out.append(emptyLabel).append(',')
        .append(popularity.ranking()).append(",,,,,,,,,").append(popularity.topN()).append(',')
        .append(popularity.precision()).append(',').append(popularity.recall()).append(',')
        .append(popularity.ndcg()).append(',').append(popularity.ranking()).append(',')
        .append(csvLift(popularity.ndcg() == 0 ? Double.NaN : 1)).append('\n');
    return out.toString();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * share);
  }

  static String four(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String lift(double value) {
    return value == value ? String.format(Locale.ROOT, "%.2f×", value) : NONE;
  }

  private static String csvLift(double value) {
    return value == value ? Double.toString(value) : "";
  }
}
