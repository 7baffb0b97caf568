package org.cfmr.core.predict;

import java.util.Locale;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.UsageException;

/**
 * {@code --fallback}: what the "all ratings" figures predict for a test rating the neighbours do
 * not cover. {@code baseline} (the default): the fitted {@code b_ui}, clipped as the predictions
 * are; {@code user-mean}: {@code mu_u}, or {@code mu} for a user without train ratings.
 */
public enum Fallback {
  BASELINE("baseline", "fallback b_ui"),
  USER_MEAN("user-mean", "fallback mu_u, else mu");

  private final String cliName;
  private final String describe;

  Fallback(String cliName, String describe) {
    this.cliName = cliName;
    this.describe = describe;
  }

  /** A fallback prediction for dense train indices, -1 standing for "not in train". */
  @FunctionalInterface
  public interface Prediction {
    double of(int user, int item);
  }

  /** This fallback over {@code train} ({@code baseline} may be null for {@link #USER_MEAN}). */
  public Prediction of(TrainData train, Baseline baseline, Clipping clipping) {
    if (this == BASELINE) {
      return (user, item) -> clipping.apply(baseline.predict(user, item));
    }
    return (user, item) -> user >= 0 ? train.userMean(user) : train.globalMean();
  }

  /** e.g. {@code fallback b_ui}, as the report's "all ratings" line states it. */
  public String describe() {
    return describe;
  }

  public String cliName() {
    return cliName;
  }

  public static Fallback parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Fallback fallback : values()) {
      if (fallback.cliName.equals(wanted)) {
        return fallback;
      }
    }
    throw new UsageException(
        "unknown fallback '" + name + "' (expected baseline or user-mean)");
  }
}
