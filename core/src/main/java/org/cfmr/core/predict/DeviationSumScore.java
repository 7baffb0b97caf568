package org.cfmr.core.predict;

/**
 * The sum of similarities weighted by the rating's deviation from its mean, the centred
 * prediction's numerator without the division: item-based {@code Σ_{j∈J} sim(i,j)·(r_uj − mu_j)},
 * user-based {@code Σ_{v∈V} sim(u,v)·(r_vi − mu_v)}. Evidence that the user liked the
 * neighbours more than others did counts for, evidence that they liked them less against.
 */
public record DeviationSumScore() implements RankingScore {
  public static final String NAME = "deviation-sum";

  @Override
  public String cliName() {
    return NAME;
  }

  @Override
  public double score(Predictor.UserScorer scorer, int candidate) {
    return scorer.covered(candidate) ? scorer.deviationSum(candidate) : Double.NaN;
  }

  @Override
  public String toString() {
    return cliName();
  }
}
