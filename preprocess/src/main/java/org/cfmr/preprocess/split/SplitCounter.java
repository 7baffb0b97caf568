package org.cfmr.preprocess.split;

/** The split job's own counters (shown in its report line). */
public enum SplitCounter {
  /** Ratings that parsed (duplicates included). */
  RATINGS_READ,
  TRAIN,
  TEST,
  /** Lines that are not a rating of the format. */
  MALFORMED_LINES,
  /** Lines whose {@code (user, item)} another line also rates: every such line is dropped. */
  DUPLICATE_LINES
}
