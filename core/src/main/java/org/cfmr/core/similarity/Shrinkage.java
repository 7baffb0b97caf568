package org.cfmr.core.similarity;

/**
 * Significance weighting: {@code sim = raw · n / (n + λ)}, where {@code n} is the pair's support.
 * {@code λ = 0} leaves {@code raw} unchanged; the default is 100.
 */
public final class Shrinkage {
  public static final double DEFAULT_LAMBDA = 100;

  private Shrinkage() {}

  public static double apply(double raw, long support, double lambda) {
    return lambda == 0 ? raw : raw * support / (support + lambda);
  }
}
