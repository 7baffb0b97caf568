package org.cfmr.als;

import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * What an ALS fit is: the rank of the factors, the number of iterations (each solves every item
 * from the users' factors, then every user from the items'), the regularisation λ (weighted by
 * each row's number of ratings, ALS-WR) and the seed of the users' initial factors.
 */
public record AlsSettings(int rank, int iterations, double reg, long seed) {
  public static final int DEFAULT_RANK = 64;
  public static final int DEFAULT_ITERATIONS = 10;
  public static final double DEFAULT_REG = 0.08;
  public static final long DEFAULT_SEED = 42;
  /** Past this a row's normal equations (rank² doubles per thread) stop being small. */
  public static final int MAX_RANK = 1000;

  private static final String RANK = "cfmr.als.rank";
  private static final String ITERATIONS = "cfmr.als.iterations";
  private static final String REG = "cfmr.als.reg";
  private static final String SEED = "cfmr.als.seed";

  /**
   * @throws IllegalArgumentException naming the option when a value is out of range
   */
  public AlsSettings {
    if (rank < 1 || rank > MAX_RANK) {
      throw new IllegalArgumentException("--rank must be 1.." + MAX_RANK + ", not " + rank);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("--iterations must be >= 1, not " + iterations);
    }
    if (!(reg > 0) || Double.isInfinite(reg)) {
      throw new IllegalArgumentException("--reg must be a positive number, not " + reg);
    }
  }

  public static AlsSettings defaults() {
    return new AlsSettings(DEFAULT_RANK, DEFAULT_ITERATIONS, DEFAULT_REG, DEFAULT_SEED);
  }

  /** One line for logs and reports, e.g. {@code rank=64 iterations=10 reg=0.08 seed=42}. */
  public String describe() {
    return String.format(Locale.ROOT, "rank=%d iterations=%d reg=%s seed=%d", rank, iterations,
        reg, seed);
  }

  /** Puts the settings into a job's configuration (read back by {@link #readFrom}). */
  public void writeTo(Configuration conf) {
    conf.setInt(RANK, rank);
    conf.setInt(ITERATIONS, iterations);
    conf.set(REG, Double.toHexString(reg));
    conf.setLong(SEED, seed);
  }

  public static AlsSettings readFrom(Configuration conf) {
    return new AlsSettings(conf.getInt(RANK, DEFAULT_RANK),
        conf.getInt(ITERATIONS, DEFAULT_ITERATIONS), Double.parseDouble(conf.get(REG)),
        conf.getLong(SEED, DEFAULT_SEED));
  }
}
