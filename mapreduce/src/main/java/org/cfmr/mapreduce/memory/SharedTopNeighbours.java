package org.cfmr.mapreduce.memory;

import java.util.concurrent.atomic.AtomicLongArray;
import org.cfmr.core.Neighbour;
import org.cfmr.core.TopNeighbours;

/**
 * Every entity's {@link TopNeighbours}, offered to by all threads: the engine scores each pair
 * once, from its lower row, and offers it to both ends. Each selector is locked while offered to;
 * most offers are turned away before that by a lock-free look at the similarity of the entity's
 * worst kept neighbour, which only ever rises, so a stale look is merely less selective. The
 * selection does not depend on the order of offers, so the result is the same for any threads.
 */
final class SharedTopNeighbours {
  private final TopNeighbours[] selectors;
  /** {@code Double.doubleToRawLongBits} of each entity's worst kept similarity, or of −∞. */
  private final AtomicLongArray floor;

  SharedTopNeighbours(int entities, int k) {
    selectors = new TopNeighbours[entities];
    floor = new AtomicLongArray(entities);
    long none = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
    for (int e = 0; e < entities; e++) {
      selectors[e] = new TopNeighbours(k);
      floor.set(e, none);
    }
  }

  /** The similarity an offer to {@code entity} must reach (it only ever rises). */
  double floor(int entity) {
    return Double.longBitsToDouble(floor.get(entity));
  }

  /** Offers {@code neighbourId} with {@code similarity} to the entity at index {@code entity}. */
  void offer(int entity, int neighbourId, double similarity) {
    if (similarity < floor(entity)) {
      return;
    }
    TopNeighbours selector = selectors[entity];
    synchronized (selector) {
      selector.offer(neighbourId, similarity);
      Neighbour worst = selector.worstKept();
      if (worst != null) {
        floor.set(entity, Double.doubleToRawLongBits(worst.similarity()));
      }
    }
  }

  /** Adds a thread's own selection for {@code entity}. */
  void offerAll(int entity, TopNeighbours selection) {
    for (Neighbour neighbour : selection.best()) {
      offer(entity, neighbour.id(), neighbour.similarity());
    }
  }

  /** The final selection (call once every offer is made). */
  TopNeighbours of(int entity) {
    return selectors[entity];
  }
}
