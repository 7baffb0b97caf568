package org.cfmr.core.baseline;

import org.cfmr.core.UsageException;

/**
 * How the baseline {@code b_ui = μ + b_u + b_i} is fitted: the regularisation of the user biases
 * {@code λ_u} and of the item biases {@code λ_i} (default 5 each: the best of a sweep over 2–25 on
 * ml-latest-small and ml-100k; Surprise's {@code BaselineOnly} uses 15 and 10), and the number of
 * alternating sweeps (default 10), as Surprise's ALS baseline.
 */
public record BaselineSettings(double userRegularisation, double itemRegularisation,
    int epochs) {
  /** The defaults as the commands' options spell them. */
  public static final String DEFAULT_USER_REGULARISATION = "5";
  public static final String DEFAULT_ITEM_REGULARISATION = "5";
  public static final String DEFAULT_EPOCHS = "10";

  public static final BaselineSettings DEFAULTS = new BaselineSettings(
      Double.parseDouble(DEFAULT_USER_REGULARISATION),
      Double.parseDouble(DEFAULT_ITEM_REGULARISATION), Integer.parseInt(DEFAULT_EPOCHS));

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
