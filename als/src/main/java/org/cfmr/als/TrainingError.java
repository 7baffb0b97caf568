package org.cfmr.als;

/**
 * The training error of a fit, summed exactly: each row's squared error
 * {@code Σ_j (r_uj − x_u·y_j)²} (in the row's rating order) is rounded once to a fixed-point
 * {@code long} of 2⁻³² units, and those add up exactly in any order — over threads, map tasks
 * or counters — so both engines report the same training RMSE.
 */
public final class TrainingError {
  private static final double UNITS_PER_SQUARED_STAR = 0x1.0p32;

  private TrainingError() {}

  /** Row u's squared error in units, with its vector at {@code x[offset..]}. */
  public static long rowUnits(double[] fixed, int rank, int[] others, int[] halfStars, int from,
      int to, double[] x, int offset) {
    double sum = 0;
    for (int at = from; at < to; at++) {
      int y = others[at] * rank;
      double prediction = 0;
      for (int f = 0; f < rank; f++) {
        prediction += x[offset + f] * fixed[y + f];
      }
      double error = halfStars[at] / 2.0 - prediction;
      sum += error * error;
    }
    return Math.round(sum * UNITS_PER_SQUARED_STAR);
  }

  /** The RMSE of {@code ratings} ratings whose squared errors add up to {@code units}. */
  public static double rmse(long units, long ratings) {
    return Math.sqrt(units / UNITS_PER_SQUARED_STAR / ratings);
  }
}
