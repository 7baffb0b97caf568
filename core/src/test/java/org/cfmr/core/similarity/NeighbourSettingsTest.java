package org.cfmr.core.similarity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NeighbourSettingsTest {
  private final NeighbourSettings pearson = NeighbourSettings.defaults();

  @Test
  void theDefaultRankingNeighboursShareThePredictionNeighboursSums() {
    assertTrue(pearson.sharesPairSums(pearson.forRanking()));
    assertTrue(pearson.withMeasure(Similarity.PEARSON_BASELINE).sharesPairSums(pearson.forRanking()),
        "co-occurrence reads the support, which the residual sums hold too");
  }

  @Test
  void measuresOfTheSameValuesShareWhateverTheirShrinkOrSupport() {
    assertTrue(pearson.sharesPairSums(pearson.withMeasure(Similarity.COSINE).withShrink(0)
        .withMinCommon(1).withK(10)));
  }

  @Test
  void measuresOfOtherValuesDoNotShare() {
    assertFalse(pearson.sharesPairSums(pearson.withMeasure(Similarity.ADJUSTED_COSINE)));
    assertFalse(pearson.forRanking().sharesPairSums(pearson.withMeasure(Similarity.PEARSON_BASELINE)),
        "the residuals are not in the half-star sums");
  }

  @Test
  void anotherPivotCapOrSampleSeedDoesNotShare() {
    NeighbourSettings capped = pearson.withMaxPivotRatings(1000);
    assertFalse(pearson.sharesPairSums(capped.forRanking()));
    assertTrue(capped.sharesPairSums(capped.forRanking()));
    NeighbourSettings otherSeed = new NeighbourSettings(Similarity.COOCCURRENCE, 0, 1, 0, 50,
        1000, 7);
    assertFalse(capped.sharesPairSums(otherSeed));
    assertTrue(pearson.sharesPairSums(new NeighbourSettings(Similarity.COOCCURRENCE, 0, 1, 0, 50,
        0, 7)), "the seed matters only with a cap");
  }
}
