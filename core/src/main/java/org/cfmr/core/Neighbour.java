package org.cfmr.core;

import java.util.Comparator;

/** One neighbour of an entity and its (unrounded) similarity. */
public record Neighbour(int id, double similarity) {

  /** The spec's neighbour order: similarity descending, ties by id ascending. */
  public static final Comparator<Neighbour> BEST_FIRST = (x, y) -> {
    int bySimilarity = Double.compare(y.similarity, x.similarity);
    return bySimilarity != 0 ? bySimilarity : Integer.compare(x.id, y.id);
  };
}
