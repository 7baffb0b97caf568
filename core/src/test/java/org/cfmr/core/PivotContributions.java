package org.cfmr.core;

import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.similarity.PairSums;
import org.cfmr.core.similarity.PivotCentring;
import org.cfmr.core.similarity.Similarity;

/**
 * One pivot's ratings, prepared once so that each pair of entities among them adds its
 * contribution to a {@link PairSums} with a few integer operations.
 *
 * <p>The entities' half-star values arrive in an array; the pair {@code (i, j)} means the
 * entities at those positions. See {@link PairSums} for what each sum holds per measure.
 *
 * <p>Test code: the plain pair-at-a-time form of the sums, which the reference engine and
 * {@code PairScorerTest} build on; the engines use the packed kernel ({@code RowSums}).
 */
public final class PivotContributions {
  /** What a rating is centred on before the cosine, as the spec defines each measure. */
  private enum Centring { NONE, ENTITY_MEAN, PIVOT_MEAN, BASELINE }

  private final Centring centring;
  private final int[] halfStars;
  private final long pivotCount;
  /** Adjusted cosine: {@code N·h − S}; pearson-baseline: the residual {@code r − b_ui}. */
  private final long[] deviations;
  private final long[] squares;

  /**
   * @param halfStars the pivot's ratings, one per entity, in half stars (only the first
   *     {@code size} are used)
   * @param pivotTotals all of the pivot's train ratings (for adjusted cosine's centring; the
   *     values passed may be a capped sample of them)
   */
  public PivotContributions(Similarity measure, int[] halfStars, int size, EntityTotals pivotTotals) {
    this(measure, halfStars, size, pivotTotals, null);
  }

  /**
   * @param residuals pearson-baseline only: each entity's residual from the baseline at this
   *     pivot, in fixed point ({@link BaselineResiduals#residual})
   */
  public PivotContributions(Similarity measure, int[] halfStars, int size,
      EntityTotals pivotTotals, long[] residuals) {
    this.centring = switch (measure) {
      case COSINE, COOCCURRENCE -> Centring.NONE;
      case PEARSON -> Centring.ENTITY_MEAN;
      case ADJUSTED_COSINE -> Centring.PIVOT_MEAN;
      case PEARSON_BASELINE -> Centring.BASELINE;
    };
    this.halfStars = halfStars;
    this.pivotCount = pivotTotals.count();
    this.deviations = new long[size];
    this.squares = new long[size];
    for (int i = 0; i < size; i++) {
      if (centring == Centring.PIVOT_MEAN) {
        deviations[i] =
            PivotCentring.scaledDeviation(halfStars[i], pivotCount, pivotTotals.halfStarSum());
        squares[i] = PivotCentring.product(deviations[i], deviations[i], pivotCount);
      } else if (centring == Centring.BASELINE) {
        deviations[i] = residuals[i];
        squares[i] = BaselineResiduals.product(residuals[i], residuals[i]);
      } else {
        squares[i] = (long) halfStars[i] * halfStars[i];
      }
    }
  }

  /** Adds the contribution of the entities at positions {@code i} (as a) and {@code j} (as b). */
  public void addPair(PairSums target, int i, int j) {
    switch (centring) {
      case NONE -> target.add(0, 0, squares[i], squares[j], (long) halfStars[i] * halfStars[j]);
      case ENTITY_MEAN -> target.add(halfStars[i], halfStars[j], squares[i], squares[j],
          (long) halfStars[i] * halfStars[j]);
      case PIVOT_MEAN -> target.add(0, 0, squares[i], squares[j],
          PivotCentring.product(deviations[i], deviations[j], pivotCount));
      case BASELINE -> target.add(0, 0, squares[i], squares[j],
          BaselineResiduals.product(deviations[i], deviations[j]));
    }
  }
}
