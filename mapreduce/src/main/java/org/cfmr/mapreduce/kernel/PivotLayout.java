package org.cfmr.mapreduce.kernel;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.similarity.PivotCentring;
import org.cfmr.core.PivotSampler;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.similarity.SimilarityMeasure;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.ratings.RatingMatrix;

/**
 * The ratings that enter pair generation, laid out for the memory engine's inner loop: per pivot
 * (column) its entities ascending with their half stars in a {@code byte[]}, and per entity (row)
 * where each of its ratings sits in those columns, so that a row visits "the entities after me in
 * this pivot" without a search. With a pivot cap ({@link PivotSampler}) only each pivot's sample
 * is kept. For adjusted cosine each kept rating also carries its scaled deviation from the
 * pivot's mean over all its ratings and that deviation's fixed-point square ({@link PivotCentring});
 * for pearson-baseline its residual from the baseline and that residual's fixed-point square
 * ({@link BaselineResiduals}). About 9 bytes per kept rating, plus 16 for either.
 */
public final class PivotLayout {
  final int[] columnStart;
  final int[] columnRow;
  final byte[] columnHalfStars;
  /** Row r's kept ratings: pivot {@code rowPivot[k]} at position {@code rowAt[k]} of the columns. */
  final int[] rowStart;
  final int[] rowPivot;
  final int[] rowAt;
  /** Adjusted cosine only (else null): {@code N·h − S} and its fixed-point square, per rating. */
  final long[] deviation;
  final long[] deviationSquare;
  final long[] pivotCount;
  /** pearson-baseline only (else null): {@code r − b_ui} and its fixed-point square, per rating. */
  final long[] residual;
  final long[] residualSquare;

  /**
   * The ratings of {@code matrix}, each pivot's sampled when settings cap pivots.
   *
   * @param residuals the baseline residuals of the matrix's ratings when the measure needs them,
   *     else null
   */
  public PivotLayout(RatingMatrix matrix, NeighbourSettings settings,
      BaselineResiduals residuals) {
    this(matrix, c -> keptPositions(matrix, settings, c), settings.measure(),
        matrix::columnTotals, residuals);
  }

  /**
   * All ratings of {@code matrix} (a sample already taken), adjusted cosine centring each pivot
   * on {@code pivotTotals} (those of all its ratings): job 2's chunks of pivot vectors.
   */
  public PivotLayout(RatingMatrix matrix, Similarity measure, EntityTotals[] pivotTotals,
      BaselineResiduals residuals) {
    this(matrix, c -> allPositions(matrix, c), measure, c -> pivotTotals[c], residuals);
  }

  private PivotLayout(RatingMatrix matrix, IntFunction<int[]> keptPositions,
      Similarity measure, IntFunction<EntityTotals> pivotTotals, BaselineResiduals residuals) {
    if (measure.needsBaseline() != (residuals != null)) {
      throw new IllegalArgumentException(measure + ": residuals " + (residuals != null));
    }
    boolean pivotMeans = measure.pairValues() == SimilarityMeasure.PairValues.PIVOT_DEVIATIONS;
    int columns = matrix.columns();
    int[][] kept = new int[columns][];
    columnStart = new int[columns + 1];
    for (int c = 0; c < columns; c++) {
      kept[c] = keptPositions.apply(c);
      columnStart[c + 1] = columnStart[c] + kept[c].length;
    }
    int size = columnStart[columns];
    columnRow = new int[size];
    columnHalfStars = new byte[size];
    deviation = pivotMeans ? new long[size] : null;
    deviationSquare = pivotMeans ? new long[size] : null;
    pivotCount = pivotMeans ? new long[columns] : null;
    residual = residuals != null ? new long[size] : null;
    residualSquare = residuals != null ? new long[size] : null;
    int[] perRow = new int[matrix.rows() + 1];
    for (int c = 0; c < columns; c++) {
      int from = matrix.columnStart[c];
      for (int i = 0; i < kept[c].length; i++) {
        int at = columnStart[c] + i;
        columnRow[at] = matrix.columnRow[from + kept[c][i]];
        columnHalfStars[at] = (byte) matrix.columnHalfStars[from + kept[c][i]];
        perRow[columnRow[at] + 1]++;
      }
      if (pivotMeans) {
        centre(c, pivotTotals.apply(c));
      }
      if (residuals != null) {
        subtractBaseline(c, residuals);
      }
    }
    rowStart = perRow;
    for (int r = 0; r < matrix.rows(); r++) {
      rowStart[r + 1] += rowStart[r];
    }
    rowPivot = new int[size];
    rowAt = new int[size];
    int[] fill = Arrays.copyOf(rowStart, matrix.rows());
    for (int c = 0; c < columns; c++) {
      for (int at = columnStart[c]; at < columnStart[c + 1]; at++) {
        int k = fill[columnRow[at]]++;
        rowPivot[k] = c;
        rowAt[k] = at;
      }
    }
  }

  private static int[] keptPositions(RatingMatrix matrix, NeighbourSettings settings, int c) {
    int from = matrix.columnStart[c];
    int size = matrix.columnStart[c + 1] - from;
    if (!settings.capsPivots() || size <= settings.maxPivotRatings()) {
      return allPositions(matrix, c);
    }
    int[] entityIds = new int[size];
    for (int i = 0; i < size; i++) {
      entityIds[i] = matrix.rowIds[matrix.columnRow[from + i]];
    }
    return PivotSampler.keep(settings.seed(), matrix.columnIds[c], entityIds, size,
        settings.maxPivotRatings());
  }

  private static int[] allPositions(RatingMatrix matrix, int c) {
    int[] all = new int[matrix.columnStart[c + 1] - matrix.columnStart[c]];
    Arrays.setAll(all, i -> i);
    return all;
  }

  /** Adjusted cosine's centring on the mean of all the pivot's ratings (not only the kept). */
  private void centre(int c, EntityTotals totals) {
    long count = totals.count();
    long sum = totals.halfStarSum();
    pivotCount[c] = count;
    for (int at = columnStart[c]; at < columnStart[c + 1]; at++) {
      deviation[at] = PivotCentring.scaledDeviation(columnHalfStars[at], count, sum);
      deviationSquare[at] = PivotCentring.product(deviation[at], deviation[at], count);
    }
  }

  /** pearson-baseline's residuals of the pivot's ratings from the baseline. */
  private void subtractBaseline(int c, BaselineResiduals residuals) {
    for (int at = columnStart[c]; at < columnStart[c + 1]; at++) {
      residual[at] = residuals.residual(columnRow[at], c, columnHalfStars[at]);
      residualSquare[at] = BaselineResiduals.product(residual[at], residual[at]);
    }
  }

  /** Whether the ratings carry their residuals from the baseline (pearson-baseline). */
  boolean carriesResiduals() {
    return residual != null;
  }

  /** Whether the ratings carry deviations from their pivot's mean (adjusted cosine). */
  boolean centresOnPivots() {
    return deviation != null;
  }

  int rows() {
    return rowStart.length - 1;
  }

  /** The pair updates row r makes (the entities after it in each of its pivots). */
  public long work(int r) {
    long work = 0;
    for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
      work += columnStart[rowPivot[k] + 1] - rowAt[k] - 1;
    }
    return work;
  }

  /** The most ratings any row keeps (bounds every pair's sums). */
  int longestRow() {
    int longest = 0;
    for (int r = 0; r < rows(); r++) {
      longest = Math.max(longest, rowStart[r + 1] - rowStart[r]);
    }
    return longest;
  }
}
