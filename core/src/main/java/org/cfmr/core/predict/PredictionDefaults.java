package org.cfmr.core.predict;

/**
 * The defaults of the prediction options ({@code --predictor}, {@code --damping},
 * {@code --fallback}) as the commands spell them: predictions centred on the fitted baseline
 * {@code b_ui} with a damping of 1 (the most accurate of the predictors, dampings and baseline λs
 * swept on ml-latest-small and ml-100k), the baseline as the fallback. The dashboard's live lists
 * predict with them for a run that recorded no settings of its own.
 */
public final class PredictionDefaults {
  public static final String PREDICTOR = "knn-baseline";
  public static final String DAMPING = "1";
  public static final String FALLBACK = "baseline";

  private PredictionDefaults() {}
}
