package org.cfmr.eval;

import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.factors.Factors;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.CfmrException;
import org.cfmr.core.io.FactorFiles;

/**
 * ALS's predictions and lists from its factor files: {@code pred(u,i) = x_u·y_i}, clipped as the
 * kNN predictions are; user u's list is every train movie u has not rated, ordered by the
 * unclipped {@code x_u·y_i} (clipped values would tie at the top of the scale), ties by movie
 * id. Every train user and movie must have factors (an ALS fit of the train split gives each
 * one), so the only ratings it does not cover are those of users or movies absent from train.
 */
public final class FactorRecommender implements Recommender {
  /** The name of the lists' order in tables and JSON. */
  public static final String RANKING = "dot-product";

  private final TrainData train;
  private final Factors users;
  private final Factors items;
  /** Per train user (item) index, the row of its vector in {@link #users} ({@link #items}). */
  private final int[] userRows;
  private final int[] itemRows;
  private final Clipping clipping;
  private final Fallback.Prediction fallback;

  private FactorRecommender(TrainData train, Factors users, Factors items, int[] userRows,
      int[] itemRows, Clipping clipping, Fallback.Prediction fallback) {
    this.train = train;
    this.users = users;
    this.items = items;
    this.userRows = userRows;
    this.itemRows = itemRows;
    this.clipping = clipping;
    this.fallback = fallback;
  }

  /**
   * Reads both factor files, which must have one rank and a vector for every train user (resp.
   * movie); clips and falls back as {@code settings} say ({@code baseline} fitted with
   * {@code settings.baseline()}, or null when its fallback needs none).
   *
   * @throws CfmrException naming the file: missing, malformed, of another rank than the user
   *     file, or without the vector of some train user or movie
   */
  public static FactorRecommender read(TrainData train, Path userFile, Path itemFile,
      EvaluationSettings settings, Baseline baseline, Configuration conf) {
    Factors users = FactorFiles.read(userFile, 0, conf);
    Factors items = FactorFiles.read(itemFile, users.rank(), conf);
    return of(train, users, items, userFile.toString(), itemFile.toString(), settings, baseline);
  }

  /**
   * The recommender over factors in memory (an ALS fit of {@code train}), as {@link #read} makes
   * it from their files.
   */
  public static FactorRecommender of(TrainData train, Factors users, Factors items,
      EvaluationSettings settings, Baseline baseline) {
    return of(train, users, items, "the user factors", "the item factors", settings, baseline);
  }

  private static FactorRecommender of(TrainData train, Factors users, Factors items,
      String userSource, String itemSource, EvaluationSettings settings, Baseline baseline) {
    Clipping clipping = Clipping.of(train, settings.clip());
    return new FactorRecommender(train, users, items,
        rows(users, train.userIds(), userSource, "users"),
        rows(items, train.itemIds(), itemSource, "movies"), clipping,
        settings.fallback().of(train, baseline, clipping));
  }

  /** The row of each id's vector; {@code source} names the factors in the error. */
  private static int[] rows(Factors factors, int[] ids, String source, String what) {
    int[] rows = new int[ids.length];
    int missing = 0;
    int first = -1;
    for (int k = 0; k < ids.length; k++) {
      rows[k] = factors.indexOf(ids[k]);
      if (rows[k] < 0 && missing++ == 0) {
        first = ids[k];
      }
    }
    if (missing > 0) {
      throw new CfmrException(String.format(Locale.ROOT, "%s: no factors for %,d of the %,d "
          + "train %s (the first: %d): were they fitted on this train split?", source, missing,
          ids.length, what, first));
    }
    return rows;
  }

  public int rank() {
    return users.rank();
  }

  @Override
  public TrainData train() {
    return train;
  }

  @Override
  public String title() {
    return "ALS";
  }

  @Override
  public Fallback.Prediction fallback() {
    return fallback;
  }

  @Override
  public UserScorers newScorers() {
    return new Scorers();
  }

  /** One thread's scorer: the current user's row, and the candidate list reused user after user. */
  private final class Scorers implements UserScorers {
    private final UnratedItems unrated = new UnratedItems(train);
    private int userRow;
    private int user;

    @Override
    public void startUser(int u) {
      user = u;
      userRow = userRows[u];
    }

    @Override
    public double predict(int item) {
      return clipping.apply(dot(item));
    }

    @Override
    public int[] candidates() {
      return unrated.of(user);
    }

    @Override
    public double rankingScore(int candidate) {
      return dot(candidate);
    }

    private double dot(int item) {
      return users.dot(userRow, items, itemRows[item]);
    }
  }
}
