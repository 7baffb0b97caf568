package org.cfmr.core.predict;

/**
 * The sum of similarities (LensKit's implicit item–item score): item-based
 * {@code Σ_{j∈J} sim(i,j)} over the user's rated items among i's neighbours, user-based
 * {@code Σ_{v∈V} sim(u,v)} over the neighbours who rated i. Unlike {@code pred(u,i)} it grows
 * with the evidence, so a movie backed by forty neighbours outranks one backed by a single weak
 * one. Summed exactly (the file's six-decimal similarities in millionths), so ties are exact.
 */
public record SimilaritySumScore() implements RankingScore {
  public static final String NAME = "similarity-sum";

  @Override
  public String cliName() {
    return NAME;
  }

  @Override
  public double score(Predictor.UserScorer scorer, int candidate) {
    return scorer.covered(candidate) ? scorer.similaritySum(candidate) : Double.NaN;
  }

  @Override
  public String toString() {
    return cliName();
  }
}
