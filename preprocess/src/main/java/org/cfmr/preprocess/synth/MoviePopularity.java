package org.cfmr.preprocess.synth;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Which movies a synthetic user rates: each movie has a popularity weight decided by its rank,
 * {@code (rank + c)^-2} for the 60% most popular and falling as the 4th power beyond them
 * (c = 150 at full scale, scaled with the number of movies), and a user's n movies are a weighted
 * sample without replacement. Calibrated (see the README) so that at full scale the most rated
 * movie has ~90k ratings, ~94% of movies are rated and the Gini of the counts is ~0.95. Ranks
 * are assigned to movie ids 1..M by a seeded shuffle.
 *
 * <p>Sampling uses Walker's alias table with rejection of repeats for most users, and for heavy
 * users (more than 1/20 of the movies) the equivalent Efraimidis–Spirakis exponential keys.
 */
final class MoviePopularity {
  static final double HEAD_EXPONENT = 2.0;
  static final double TAIL_EXPONENT = 4.0;
  static final double TAIL_STARTS = 0.6;
  static final double HEAD_OFFSET_AT_FULL_SCALE = 150;

  private final double[] weights;
  private final int[] movieIdOfRank;
  private final double[] aliasProbability;
  private final int[] alias;

  MoviePopularity(long seed, int movies) {
    weights = weights(movies);
    movieIdOfRank = shuffledIds(seed, movies);
    aliasProbability = new double[movies];
    alias = new int[movies];
    buildAliasTable();
  }

  int movies() {
    return weights.length;
  }

  int movieId(int rank) {
    return movieIdOfRank[rank];
  }

  /** One movie rank drawn by popularity (with replacement). */
  private int draw(RandomGenerator random) {
    int rank = random.nextInt(weights.length);
    return random.nextDouble() < aliasProbability[rank] ? rank : alias[rank];
  }

  /**
   * {@code n} distinct movie ranks drawn by popularity without replacement, into {@code into}.
   *
   * @param seen a scratch array of {@link #movies()} ints; stamp must differ from every value in it
   */
  void drawDistinct(RandomGenerator random, int n, int[] into, int[] seen, int stamp,
      double[] keys) {
    if (n > weights.length / 20) {
      drawByExponentialKeys(random, n, into, keys);
      return;
    }
    int drawn = 0;
    while (drawn < n) {
      int rank = draw(random);
      if (seen[rank] != stamp) {
        seen[rank] = stamp;
        into[drawn++] = rank;
      }
    }
  }

  /** Efraimidis–Spirakis: the n smallest of {@code Exp(1)/w} are a weighted sample. */
  private void drawByExponentialKeys(RandomGenerator random, int n, int[] into, double[] keys) {
    int movies = weights.length;
    for (int rank = 0; rank < movies; rank++) {
      keys[rank] = -Math.log(1 - random.nextDouble()) / weights[rank];
    }
    double[] sorted = Arrays.copyOf(keys, movies);
    Arrays.sort(sorted);
    double threshold = sorted[n - 1];
    int drawn = 0;
    for (int rank = 0; rank < movies && drawn < n; rank++) {
      if (keys[rank] <= threshold) {
        into[drawn++] = rank;
      }
    }
  }

  private static double[] weights(int movies) {
    double offset = Math.max(1, HEAD_OFFSET_AT_FULL_SCALE * movies / Ml32mShape.MOVIES);
    int tailStart = (int) (TAIL_STARTS * movies);
    double[] weights = new double[movies];
    for (int rank = 0; rank < movies; rank++) {
      weights[rank] = Math.pow(rank + offset, -HEAD_EXPONENT);
      if (rank > tailStart) {
        weights[rank] = Math.pow(tailStart + offset, -HEAD_EXPONENT)
            * Math.pow((rank + offset) / (tailStart + offset), -TAIL_EXPONENT);
      }
    }
    return weights;
  }

  private static int[] shuffledIds(long seed, int movies) {
    int[] ids = new int[movies];
    Arrays.setAll(ids, i -> i + 1);
    SplittableRandom random = new SplittableRandom(seed ^ 0x6d6f76696573L);
    for (int i = movies - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = ids[i];
      ids[i] = ids[j];
      ids[j] = swap;
    }
    return ids;
  }

  /** Vose's alias method. */
  private void buildAliasTable() {
    int movies = weights.length;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] scaled = new double[movies];
    int[] small = new int[movies];
    int[] large = new int[movies];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < movies; i++) {
      scaled[i] = weights[i] * movies / total;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int less = small[--smallCount];
      int more = large[--largeCount];
      aliasProbability[less] = scaled[less];
      alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1;
      if (scaled[more] < 1) {
        small[smallCount++] = more;
      } else {
        large[largeCount++] = more;
      }
    }
    while (largeCount > 0) {
      aliasProbability[large[--largeCount]] = 1;
    }
    while (smallCount > 0) {
      aliasProbability[small[--smallCount]] = 1;
    }
  }
}
