package org.cfmr.core.predict;

import java.util.Arrays;

/**
 * One thread's list of the current user's candidates, collected from a dense evidence array
 * after a scatter: the entries with evidence that the user has not rated, ascending. Collecting
 * zeroes the rated entries; {@link #clear} zeroes the listed ones, so the array is all zeros
 * again before the next user's scatter without a second pass over it.
 */
final class CandidateList {
  private final int[] items;
  private int size;

  CandidateList(int capacity) {
    items = new int[capacity];
  }

  /** Zeroes the evidence of the listed candidates and empties the list. */
  void clear(long[] evidence) {
    for (int k = 0; k < size; k++) {
      evidence[items[k]] = 0;
    }
    size = 0;
  }

  /**
   * Lists the items with evidence that {@code user} did not rate in {@code train}, ascending, after
   * zeroing the rated ones' evidence. The scan writes every index and advances by whether its
   * evidence is non-zero, without a branch to mispredict.
   */
  int[] collect(long[] evidence, TrainData train, int user) {
    for (int at = train.userStart(user); at < train.userStart(user + 1); at++) {
      evidence[train.itemAt(at)] = 0;
    }
    size = 0;
    for (int item = 0; item < evidence.length; item++) {
      long packed = evidence[item];
      items[size] = item;
      size += (int) ((packed | -packed) >>> 63);
    }
    return Arrays.copyOf(items, size);
  }
}
