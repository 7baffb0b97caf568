package org.cfmr.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The neighbour selector: keeps the {@code K} best of the candidates offered, in the spec's order
 * ({@link Neighbour#BEST_FIRST}). Because that order is total, the result does not depend on the
 * order of the offers, so partial selections may be merged (a combiner may prune to top-K).
 *
 * <p>A binary heap over two primitive arrays, worst kept at the root: an offer makes no object,
 * and one worse than the worst kept costs a single comparison.
 */
public final class TopNeighbours {
  private final int k;
  private int[] ids;
  private double[] similarities;
  private int size;

  public TopNeighbours(int k) {
    this.k = k;
    int capacity = Math.min(k, 1024);
    this.ids = new int[capacity];
    this.similarities = new double[capacity];
  }

  public void offer(int id, double similarity) {
    if (size < k) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, 2 * size);
        similarities = Arrays.copyOf(similarities, 2 * size);
      }
      ids[size] = id;
      similarities[size] = similarity;
      siftUp(size++);
    } else if (size > 0 && better(id, similarity, ids[0], similarities[0])) {
      ids[0] = id;
      similarities[0] = similarity;
      siftDown(0);
    }
  }

  public void offer(Neighbour candidate) {
    offer(candidate.id(), candidate.similarity());
  }

  /** The worst of the kept once {@code K} are kept (a candidate must beat it), else null. */
  public Neighbour worstKept() {
    return size < k ? null : new Neighbour(ids[0], similarities[0]);
  }

  /** The similarity a candidate must reach: the worst kept's once K are kept, else −∞. */
  public double worstSimilarity() {
    return size < k ? Double.NEGATIVE_INFINITY : similarities[0];
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The kept neighbours, best first. */
  public List<Neighbour> best() {
    List<Neighbour> sorted = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      sorted.add(new Neighbour(ids[i], similarities[i]));
    }
    sorted.sort(Neighbour.BEST_FIRST);
    return sorted;
  }

  private void siftUp(int at) {
    int id = ids[at];
    double similarity = similarities[at];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!better(ids[parent], similarities[parent], id, similarity)) {
        break;
      }
      move(parent, at);
      at = parent;
    }
    ids[at] = id;
    similarities[at] = similarity;
  }

  private void siftDown(int at) {
    int id = ids[at];
    double similarity = similarities[at];
    for (int child = 2 * at + 1; child < size; child = 2 * at + 1) {
      if (child + 1 < size
          && better(ids[child], similarities[child], ids[child + 1], similarities[child + 1])) {
        child++;
      }
      if (!better(id, similarity, ids[child], similarities[child])) {
        break;
      }
      move(child, at);
      at = child;
    }
    ids[at] = id;
    similarities[at] = similarity;
  }

  /** Whether {@code (id, similarity)} comes before {@code (otherId, other)} in the spec's order. */
  private static boolean better(int id, double similarity, int otherId, double other) {
    int bySimilarity = Double.compare(similarity, other);
    return bySimilarity > 0 || bySimilarity == 0 && id < otherId;
  }

  private void move(int from, int to) {
    ids[to] = ids[from];
    similarities[to] = similarities[from];
  }
}
