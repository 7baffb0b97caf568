package org.cfmr.core.predict;

/**
 * The prediction damped by its support: {@code pred(u,i) · n / (n + β)} with {@code n = |J|}
 * (item-based) or {@code |V|} (user-based) and {@code β = 10}, so that a prediction backed by one
 * neighbour counts for 1/11 of its value and one backed by fifty for five sixths.
 */
public record DampedPredictionScore() implements RankingScore {
  public static final String NAME = "damped-prediction";

  /** {@code β}: the support at which a prediction counts for half its value. */
  public static final int DAMPING = 10;

  @Override
  public String cliName() {
    return NAME;
  }

  @Override
  public double score(Predictor.UserScorer scorer, int candidate) {
    int n = scorer.support(candidate);
    return scorer.predict(candidate) * n / (n + DAMPING);
  }

  @Override
  public String toString() {
    return cliName();
  }
}
