package org.cfmr.core.io;

import java.util.Arrays;

/**
 * The line on which each {@code (user, item)} pair was first rated, in an open-addressing table
 * of primitive longs (16 bytes a slot, at most half full: ~32 bytes a rating), so that a file's
 * duplicates can be found in one streaming pass even at tens of millions of ratings.
 */
final class FirstLines {
  private static final long EMPTY = -1;

  private long[] keys = new long[1 << 16];
  private long[] lines = new long[1 << 16];
  private int size;

  FirstLines() {
    Arrays.fill(keys, EMPTY);
  }

  /** Records that {@code line} rates the pair; returns the earlier line that did, or -1. */
  long putIfAbsent(int user, int item, long line) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    long key = ((long) user << 32) | (item & 0xffffffffL);
    int slot = slotOf(key, keys);
    if (keys[slot] == key) {
      return lines[slot];
    }
    keys[slot] = key;
    lines[slot] = line;
    size++;
    return -1;
  }

  private static int slotOf(long key, long[] table) {
    int mask = table.length - 1;
    int slot = (int) (org.cfmr.core.StableHash.hash(0, (int) (key >>> 32), (int) key) & mask);
    while (table[slot] != EMPTY && table[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldLines = lines;
    keys = new long[oldKeys.length * 2];
    lines = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slotOf(oldKeys[i], keys);
        keys[slot] = oldKeys[i];
        lines[slot] = oldLines[i];
      }
    }
  }
}
