package org.cfmr.core.predict;

/**
 * Clips predictions to the train rating range {@code [min, max]}; on by default, off with
 * {@code --no-clip} ({@link #NONE}).
 */
public record Clipping(double min, double max) {
  /** No clipping. */
  public static final Clipping NONE =
      new Clipping(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  /** The train range, or {@link #NONE} when {@code clip} is false. */
  public static Clipping of(TrainData train, boolean clip) {
    return clip ? new Clipping(train.minRating(), train.maxRating()) : NONE;
  }

  public double apply(double prediction) {
    return Math.max(min, Math.min(max, prediction));
  }
}
