package org.cfmr.preprocess.synth;

/**
 * The published shape of MovieLens 32M that {@code cfmr synth} is calibrated to (GroupLens ml-32m
 * README, LensKit's data codex; see {@code shared/spec/ML32M-SHAPE.md}).
 */
final class Ml32mShape {
  static final long RATINGS = 32_000_204L;
  static final int USERS = 200_948;
  static final int MOVIES = 87_585;
  static final int MIN_RATINGS_PER_USER = 20;
  /** Users' activity: scipy {@code lognorm(s=1.587, loc=18.986, scale=48.172)}. */
  static final double ACTIVITY_SIGMA = 1.587;
  static final double ACTIVITY_LOC = 18.986;
  static final double ACTIVITY_SCALE = 48.172;
  /** The most ratings one user gives (ml-25m: 32,202; ml-32m is not published). */
  static final int MAX_RATINGS_PER_USER = 33_000;
  /** 1995-01-09 00:00 UTC and 2023-10-13 23:59:59 UTC, in seconds. */
  static final long FIRST_TIMESTAMP = 789_609_600L;
  static final long LAST_TIMESTAMP = 1_697_241_599L;
  /** Share of each half-star value 0.5, 1.0, ..., 5.0 (measured on ml-latest-small). */
  static final double[] HALF_STAR_SHARES =
      {0.014, 0.028, 0.018, 0.075, 0.055, 0.199, 0.130, 0.266, 0.085, 0.131};

  private Ml32mShape() {}
}
