package org.cfmr.eval;

import java.util.Arrays;
import org.cfmr.core.predict.TrainData;

/**
 * The trivial list neighbours must beat: for each test user with a relevant rating, the train
 * items the user has not rated in train (every train item, for a user without train ratings),
 * ordered by their number of train ratings descending, ties by item id ascending; its first N.
 */
public final class PopularityBaseline {
  /** The key of its row in {@code metrics.json} and its label in tables. */
  public static final String NAME = "popularity";

  private PopularityBaseline() {}

  /** Its top-N figures over {@code test}, with the modes' protocol. */
  public static TopNResult evaluate(TrainData train, TestRatings test, int topN,
      double relevantFrom) {
    int[] byPopularity = byPopularity(train);
    double precision = 0;
    double recall = 0;
    double ndcg = 0;
    int ranked = 0;
    for (int group = 0; group < test.users(); group++) {
      int relevant = TopNMetrics.relevant(test, group, relevantFrom);
      if (relevant > 0) {
        int user = train.userIndex(test.userId(group));
        TopNMetrics.UserFigures figures = TopNMetrics.of(test, group,
            list(train, user, byPopularity, topN), topN, relevantFrom, relevant);
        precision += figures.precision();
        recall += figures.recall();
        ndcg += figures.ndcg();
        ranked++;
      }
    }
    return new TopNResult(NAME, topN, relevantFrom, precision / ranked, recall / ranked,
        ndcg / ranked, ranked);
  }

  /** Every train item (dense index; ascending index is ascending id), most rated first. */
  private static int[] byPopularity(TrainData train) {
    long[] keys = new long[train.items()];
    for (int item = 0; item < keys.length; item++) {
      keys[item] = ((long) (Integer.MAX_VALUE - train.itemRatings(item)) << 32) | item;
    }
    Arrays.sort(keys);
    int[] items = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      items[k] = (int) keys[k];
    }
    return items;
  }

  /** The ids of the first {@code n} items of {@code byPopularity} that {@code user} (or -1) did not rate. */
  private static int[] list(TrainData train, int user, int[] byPopularity, int n) {
    int[] ids = new int[Math.min(n, byPopularity.length)];
    int size = 0;
    for (int k = 0; k < byPopularity.length && size < ids.length; k++) {
      if (user < 0 || !train.rated(user, byPopularity[k])) {
        ids[size++] = train.itemId(byPopularity[k]);
      }
    }
    return Arrays.copyOf(ids, size);
  }
}
