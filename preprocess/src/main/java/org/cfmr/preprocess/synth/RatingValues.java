package org.cfmr.preprocess.synth;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.cfmr.core.StableHash;

/**
 * The value a synthetic user gives a movie, with latent structure so that neighbourhood methods
 * have something to find: a score {@code b_u + b_i + p_u·q_i + ε} (user and movie biases, 8
 * latent factors, noise; popular movies get a slightly higher bias, as on MovieLens) is cut into
 * half stars at the quantiles of the published rating distribution, so the marginal distribution
 * is ml-latest-small's (4.0 most common, mean 3.5). The cut points are estimated once from the
 * scores of ~2,000 seeded users spread over the id range, drawn exactly as the generator draws
 * users (their activity, distinct movies by popularity), so each score is weighted as a rating.
 */
final class RatingValues {
  static final int FACTORS = 8;
  static final double USER_BIAS = 0.40;
  static final double MOVIE_BIAS = 0.35;
  static final double POPULARITY_BIAS = 0.40;
  static final double FACTOR_SCALE = 0.42;
  static final double NOISE = 0.50;
  private static final int CALIBRATION_USERS = 2_000;

  private final double[] movieBias;
  private final double[] movieFactors;
  private final double[] cutPoints;

  RatingValues(long seed, MoviePopularity popularity, UserActivity activity) {
    int movies = popularity.movies();
    movieBias = new double[movies];
    movieFactors = new double[movies * FACTORS];
    for (int rank = 0; rank < movies; rank++) {
      SplittableRandom random = new SplittableRandom(StableHash.hash(seed, 0x5eed_0002, rank));
      movieBias[rank] = MOVIE_BIAS * random.nextGaussian()
          + POPULARITY_BIAS * (0.5 - (double) rank / movies);
      for (int f = 0; f < FACTORS; f++) {
        movieFactors[rank * FACTORS + f] = FACTOR_SCALE * random.nextGaussian();
      }
    }
    cutPoints = calibrate(seed, popularity, activity);
  }

  /** A user's bias and factors, drawn from the user's own random stream. */
  double[] drawUser(RandomGenerator random) {
    double[] user = new double[FACTORS + 1];
    user[0] = USER_BIAS * random.nextGaussian();
    for (int f = 1; f <= FACTORS; f++) {
      user[f] = FACTOR_SCALE * random.nextGaussian();
    }
    return user;
  }

  /** The rating, in half stars (1–10), that a user gives the movie of this rank. */
  int halfStars(double[] user, int rank, RandomGenerator random) {
    return 1 + bucket(score(user, rank, random));
  }

  private double score(double[] user, int rank, RandomGenerator random) {
    double score = user[0] + movieBias[rank] + NOISE * random.nextGaussian();
    int base = rank * FACTORS;
    for (int f = 0; f < FACTORS; f++) {
      score += user[f + 1] * movieFactors[base + f];
    }
    return score;
  }

  private int bucket(double score) {
    int i = Arrays.binarySearch(cutPoints, score);
    return i >= 0 ? i + 1 : -i - 1;
  }

  private double[] calibrate(long seed, MoviePopularity popularity, UserActivity activity) {
    int movies = popularity.movies();
    int[] ranks = new int[movies];
    int[] seen = new int[movies];
    double[] keys = new double[movies];
    int users = Math.min(CALIBRATION_USERS, activity.users());
    double[] scores = new double[0];
    int size = 0;
    for (int j = 0; j < users; j++) {
      SplittableRandom random = new SplittableRandom(StableHash.hash(seed, 0x5eed_0003, j));
      int n = activity.ratingsOf((int) ((long) j * activity.users() / users));
      popularity.drawDistinct(random, n, ranks, seen, j + 1, keys);
      double[] user = drawUser(random);
      if (size + n > scores.length) {
        scores = Arrays.copyOf(scores, Math.max(2 * scores.length, size + n));
      }
      for (int k = 0; k < n; k++) {
        scores[size++] = score(user, ranks[k], random);
      }
    }
    scores = Arrays.copyOf(scores, size);
    Arrays.sort(scores);
    double[] cuts = new double[Ml32mShape.HALF_STAR_SHARES.length - 1];
    double cumulative = 0;
    for (int k = 0; k < cuts.length; k++) {
      cumulative += Ml32mShape.HALF_STAR_SHARES[k];
      cuts[k] = scores[(int) Math.min(scores.length - 1, Math.round(cumulative * scores.length))];
    }
    return cuts;
  }
}
