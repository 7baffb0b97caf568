package org.cfmr.core.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.PivotContributions;
import org.cfmr.core.SixDecimals;
import org.cfmr.core.baseline.FixedPointStars;
import org.junit.jupiter.api.Test;

/** The exact-sum formulas against a direct, plain computation of the spec's definitions. */
class PairScorerTest {

  /** Two entities, their co-rated values and their full train rating lists. */
  private static double direct(Similarity measure, double[] a, double[] b, double meanA,
      double meanB, double[] pivotMeans, double[][] baselines) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      double x = a[i], y = b[i];
      switch (measure) {
        case PEARSON -> { x -= meanA; y -= meanB; }
        case ADJUSTED_COSINE -> { x -= pivotMeans[i]; y -= pivotMeans[i]; }
        case PEARSON_BASELINE -> { x -= baselines[0][i]; y -= baselines[1][i]; }
        default -> { }
      }
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return dot / (Math.sqrt(na) * Math.sqrt(nb));
  }

  @Test
  void handCheckedCosine() {
    // a = (5, 3), b = (4, 4): 32 / (sqrt(34)·sqrt(32)) = 0.970142500...
    PairSums sums = new PairSums();
    sums.add(0, 0, 100, 64, 80);
    sums.add(0, 0, 36, 64, 48);
    double raw = Similarity.COSINE.raw(sums, EntityTotals.NONE, EntityTotals.NONE);
    assertEquals(32 / (Math.sqrt(34) * Math.sqrt(32)), raw, 1e-15);
    assertEquals("0.970143", SixDecimals.format(raw));
  }

  @Test
  void handCheckedCooccurrence() {
    // a rated 4 items, b rated 9, 3 of them both: 3 / sqrt(4·9) = 0.5, whatever the values.
    PairSums sums = new PairSums();
    sums.add(10, 2, 100, 4, 20);
    sums.add(1, 9, 1, 81, 9);
    sums.add(6, 6, 36, 36, 36);
    double raw = Similarity.COOCCURRENCE.raw(sums, new EntityTotals(4, 30),
        new EntityTotals(9, 40));
    assertEquals(0.5, raw, 1e-15);
    NeighbourSettings settings = NeighbourSettings.defaults().withMeasure(Similarity.COOCCURRENCE)
        .withShrink(0).withMinCommon(3);
    assertEquals(0.5, new PairScorer(settings).score(sums, new EntityTotals(4, 30),
        new EntityTotals(9, 40)), 1e-15);
    assertTrue(Double.isNaN(new PairScorer(settings.withMinCommon(4)).score(sums,
        new EntityTotals(4, 30), new EntityTotals(9, 40))), "n=3 < minCommon=4");
  }

  @Test
  void pearsonWithAConstantEntityHasNoSimilarity() {
    // a rated 4, 4 (mean 4 over its 2 ratings): its centred norm is exactly zero.
    PairSums sums = new PairSums();
    sums.add(8, 10, 64, 100, 80);
    sums.add(8, 6, 64, 36, 48);
    double raw = Similarity.PEARSON.raw(sums, new EntityTotals(2, 16),
        new EntityTotals(2, 16));
    assertTrue(Double.isNaN(raw));
  }

  @Test
  void everyMeasureMatchesTheDirectFormulaOnRandomRatings() {
    Random random = new Random(7);
    for (int trial = 0; trial < 500; trial++) {
      int n = 2 + random.nextInt(40);
      double[] a = new double[n], b = new double[n], pivotMeans = new double[n];
      double[][] baselines = new double[2][n];
      int[][] pivots = new int[n][];
      PairSums[] sums = new PairSums[Similarity.values().length];
      Arrays.setAll(sums, m -> new PairSums());
      // Each entity has extra ratings outside the co-rated set, which move its mean.
      int extraA = random.nextInt(5), extraB = random.nextInt(5);
      long sumA = 0, sumB = 0;
      for (int i = 0; i < n; i++) {
        int ha = 1 + random.nextInt(10), hb = 1 + random.nextInt(10);
        a[i] = ha / 2.0;
        b[i] = hb / 2.0;
        sumA += ha;
        sumB += hb;
        int others = random.nextInt(6);
        pivots[i] = new int[others + 2];
        pivots[i][0] = ha;
        pivots[i][1] = hb;
        long pivotSum = ha + hb;
        for (int o = 0; o < others; o++) {
          pivots[i][o + 2] = 1 + random.nextInt(10);
          pivotSum += pivots[i][o + 2];
        }
        pivotMeans[i] = pivotSum / (2.0 * pivots[i].length);
        // b_ui of each rating: any fixed-point value of 1.5–4.5 stars.
        long baseA = FixedPointStars.of(1.5 + 3 * random.nextDouble());
        long baseB = FixedPointStars.of(1.5 + 3 * random.nextDouble());
        baselines[0][i] = FixedPointStars.stars(baseA);
        baselines[1][i] = FixedPointStars.stars(baseB);
        long[] residuals = {FixedPointStars.ofHalfStars(ha) - baseA,
            FixedPointStars.ofHalfStars(hb) - baseB};
        for (Similarity measure : Similarity.values()) {
          new PivotContributions(measure, pivots[i], 2,
              new EntityTotals(pivots[i].length, pivotSum), residuals)
              .addPair(sums[measure.ordinal()], 0, 1);
        }
      }
      long totalA = sumA, totalB = sumB;
      for (int e = 0; e < extraA; e++) totalA += 1 + random.nextInt(10);
      for (int e = 0; e < extraB; e++) totalB += 1 + random.nextInt(10);
      EntityTotals ta = new EntityTotals(n + extraA, totalA);
      EntityTotals tb = new EntityTotals(n + extraB, totalB);
      for (Similarity measure : Similarity.values()) {
        double expected = measure == Similarity.COOCCURRENCE ? n / Math.sqrt((double) ta.count() * tb.count())
            : direct(measure, a, b, ta.mean(), tb.mean(), pivotMeans, baselines);
        double actual = measure.raw(sums[measure.ordinal()], ta, tb);
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
          continue;
        }
        assertEquals(expected, actual, 1e-9, measure + " trial " + trial);
      }
    }
  }

  @Test
  void scoreAppliesMinCommonShrinkageAndMinSim() {
    PairSums sums = new PairSums();
    for (int i = 0; i < 4; i++) sums.add(0, 0, 64, 64, 64);
    NeighbourSettings cosine = NeighbourSettings.defaults().withMeasure(Similarity.COSINE).withShrink(0);
    assertTrue(Double.isNaN(new PairScorer(cosine).score(sums, EntityTotals.NONE, EntityTotals.NONE)),
        "n=4 < minCommon=5");
    sums.add(0, 0, 64, 64, 64);
    assertEquals(1.0, new PairScorer(cosine).score(sums, EntityTotals.NONE, EntityTotals.NONE), 1e-15);
    assertEquals(5.0 / 105, new PairScorer(cosine.withShrink(100))
        .score(sums, EntityTotals.NONE, EntityTotals.NONE), 1e-15);
  }
}
