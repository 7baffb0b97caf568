package org.cfmr.preprocess.synth;

import java.util.SplittableRandom;
import org.cfmr.core.StableHash;

/**
 * How many ratings each synthetic user gives: a draw from ml-32m's log-normal activity fit,
 * clipped to [20, cap], whose excess over 20 is then scaled by one common factor so that the
 * total is ml-32m's 32,000,204 ratings times the scale (the fit alone gives ~38M: its tail is
 * heavier than the data's; below scale ~1/200 the cap keeps the total under the target). The cap is 33,000 (near ml-25m's most active user) or half the
 * movies, whichever is smaller. The distribution does not depend on the scale; only the number
 * of users does. Held as one {@code int} per user.
 */
final class UserActivity {
  private final int[] counts;

  private UserActivity(int[] counts) {
    this.counts = counts;
  }

  static UserActivity draw(long seed, int users, int movies, long targetRatings) {
    int cap = cap(movies);
    double[] drawn = new double[users];
    for (int u = 0; u < users; u++) {
      SplittableRandom random = new SplittableRandom(StableHash.hash(seed, 0x5eed_0001, u));
      double x = Ml32mShape.ACTIVITY_LOC
          + Ml32mShape.ACTIVITY_SCALE * Math.exp(Ml32mShape.ACTIVITY_SIGMA * random.nextGaussian());
      drawn[u] = Math.min(Math.max(x, Ml32mShape.MIN_RATINGS_PER_USER), cap);
    }
    double factor = factorFor(drawn, cap, targetRatings);
    int[] counts = new int[users];
    for (int u = 0; u < users; u++) {
      counts[u] = count(drawn[u], factor, cap);
    }
    return new UserActivity(counts);
  }

  /**
   * The factor on every user's excess over 20 that brings the total closest to the target (by
   * bisection: the total only grows with the factor); when even all users at the cap fall short
   * (tiny scales), the largest total possible.
   */
  private static double factorFor(double[] drawn, int cap, long targetRatings) {
    double low = 0;
    double high = 1;
    while (total(drawn, high, cap) < targetRatings && high < 1e6) {
      high *= 2;
    }
    for (int i = 0; i < 60; i++) {
      double middle = (low + high) / 2;
      if (total(drawn, middle, cap) < targetRatings) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return high;
  }

  private static long total(double[] drawn, double factor, int cap) {
    long total = 0;
    for (double x : drawn) {
      total += count(x, factor, cap);
    }
    return total;
  }

  private static int count(double drawn, double factor, int cap) {
    int min = Ml32mShape.MIN_RATINGS_PER_USER;
    return (int) Math.min(cap, Math.round(min + (drawn - min) * factor));
  }

  static int cap(int movies) {
    return Math.min(Ml32mShape.MAX_RATINGS_PER_USER, movies / 2);
  }

  int ratingsOf(int user) {
    return counts[user];
  }

  int users() {
    return counts.length;
  }

  long total() {
    long total = 0;
    for (int n : counts) {
      total += n;
    }
    return total;
  }
}
