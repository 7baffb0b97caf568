package org.cfmr.core.predict;

import java.util.Locale;
import org.cfmr.core.Mode;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.UsageException;

/**
 * {@code --predictor}: what the neighbours' ratings are centred on. {@code mean-centred} (the
 * default): the entity's train mean; {@code knn-baseline}: the fitted baseline {@code b_ui}
 * (Koren 2010; Surprise's {@code KNNBaseline}).
 */
public enum Centring {
  MEAN("mean-centred"),
  BASELINE("knn-baseline");

  private final String cliName;

  Centring(String cliName) {
    this.cliName = cliName;
  }

  /** The centre {@code c(u,i)} of {@code mode}'s predictor. */
  public RatingCentre centre(Mode mode, TrainData train, Baseline baseline) {
    if (this == BASELINE) {
      return RatingCentre.baseline(baseline);
    }
    return mode == Mode.USER ? RatingCentre.userMeans(train) : RatingCentre.itemMeans(train);
  }

  public String cliName() {
    return cliName;
  }

  public static Centring parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Centring centring : values()) {
      if (centring.cliName.equals(wanted)) {
        return centring;
      }
    }
    throw new UsageException(
        "unknown predictor '" + name + "' (expected mean-centred or knn-baseline)");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
