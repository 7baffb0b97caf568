package org.cfmr.core.predict;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What orders a user's top-N list, separately from the rating prediction {@code pred(u,i)}
 * (which RMSE and MAE measure and the recommendations file prints). Every score ranks the same
 * candidates, the covered ones of {@link Predictor.UserScorer#candidates()}; the list is ordered
 * by score descending, ties by item id ascending. {@code --ranking NAME} picks one.
 */
public sealed interface RankingScore
    permits SimilaritySumScore, DeviationSumScore, DampedPredictionScore, PredictionScore {
  /** The default, chosen by measuring nDCG@10 on ml-latest-small and ml-100k (README). */
  RankingScore DEFAULT = new SimilaritySumScore();

  /** {@link #DEFAULT}'s name, for the commands' option defaults. */
  String DEFAULT_NAME = SimilaritySumScore.NAME;

  /** Every score, in the order of the option's help. */
  List<RankingScore> ALL = List.of(new SimilaritySumScore(), new DeviationSumScore(),
      new DampedPredictionScore(), new PredictionScore());

  /** The name of {@code --ranking}. */
  String cliName();

  /**
   * The score of a candidate of the scorer's current user (after its
   * {@link Predictor.UserScorer#candidates()}), or NaN when the candidate is not covered.
   */
  double score(Predictor.UserScorer scorer, int candidate);

  static RankingScore parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (RankingScore score : ALL) {
      if (score.cliName().equals(wanted)) {
        return score;
      }
    }
    throw new IllegalArgumentException("unknown ranking '" + name + "' (expected "
        + ALL.stream().map(RankingScore::cliName).collect(Collectors.joining(", ")) + ")");
  }
}
