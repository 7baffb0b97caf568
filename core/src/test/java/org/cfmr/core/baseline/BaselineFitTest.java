package org.cfmr.core.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.junit.jupiter.api.Test;

class BaselineFitTest {
  private static final double ORACLE_TOLERANCE = 1e-9;

  /**
   * One epoch with λ_u = λ_i = 1 on u1 {10:4, 20:2}, u2 {10:5} (a user with one rating), by hand:
   * μ = 11/3; b_10 = (1/3 + 4/3)/3 = 5/9; b_20 = (−5/3)/2 = −5/6; then
   * b_u1 = ((4 − 11/3 − 5/9) + (2 − 11/3 + 5/6))/3 = −19/54 and b_u2 = (5 − 11/3 − 5/9)/2 = 7/18.
   */
  @Test
  void oneEpochByHand() {
    TrainData train = train(new int[] {1, 1, 2}, new int[] {10, 20, 10}, new int[] {8, 4, 10});
    Baseline baseline = BaselineFit.fit(train, new BaselineSettings(1, 1, 1), 1);
    double unit = 0x1.0p-36;
    assertEquals(11.0 / 3, baseline.globalMean(), unit);
    assertEquals(11.0 / 3 - 19.0 / 54 + 5.0 / 9, predict(baseline, 1, 10), 3 * unit);
    assertEquals(11.0 / 3 + 7.0 / 18 - 5.0 / 6, predict(baseline, 2, 20), 3 * unit);
    // An item nobody rated in train (30) has no bias, nor has a user without train ratings (9).
    assertEquals(11.0 / 3 + 7.0 / 18, predict(baseline, 2, 30), 3 * unit);
    assertEquals(11.0 / 3 + 5.0 / 9, predict(baseline, 9, 10), 3 * unit);
    assertEquals(11.0 / 3, predict(baseline, 9, 30), unit);
  }

  /** The fixed-point fit against plain doubles, Surprise's settings, on every train pair. */
  @Test
  void agreesWithThePlainOracle() {
    Random random = new Random(7);
    int size = 30_000;
    int[] users = new int[size];
    int[] items = new int[size];
    int[] halfStars = new int[size];
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (int k = 0; k < size; ) {
      int user = 1 + (int) Math.abs(random.nextGaussian() * 150);
      int item = 1 + (int) Math.abs(random.nextGaussian() * 400);
      if (seen.add((long) user << 32 | item)) {
        users[k] = user;
        items[k] = item;
        halfStars[k] = 1 + Math.floorMod(user * 7 + item * 3 + random.nextInt(4), 10);
        k++;
      }
    }
    double[] ratings = new double[size];
    for (int k = 0; k < size; k++) {
      ratings[k] = halfStars[k] / 2.0;
    }
    BaselineSettings settings = BaselineSettings.DEFAULTS;
    Baseline baseline = BaselineFit.fit(train(users, items, halfStars), settings, 2);
    PlainBaselineOracle oracle = new PlainBaselineOracle(users, items, ratings,
        settings.userRegularisation(), settings.itemRegularisation(), settings.epochs());
    assertEquals(oracle.mu, baseline.globalMean(), ORACLE_TOLERANCE);
    double worst = 0;
    for (int k = 0; k < size; k++) {
      worst = Math.max(worst,
          Math.abs(oracle.predict(users[k], items[k]) - predict(baseline, users[k], items[k])));
    }
    assertEquals(0, worst, ORACLE_TOLERANCE, "largest |b_ui − oracle| over the train pairs");
    assertEquals(oracle.predict(users[0], -5), predict(baseline, users[0], -5), ORACLE_TOLERANCE);
  }

  @Test
  void sameBitsForAnyNumberOfThreads() {
    Random random = new Random(11);
    int size = 20_000;
    int[] users = new int[size];
    int[] items = new int[size];
    int[] halfStars = new int[size];
    for (int k = 0; k < size; k++) {
      users[k] = k % 997;
      items[k] = (k * 31 + k / 997) % 2003;
      halfStars[k] = 1 + random.nextInt(10);
    }
    TrainData train = train(users, items, halfStars);
    Baseline one = BaselineFit.fit(train, BaselineSettings.DEFAULTS, 1);
    Baseline four = BaselineFit.fit(train, BaselineSettings.DEFAULTS, 4);
    assertArrayEquals(biases(one), biases(four));
  }

  static long[] biases(Baseline baseline) {
    long[] all = new long[1 + baseline.users() + baseline.items()];
    all[0] = baseline.globalMeanFixed();
    for (int u = 0; u < baseline.users(); u++) {
      all[1 + u] = baseline.userBiasFixed(u);
    }
    for (int i = 0; i < baseline.items(); i++) {
      all[1 + baseline.users() + i] = baseline.itemBiasFixed(i);
    }
    return all;
  }

  private static double predict(Baseline baseline, int userId, int itemId) {
    return baseline.predict(baseline.userIndex(userId), baseline.itemIndex(itemId));
  }

  static TrainData train(int[] users, int[] items, int[] halfStars) {
    TrainRatings ratings = new TrainRatings();
    ratings.users = users.clone();
    ratings.items = items.clone();
    ratings.halfStars = halfStars.clone();
    ratings.size = users.length;
    return TrainData.of(ratings);
  }
}
