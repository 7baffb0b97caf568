package org.cfmr.core.factors;

import java.util.Arrays;

/**
 * One side's factor vectors (users' or items'): the ids ascending and their vectors in one flat
 * array, entity {@code e}'s at {@code values[e·rank .. (e+1)·rank)}. Read and written as a
 * {@link FactorFile} ({@code io.FactorFiles}).
 */
public final class Factors {
  private final int rank;
  private final int[] ids;
  private final double[] values;

  /** Wraps {@code ids} (strictly ascending) and their {@code ids.length × rank} values. */
  public Factors(int rank, int[] ids, double[] values) {
    if (values.length != (long) ids.length * rank) {
      throw new IllegalArgumentException(ids.length + " ids need " + ids.length * rank
          + " values, not " + values.length);
    }
    this.rank = rank;
    this.ids = ids;
    this.values = values;
  }

  public int rank() {
    return rank;
  }

  public int size() {
    return ids.length;
  }

  public int id(int index) {
    return ids[index];
  }

  /** The flat array of all vectors (shared, not copied). */
  public double[] values() {
    return values;
  }

  /** The position of {@code id}'s vector (its index times the rank is its offset), or −1. */
  public int indexOf(int id) {
    int at = Arrays.binarySearch(ids, id);
    return at >= 0 ? at : -1;
  }

  /** The dot product of entity {@code index}'s vector with {@code other}'s entity {@code otherIndex}. */
  public double dot(int index, Factors other, int otherIndex) {
    double sum = 0;
    int a = index * rank;
    int b = otherIndex * other.rank;
    for (int f = 0; f < rank; f++) {
      sum += values[a + f] * other.values[b + f];
    }
    return sum;
  }
}
