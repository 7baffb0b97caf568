package org.cfmr.core.runtime;

import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.Mode;

/**
 * What a neighbour file is for. The spec's files ({@code user_topk_neighbors.txt},
 * {@code item_topk_neighbors.txt}) serve rating prediction; a pipeline also writes ranking files,
 * whose measure suits top-N lists (co-occurrence cosine, which ignores the rating values) and
 * orders the recommendations while the prediction files predict their ratings.
 */
public enum NeighbourRole {
  PREDICTION,
  RANKING;

  /** The file of {@code mode}'s neighbours in this role, e.g. {@code item_ranking_neighbors.txt}. */
  public String fileName(Mode mode) {
    if (this == PREDICTION) {
      return mode == Mode.USER ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS;
    }
    return mode == Mode.USER ? PipelineFiles.USER_RANKING_NEIGHBOURS
        : PipelineFiles.ITEM_RANKING_NEIGHBOURS;
  }
}
