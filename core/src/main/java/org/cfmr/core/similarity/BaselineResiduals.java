package org.cfmr.core.similarity;

import java.util.Locale;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BiasUpdate;
import org.cfmr.core.baseline.FixedPointStars;
import org.cfmr.core.CfmrException;

/**
 * pearson-baseline's values: each rating's residual {@code e = r − b_ui} from the fitted
 * baseline, for the ratings of a matrix whose rows and columns are users and items (either way
 * round).
 *
 * <p>The baseline is fixed point in units of 2^-36 star ({@link FixedPointStars}) and a half-star
 * rating is exact in that unit, so each residual is an exact {@code long}: nothing is rounded
 * before the products. Each product {@code e_a·e_b} (2^-72 star²) is rounded once, to the nearest
 * 2^-36 star² (ties upwards), computed from the exact 128-bit product; the sums of the rounded
 * products are exact, so the result does not depend on the order partials are added in. A term's
 * error is at most 2^-37 ≈ 7.3e-12 star², which moves a raw similarity by at most about
 * {@code 2^-37·(1/(σ_a·σ_b) + 1/(2σ_a²) + 1/(2σ_b²))}, with {@code σ} the root mean square of an
 * entity's co-rated residuals: below 1e-9 for σ ≥ 0.13 star, whatever the support (measured on
 * ml-latest-small's user pairs: at most 2.1e-10).
 *
 * <p>A residual of {@value #MAX_RESIDUAL_STARS} stars or more is an error (a rating cannot be
 * that far from a baseline fitted to ratings of 0.5–5 stars); below it a term is less than 2^44
 * units, so a pair's sums cannot leave a {@code long} before 2^19 = 524,288 co-ratings, and the
 * kernels' exact additions make a longer pair an error, never a wrap.
 */
public final class BaselineResiduals {
  public static final int MAX_RESIDUAL_STARS = 16;
  private static final long MAX_RESIDUAL = (long) MAX_RESIDUAL_STARS << FixedPointStars.FRACTION_BITS;
  private static final int SHIFT = FixedPointStars.FRACTION_BITS;
  private static final long HALF = 1L << (SHIFT - 1);

  private final long globalMean;
  private final long[] rowBias;
  private final long[] columnBias;
  private final int[] rowIds;
  private final int[] columnIds;

  private BaselineResiduals(long globalMean, long[] rowBias, long[] columnBias, int[] rowIds,
      int[] columnIds) {
    this.globalMean = globalMean;
    this.rowBias = rowBias;
    this.columnBias = columnBias;
    this.rowIds = rowIds;
    this.columnIds = columnIds;
  }

  /**
   * The residuals of the ratings of a matrix with rows {@code rowIds} and columns
   * {@code columnIds}: users and items when {@code usersAreRows}, else items and users. An id
   * without train ratings in {@code baseline} has bias 0.
   */
  public static BaselineResiduals of(Baseline baseline, int[] rowIds, int[] columnIds,
      boolean usersAreRows) {
    return new BaselineResiduals(baseline.globalMeanFixed(),
        biases(baseline, rowIds, usersAreRows), biases(baseline, columnIds, !usersAreRows),
        rowIds, columnIds);
  }

  private static long[] biases(Baseline baseline, int[] ids, boolean users) {
    long[] bias = new long[ids.length];
    for (int k = 0; k < ids.length; k++) {
      int at = users ? baseline.userIndex(ids[k]) : baseline.itemIndex(ids[k]);
      bias[k] = at < 0 ? 0 : users ? baseline.userBiasFixed(at) : baseline.itemBiasFixed(at);
    }
    return bias;
  }

  /** {@code r − μ − b_row − b_column} of the rating at (row, column), exact in 2^-36 star. */
  public long residual(int row, int column, int halfStars) {
    long residual = BiasUpdate.residual(halfStars, globalMean, rowBias[row] + columnBias[column]);
    if (Math.abs(residual) >= MAX_RESIDUAL) {
      throw new CfmrException(String.format(Locale.ROOT, "pearson-baseline: the rating of %d and "
          + "%d is %.3f stars from its baseline, more than the %d stars the residual sums allow",
          rowIds[row], columnIds[column], FixedPointStars.stars(residual), MAX_RESIDUAL_STARS));
    }
    return residual;
  }

  /** {@code a·b} in units of 2^-36 star², rounded to the nearest (ties upwards). */
  public static long product(long a, long b) {
    long low = a * b;
    long rounded = low + HALF;
    long high = Math.multiplyHigh(a, b) + (Long.compareUnsigned(rounded, low) < 0 ? 1 : 0);
    return high << (Long.SIZE - SHIFT) | rounded >>> SHIFT;
  }
}
