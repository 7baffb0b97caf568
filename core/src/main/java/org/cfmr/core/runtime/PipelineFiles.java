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
  /** The same format: the neighbours that order the top-N lists ({@code NeighbourRole#RANKING}). */
  public static final String USER_RANKING_NEIGHBOURS = "user_ranking_neighbors.txt";
  public static final String ITEM_RANKING_NEIGHBOURS = "item_ranking_neighbors.txt";
  /** {@code id<TAB>f1,f2,...}: an ALS fit's factor files ({@code FactorFile}). */
  public static final String USER_FACTORS = "user_factors.txt";
  public static final String ITEM_FACTORS = "item_factors.txt";
  /** An ALS fit's settings, counts and training RMSE per iteration, as JSON. */
  public static final String ALS_REPORT = "als.json";
  /** Header-less {@code userId,movieId,prediction}, best first per user: recommendations. */
  public static final String USER_BASED_RECOMMENDATIONS = "recommendations_user_based.csv";
  public static final String ITEM_BASED_RECOMMENDATIONS = "recommendations_item_based.csv";
  /** The same format: ALS's recommendations, ordered by {@code x_u·y_i}. */
  public static final String ALS_RECOMMENDATIONS = "recommendations_als.csv";
  /** The evaluator's figures, one JSON object per mode (see {@code cfmr evaluate --json}). */
  public static final String METRICS = "metrics.json";
  /** The run as one self-contained page: settings, metrics, charts, stages, files. */
  public static final String REPORT = "report.html";
  /** What the run was: its input, dataset folder and settings, as JSON. */
  public static final String RUN = "run.json";

  private PipelineFiles() {}
}
