package org.cfmr.core;

import java.util.Arrays;

/**
 * The pivot cap ({@code --max-pivot-ratings N}): a pivot with more than {@code N} ratings (a very
 * popular movie, a very active user) contributes pairs from a seeded sample of {@code N} of them,
 * the {@code N} whose {@link StableHash} of (seed, pivot, entity) is smallest. The sample depends
 * only on the seed and the ids, never on input order. Means are still taken over all ratings.
 */
public final class PivotSampler {
  private PivotSampler() {}

  /**
   * Positions (ascending) of the ratings to keep among {@code entities[0..size)}.
   *
   * @param cap the most to keep; 0 keeps all
   */
  public static int[] keep(long seed, int pivot, int[] entities, int size, int cap) {
    if (cap == 0 || size <= cap) {
      int[] all = new int[size];
      Arrays.setAll(all, i -> i);
      return all;
    }
    long[] hashes = new long[size];
    for (int i = 0; i < size; i++) {
      hashes[i] = StableHash.hash(seed, pivot, entities[i]);
    }
    Integer[] order = new Integer[size];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (x, y) -> {
      int byHash = Long.compareUnsigned(hashes[x], hashes[y]);
      return byHash != 0 ? byHash : Integer.compare(entities[x], entities[y]);
    });
    int[] kept = new int[cap];
    for (int i = 0; i < cap; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    return kept;
  }
}
