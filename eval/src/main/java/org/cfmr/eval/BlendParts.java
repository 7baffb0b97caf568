package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.TrainData;

/**
 * What the blend combines for the rating of train item i by train user u: one value per part,
 *
 * <pre>x_k(u,i) = pred_k(u,i) where part k covers the rating, else fallback_k(u,i)</pre>
 *
 * for the recommenders in their order (user-based kNN, item-based kNN, ALS in the pipeline),
 * and last the baseline {@code b_ui} clipped as the predictions are. All of them are fitted on
 * one train split; u and i must be in it.
 */
public final class BlendParts {
  private final TrainData train;
  private final List<Recommender> recommenders;
  private final Baseline baseline;
  private final Clipping clipping;

  private BlendParts(TrainData train, List<Recommender> recommenders, Baseline baseline,
      Clipping clipping) {
    this.train = train;
    this.recommenders = List.copyOf(recommenders);
    this.baseline = baseline;
    this.clipping = clipping;
  }

  /**
   * The parts {@code recommenders} and {@code baseline}, every one fitted on {@code train};
   * {@code clip} as the recommenders' settings say.
   */
  public static BlendParts of(TrainData train, List<Recommender> recommenders, Baseline baseline,
      boolean clip) {
    for (Recommender recommender : recommenders) {
      if (recommender.train() != train) {
        throw new IllegalArgumentException(recommender.title() + " is fitted on another split");
      }
    }
    return new BlendParts(train, recommenders, baseline, Clipping.of(train, clip));
  }

  public TrainData train() {
    return train;
  }

  /** How many values {@link Scorers#predict} gives: one per recommender and the baseline. */
  public int size() {
    return recommenders.size() + 1;
  }

  /** The parts' names in order: the recommenders' titles, then {@code baseline}. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    recommenders.forEach(recommender -> names.add(recommender.title()));
    names.add("baseline");
    return names;
  }

  /** Scorers for one thread (not thread-safe; reuse them for user after user). */
  Scorers newScorers() {
    return new Scorers();
  }

  /** One thread's scorers of every part, started together for each user. */
  final class Scorers {
    private final Recommender.UserScorers[] parts =
        new Recommender.UserScorers[recommenders.size()];
    private int user;

    private Scorers() {
      for (int k = 0; k < parts.length; k++) {
        parts[k] = recommenders.get(k).newScorers();
      }
    }

    /** Prepares the parts' predictions of train user {@code u}. */
    void startUser(int u) {
      user = u;
      for (Recommender.UserScorers part : parts) {
        part.startUser(u);
      }
    }

    /** Writes {@code x_1(u,i) … x_p(u,i)} of the current user and train item {@code item}. */
    void predict(int item, double[] values) {
      for (int k = 0; k < parts.length; k++) {
        double prediction = parts[k].predict(item);
        values[k] = prediction == prediction ? prediction
            : recommenders.get(k).fallback().of(user, item);
      }
      values[parts.length] = clipping.apply(baseline.predict(user, item));
    }
  }
}
