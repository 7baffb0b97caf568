package org.cfmr.core;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The neighbour selector: keeps the {@code K} best of the candidates offered, in the spec's order
 * ({@link Neighbour#BEST_FIRST}). Because that order is total, the result does not depend on the
 * order of the offers, so partial selections may be merged (a combiner may prune to top-K).
 */
public final class TopNeighbours {
  private final int k;
  /** Worst of the kept at the head. */
  private final PriorityQueue<Neighbour> kept;

  public TopNeighbours(int k) {
    this.k = k;
    this.kept = new PriorityQueue<>(Math.min(k, 1024) + 1, Neighbour.BEST_FIRST.reversed());
  }

  public void offer(int id, double similarity) {
    if (kept.size() == k && similarity < kept.peek().similarity()) {
      return; // worse than the worst kept whatever the id: no need to build the candidate
    }
    offer(new Neighbour(id, similarity));
  }

  public void offer(Neighbour candidate) {
    if (kept.size() < k) {
      kept.add(candidate);
    } else if (Neighbour.BEST_FIRST.compare(candidate, kept.peek()) < 0) {
      kept.poll();
      kept.add(candidate);
    }
  }

  /** The worst of the kept once {@code K} are kept (a candidate must beat it), else null. */
  public Neighbour worstKept() {
    return kept.size() < k ? null : kept.peek();
  }

  public boolean isEmpty() {
    return kept.isEmpty();
  }

  /** The kept neighbours, best first. */
  public List<Neighbour> best() {
    List<Neighbour> sorted = new ArrayList<>(kept);
    sorted.sort(Neighbour.BEST_FIRST);
    return sorted;
  }
}
