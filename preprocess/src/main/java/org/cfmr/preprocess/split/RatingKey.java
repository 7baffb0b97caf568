package org.cfmr.preprocess.split;

/**
 * A {@code (user, item)} pair packed in one non-negative long ({@code user << 32 | item}), so that
 * Hadoop's plain {@code LongWritable} sort orders the shuffle by user, then item.
 */
public final class RatingKey {
  private RatingKey() {}

  public static long pack(int user, int item) {
    return ((long) user << 32) | item;
  }

  public static int user(long key) {
    return (int) (key >>> 32);
  }

  public static int item(long key) {
    return (int) key;
  }
}
