package org.cfmr.core.predict;

/**
 * The spec's order: the (clipped) prediction {@code pred(u,i)} itself. Clipped predictions tie
 * at the top of the scale and are then ordered by item id.
 */
public record PredictionScore() implements RankingScore {
  public static final String NAME = "prediction";

  @Override
  public String cliName() {
    return NAME;
  }

  @Override
  public double score(Predictor.UserScorer scorer, int candidate) {
    return scorer.predict(candidate);
  }

  @Override
  public String toString() {
    return cliName();
  }
}
