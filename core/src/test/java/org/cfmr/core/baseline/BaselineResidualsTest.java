package org.cfmr.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.CfmrException;
import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.similarity.PairSums;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * pearson-baseline's fixed-point residuals: the rounded product against exact big integers, a
 * case computed by hand, and the effect of the fixed point on every user pair of
 * ml-latest-small against the same similarities in plain doubles.
 */
class BaselineResidualsTest {
  /** The largest raw difference measured on ml-latest-small is 2.1e-10. */
  private static final double FIXED_POINT_EFFECT = 1e-9;

  @Test
  void theProductIsRoundedToTheNearestUnitTiesUpwards() {
    Random random = new Random(3);
    BigInteger half = BigInteger.ONE.shiftLeft(35);
    for (int trial = 0; trial < 100_000; trial++) {
      long a = random.nextLong() >> 23; // |a| < 2^40: residuals below 16 stars
      long b = trial % 2 == 0 ? random.nextLong() >> 23 : a + random.nextInt(3) - 1;
      long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).add(half)
          .shiftRight(36).longValueExact(); // floor((a·b + 2^35) / 2^36)
      assertEquals(expected, BaselineResiduals.product(a, b), a + " · " + b);
    }
    assertEquals(1, BaselineResiduals.product(1L << 17, 1L << 18), "exactly half a unit: up");
    assertEquals(0, BaselineResiduals.product(-(1L << 17), 1L << 18), "minus half: up to 0");
    assertEquals(-1, BaselineResiduals.product(-(1L << 17), 3L << 17), "−1.5 units: up to −1");
  }

  /**
   * u1 {1: 5, 2: 3, 3: 4} and u2 {1: 4, 2: 2, 3: 5}, one epoch with λ = 0: μ = 23/6; each b_i is
   * the mean of r − μ: 2/3, −4/3, 2/3; then b_u1 = (0.5 + 0.5 − 0.5)/3 = 1/6 and b_u2 = −1/6.
   * The residuals are u1 (1/3, 1/3, −2/3) and u2 (−1/3, −1/3, 2/3): pearson-baseline is −1,
   * where pearson on the users' own means, (1, −1, 0) and (1/3, −5/3, 4/3), is
   * 2 / (sqrt(2)·sqrt(14/3)) = 0.6547.
   */
  @Test
  void twoUsersThreeItemsByHand() {
    TrainData train = BaselineFitTest.train(new int[] {1, 1, 1, 2, 2, 2},
        new int[] {1, 2, 3, 1, 2, 3}, new int[] {10, 6, 8, 8, 4, 10});
    Baseline baseline = BaselineFit.fit(train, new BaselineSettings(0, 0, 1), 1);
    double unit = 0x1.0p-36;
    assertEquals(23.0 / 6, baseline.globalMean(), unit);
    assertEquals(23.0 / 6 + 1.0 / 6 + 2.0 / 3, baseline.predict(0, 0), 3 * unit);
    assertEquals(23.0 / 6 - 1.0 / 6 - 4.0 / 3, baseline.predict(1, 1), 3 * unit);
    BaselineResiduals residuals =
        BaselineResiduals.of(baseline, new int[] {1, 2}, new int[] {1, 2, 3}, true);
    assertEquals(1.0 / 3, FixedPointStars.stars(residuals.residual(0, 0, 10)), 3 * unit);
    assertEquals(-2.0 / 3, FixedPointStars.stars(residuals.residual(0, 2, 8)), 3 * unit);
    PairSums sums = new PairSums();
    int[][] halfStars = {{10, 6, 8}, {8, 4, 10}};
    for (int item = 0; item < 3; item++) {
      long a = residuals.residual(0, item, halfStars[0][item]);
      long b = residuals.residual(1, item, halfStars[1][item]);
      sums.add(0, 0, BaselineResiduals.product(a, a), BaselineResiduals.product(b, b),
          BaselineResiduals.product(a, b));
    }
    assertEquals(-1, Similarity.PEARSON_BASELINE.raw(sums, EntityTotals.NONE, EntityTotals.NONE),
        1e-9);
    PairSums halfStarSums = new PairSums();
    for (int item = 0; item < 3; item++) {
      long a = halfStars[0][item];
      long b = halfStars[1][item];
      halfStarSums.add(a, b, a * a, b * b, a * b);
    }
    assertEquals(2 / (Math.sqrt(2) * Math.sqrt(14.0 / 3)), Similarity.PEARSON.raw(halfStarSums,
        new EntityTotals(3, 24), new EntityTotals(3, 22)), 1e-12);
  }

  /**
   * One co-rating with residuals of 3·2^-19 and 5·2^-19 star: the rounded products are 2, 6 and
   * 4 units (of 2.25, 6.25 and 3.75), whose cosine 4 / sqrt(12) = 1.15 is clamped to the exact 1;
   * with the signs apart, to −1.
   */
  @Test
  void theCosineOfTinyResidualsStaysWithinOne() {
    long a = 3L << 17;
    long b = 5L << 17;
    PairSums same = new PairSums();
    same.add(0, 0, BaselineResiduals.product(a, a), BaselineResiduals.product(b, b),
        BaselineResiduals.product(a, b));
    assertEquals(new PairSums(1, 0, 0, 2, 6, 4), same);
    assertEquals(1.0, Similarity.PEARSON_BASELINE.raw(same, EntityTotals.NONE, EntityTotals.NONE));
    PairSums opposite = new PairSums(1, 0, 0, 2, 6, BaselineResiduals.product(-a, b));
    assertEquals(-1.0,
        Similarity.PEARSON_BASELINE.raw(opposite, EntityTotals.NONE, EntityTotals.NONE));
  }

  @Test
  void aResidualOfSixteenStarsIsAnError() {
    Baseline far = new Baseline(FixedPointStars.of(20), new int[] {7}, new long[] {0},
        new int[] {9}, new long[] {0});
    BaselineResiduals residuals = BaselineResiduals.of(far, new int[] {7}, new int[] {9}, true);
    CfmrException error = assertThrows(CfmrException.class, () -> residuals.residual(0, 0, 8));
    assertTrue(error.getMessage().contains("rating of 7 and 9 is -16.000 stars from its baseline"),
        error.getMessage());
  }

  /**
   * Every user pair of ml-latest-small with at least 5 co-rated items: the fixed-point raw
   * similarity against the same definition in doubles, once with the fitted baseline's values
   * (the effect of the products' rounding alone) and once with the baseline fitted in plain
   * doubles ({@link PlainBaselineOracle}: the effect of all of the fixed point).
   */
  @Test
  void theFixedPointMovesNoSimilarityOfMlLatestSmallByMoreThan1e9() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.bundled("ratings.csv"));
    int size = lines.size() - 1;
    int[] users = new int[size];
    int[] items = new int[size];
    int[] halfStars = new int[size];
    double[] ratings = new double[size];
    for (int k = 0; k < size; k++) {
      String[] fields = lines.get(k + 1).split(",");
      users[k] = Integer.parseInt(fields[0]);
      items[k] = Integer.parseInt(fields[1]);
      ratings[k] = Double.parseDouble(fields[2]);
      halfStars[k] = (int) Math.round(2 * ratings[k]);
    }
    TrainData train = BaselineFitTest.train(users, items, halfStars);
    BaselineSettings settings = BaselineSettings.DEFAULTS;
    Baseline baseline = BaselineFit.fit(train, settings, 2);
    PlainBaselineOracle plain = new PlainBaselineOracle(users, items, ratings,
        settings.userRegularisation(), settings.itemRegularisation(), settings.epochs());
    BaselineResiduals residuals =
        BaselineResiduals.of(baseline, train.userIds(), train.itemIds(), true);
    int n = train.users();
    long[][] fixed = new long[n * n][];
    double[][] doubles = new double[n * n][];
    for (int item = 0; item < train.items(); item++) {
      int from = train.itemStart(item);
      int to = train.itemStart(item + 1);
      for (int i = from; i < to; i++) {
        for (int j = i + 1; j < to; j++) {
          int u = train.raterAt(i);
          int v = train.raterAt(j);
          long a = residuals.residual(u, item, train.itemHalfStarsAt(i));
          long b = residuals.residual(v, item, train.itemHalfStarsAt(j));
          long[] f = fixed[u * n + v] == null ? (fixed[u * n + v] = new long[4]) : fixed[u * n + v];
          f[0]++;
          f[1] += BaselineResiduals.product(a, a);
          f[2] += BaselineResiduals.product(b, b);
          f[3] += BaselineResiduals.product(a, b);
          double[] d = doubles[u * n + v] == null ? (doubles[u * n + v] = new double[6])
              : doubles[u * n + v];
          double ea = FixedPointStars.stars(a);
          double eb = FixedPointStars.stars(b);
          double pa = train.itemHalfStarsAt(i) / 2.0
              - plain.predict(train.userId(u), train.itemId(item));
          double pb = train.itemHalfStarsAt(j) / 2.0
              - plain.predict(train.userId(v), train.itemId(item));
          d[0] += ea * ea;
          d[1] += eb * eb;
          d[2] += ea * eb;
          d[3] += pa * pa;
          d[4] += pb * pb;
          d[5] += pa * pb;
        }
      }
    }
    double productsOnly = 0;
    double all = 0;
    int pairs = 0;
    for (int p = 0; p < fixed.length; p++) {
      if (fixed[p] == null || fixed[p][0] < 5) {
        continue;
      }
      long[] f = fixed[p];
      double raw = Similarity.PEARSON_BASELINE.raw(new PairSums(f[0], 0, 0, f[1], f[2], f[3]),
          EntityTotals.NONE, EntityTotals.NONE);
      double[] d = doubles[p];
      productsOnly = Math.max(productsOnly,
          Math.abs(raw - d[2] / Math.sqrt(d[0] * d[1])));
      all = Math.max(all, Math.abs(raw - d[5] / Math.sqrt(d[3] * d[4])));
      pairs++;
    }
    System.out.printf("pearson-baseline on %d user pairs of ml-latest-small: largest raw "
        + "difference %.3g (products' rounding), %.3g (all fixed point)%n", pairs, productsOnly,
        all);
    assertTrue(pairs > 100_000, "pairs: " + pairs);
    assertTrue(productsOnly <= FIXED_POINT_EFFECT, "the products' rounding: " + productsOnly);
    assertTrue(all <= FIXED_POINT_EFFECT, "all of the fixed point: " + all);
  }
}
