package org.cfmr.mapreduce;

import java.util.List;
import org.cfmr.core.runtime.PipelineFiles;

/** Which neighbour files to compute ({@code --mode}): user–user, item–item, or both (the default). */
public enum Mode {
  USER,
  ITEM,
  BOTH;

  /** The single modes this one stands for, user before item. */
  public List<Mode> singles() {
    return this == BOTH ? List.of(USER, ITEM) : List.of(this);
  }

  /** Whether users are the entities whose neighbours are sought (a single mode only). */
  public boolean usersAreEntities() {
    return single() == USER;
  }

  /** The file a single mode writes: {@code user_topk_neighbors.txt} or {@code item_topk_neighbors.txt}. */
  public String fileName() {
    return single() == USER ? PipelineFiles.USER_NEIGHBOURS : PipelineFiles.ITEM_NEIGHBOURS;
  }

  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  private Mode single() {
    if (this == BOTH) {
      throw new IllegalStateException("BOTH is not a single mode");
    }
    return this;
  }
}
