package org.cfmr.core.runtime;

/**
 * The names of the files in a pipeline's output folder: what {@code cfmr pipeline} writes and
 * what {@code cfmr evaluate}, {@code cfmr load-mysql} and {@code cfmr serve} find there.
 */
public final class PipelineFiles {
  /** Header-less {@code userId,movieId,rating,timestamp}: the split. */
  public static final String TRAIN = "ratings_train.csv";
  public static final String TEST = "ratings_test.csv";
  /** {@code id<TAB>n1:s1,...}: the neighbour files. */
  public static final String USER_NEIGHBOURS = "user_topk_neighbors.txt";
  public static final String ITEM_NEIGHBOURS = "item_topk_neighbors.txt";
  /** Header-less {@code userId,movieId,prediction}, best first per user: recommendations. */
  public static final String USER_BASED_RECOMMENDATIONS = "recommendations_user_based.csv";
  public static final String ITEM_BASED_RECOMMENDATIONS = "recommendations_item_based.csv";
  /** The evaluator's figures, one JSON object per mode (see {@code cfmr evaluate --json}). */
  public static final String METRICS = "metrics.json";
  /** What the run was: its input, dataset folder and settings, as JSON. */
  public static final String RUN = "run.json";

  private PipelineFiles() {}
}
