package org.cfmr.core.baseline;

import org.cfmr.core.runtime.UsageException;

/**
 * How the baseline {@code b_ui = μ + b_u + b_i} is fitted: the regularisation of the user biases
 * {@code λ_u} (default 15) and of the item biases {@code λ_i} (default 10), and the number of
 * alternating sweeps (default 10), as Surprise's ALS baseline.
 */
public record BaselineSettings(double userRegularisation, double itemRegularisation,
    int epochs) {
  public static final BaselineSettings DEFAULTS = new BaselineSettings(15, 10, 10);

  public BaselineSettings {
    if (!(userRegularisation >= 0) || Double.isInfinite(userRegularisation)) {
      throw new UsageException(
          "--baseline-reg-user must be a number >= 0, not " + userRegularisation);
    }
    if (!(itemRegularisation >= 0) || Double.isInfinite(itemRegularisation)) {
      throw new UsageException(
          "--baseline-reg-item must be a number >= 0, not " + itemRegularisation);
    }
    if (epochs < 1) {
      throw new UsageException("--baseline-epochs must be >= 1, not " + epochs);
    }
  }

  /** e.g. {@code λu=15 λi=10 epochs=10}. */
  public String describe() {
    return "λu=" + plain(userRegularisation) + " λi=" + plain(itemRegularisation)
        + " epochs=" + epochs;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
