package org.cfmr.eval;

import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.TrainData;

/**
 * The blend's predictions and lists: with the weights {@code w} fitted on the validation ratings
 * ({@link BlendWeights}) and the parts fitted on the whole train split ({@link BlendParts}),
 *
 * <pre>pred(u,i) = w_0 + Σ_{k=1..p} w_k·x_k(u,i)</pre>
 *
 * clipped as the parts' predictions are. It covers every rating whose user and movie are in
 * train; the others are predicted by the fallback, as for the parts. User u's list is every train
 * movie u has not rated, ordered by the unclipped blend (clipped values would tie at the top of
 * the scale), ties by movie id.
 */
public final class BlendRecommender implements Recommender {
  /** The name of the lists' order in tables and JSON. */
  public static final String RANKING = "blend";

  private final BlendParts parts;
  private final BlendWeights weights;
  private final Clipping clipping;
  private final Fallback.Prediction fallback;

  private BlendRecommender(BlendParts parts, BlendWeights weights, Clipping clipping,
      Fallback.Prediction fallback) {
    this.parts = parts;
    this.weights = weights;
    this.clipping = clipping;
    this.fallback = fallback;
  }

  /**
   * The blend of {@code parts} with {@code weights} (of the same parts, in the same order,
   * fitted on validation ratings); clips and falls back as {@code settings} say
   * ({@code baseline} fitted on the parts' train split with {@code settings.baseline()}, or null
   * when its fallback needs none).
   */
  public static BlendRecommender of(BlendParts parts, BlendWeights weights,
      EvaluationSettings settings, Baseline baseline) {
    if (!parts.names().equals(weights.names())) {
      throw new IllegalArgumentException("weights of " + weights.names() + " for the parts "
          + parts.names());
    }
    TrainData train = parts.train();
    Clipping clipping = Clipping.of(train, settings.clip());
    return new BlendRecommender(parts, weights, clipping,
        settings.fallback().of(train, baseline, clipping));
  }

  public BlendWeights weights() {
    return weights;
  }

  @Override
  public TrainData train() {
    return parts.train();
  }

  @Override
  public String title() {
    return "blend";
  }

  @Override
  public Fallback.Prediction fallback() {
    return fallback;
  }

  @Override
  public UserScorers newScorers() {
    return new Scorers();
  }

  /** One thread's scorers: the parts', their values of one rating, and the candidate list. */
  private final class Scorers implements UserScorers {
    private final BlendParts.Scorers partScorers = parts.newScorers();
    private final double[] values = new double[parts.size()];
    private final UnratedItems unrated = new UnratedItems(parts.train());
    private int user;

    @Override
    public void startUser(int u) {
      user = u;
      partScorers.startUser(u);
    }

    @Override
    public double predict(int item) {
      return clipping.apply(blend(item));
    }

    @Override
    public int[] candidates() {
      return unrated.of(user);
    }

    @Override
    public double rankingScore(int candidate) {
      return blend(candidate);
    }

    private double blend(int item) {
      partScorers.predict(item, values);
      return weights.apply(values);
    }
  }
}
