package org.cfmr.eval;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.CfmrException;
import org.cfmr.core.io.RatingsReader;

/**
 * A test split ({@code ratings_test.csv}, header-less CSV) grouped by user in primitive arrays:
 * users ascending, each user's items ascending. Checked against the train split: no duplicate
 * rating, and no (user, item) in both files.
 */
public final class TestRatings {
  private final int[] userIds;
  private final int[] userStart;
  private final int[] items;
  private final int[] halfStars;

  private TestRatings(int[] userIds, int[] userStart, int[] items, int[] halfStars) {
    this.userIds = userIds;
    this.userStart = userStart;
    this.items = items;
    this.halfStars = halfStars;
  }

  /**
   * Reads and checks the test split.
   *
   * @throws CfmrException naming the file and line of a bad, duplicate or train-overlapping rating
   */
  public static TestRatings read(Path file, TrainData train, Configuration conf) {
    try {
      if (!file.getFileSystem(conf).exists(file)) {
        throw new CfmrException("no such test file: " + file);
      }
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
    TrainRatings raw = RatingsReader.readTrain(file, conf);
    TestRatings test = group(raw);
    test.check(file.toString(), raw, train);
    return test;
  }

  /** Groups ratings by user (a counting sort), then sorts each user's (item, rating) keys. */
  static TestRatings group(TrainRatings raw) {
    int[] userIds = Arrays.stream(raw.users, 0, raw.size).distinct().sorted().toArray();
    int[] userStart = new int[userIds.length + 1];
    int[] userOf = new int[raw.size];
    for (int k = 0; k < raw.size; k++) {
      userOf[k] = Arrays.binarySearch(userIds, raw.users[k]);
      userStart[userOf[k] + 1]++;
    }
    for (int g = 0; g < userIds.length; g++) {
      userStart[g + 1] += userStart[g];
    }
    long[] keys = new long[raw.size];
    int[] fill = Arrays.copyOf(userStart, userIds.length);
    for (int k = 0; k < raw.size; k++) {
      keys[fill[userOf[k]]++] = ((long) raw.items[k] << 8) | raw.halfStars[k];
    }
    int[] items = new int[raw.size];
    int[] halfStars = new int[raw.size];
    for (int g = 0; g < userIds.length; g++) {
      Arrays.sort(keys, userStart[g], userStart[g + 1]);
      for (int at = userStart[g]; at < userStart[g + 1]; at++) {
        items[at] = (int) (keys[at] >>> 8);
        halfStars[at] = (int) (keys[at] & 0xff);
      }
    }
    return new TestRatings(userIds, userStart, items, halfStars);
  }

  private void check(String file, TrainRatings raw, TrainData train) {
    for (int g = 0; g < userIds.length; g++) {
      int user = train.userIndex(userIds[g]);
      for (int at = userStart[g]; at < userStart[g + 1]; at++) {
        if (at > userStart[g] && items[at] == items[at - 1]) {
          throw CfmrException.atLine(file, lineOf(raw, userIds[g], items[at], true),
              "duplicate rating of movie " + items[at] + " by user " + userIds[g]);
        }
        int item = train.itemIndex(items[at]);
        if (user >= 0 && item >= 0 && train.rated(user, item)) {
          throw CfmrException.atLine(file, lineOf(raw, userIds[g], items[at], false),
              "user " + userIds[g] + " rated movie " + items[at]
                  + " in the train split too: are these a train and test split of one run?");
        }
      }
    }
  }

  /** The (1-based) line of the first, or with {@code second} the second, rating of (user, item). */
  private static long lineOf(TrainRatings raw, int user, int item, boolean second) {
    boolean seen = false;
    for (int k = 0; k < raw.size; k++) {
      if (raw.users[k] == user && raw.items[k] == item) {
        if (!second || seen) {
          return k + 1L;
        }
        seen = true;
      }
    }
    throw new IllegalStateException("rating not found");
  }

  /** How many test ratings have a user or an item that {@code train} does not have. */
  public long unknownTo(TrainData train) {
    long unknown = 0;
    for (int g = 0; g < userIds.length; g++) {
      boolean userKnown = train.userIndex(userIds[g]) >= 0;
      for (int at = userStart[g]; at < userStart[g + 1]; at++) {
        if (!userKnown || train.itemIndex(items[at]) < 0) {
          unknown++;
        }
      }
    }
    return unknown;
  }

  /** How many users have test ratings. */
  public int users() {
    return userIds.length;
  }

  public int userId(int group) {
    return userIds[group];
  }

  /** User group g's ratings are at {@code [start(g), start(g+1))}. */
  public int start(int group) {
    return userStart[group];
  }

  /** The position of user group g's rating of {@code itemId}, or -1. */
  public int find(int group, int itemId) {
    int at = Arrays.binarySearch(items, userStart[group], userStart[group + 1], itemId);
    return at < 0 ? -1 : at;
  }

  public int itemAt(int position) {
    return items[position];
  }

  public double ratingAt(int position) {
    return halfStars[position] / 2.0;
  }

  public int size() {
    return items.length;
  }
}
