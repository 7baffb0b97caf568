package org.cfmr.core.predict;

import java.util.Arrays;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.ratings.TrainRatings;

/**
 * What the predictors need from the train split, in primitive arrays: the user × item matrix
 * (CSR by user, CSC by item, ids mapped to dense indices in ascending id order), each row's half
 * stars, the means {@code mu_u}, {@code mu_i}, {@code mu} and the rating range. About 28 bytes
 * per rating.
 */
public final class TrainData {
  private final RatingMatrix matrix;
  private final int[] rowHalfStars;
  private final double[] userMean;
  private final double[] itemMean;
  private final double globalMean;
  private final int minHalfStars;
  private final int maxHalfStars;

  private TrainData(RatingMatrix matrix) {
    this.matrix = matrix;
    this.rowHalfStars = rowHalfStars(matrix);
    this.userMean = means(matrix.rowTotals());
    this.itemMean = new double[matrix.columns()];
    long sum = 0;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int c = 0; c < itemMean.length; c++) {
      itemMean[c] = matrix.columnTotals(c).mean();
    }
    for (int h : matrix.columnHalfStars) {
      sum += h;
      min = Math.min(min, h);
      max = Math.max(max, h);
    }
    this.globalMean = sum / (2.0 * matrix.columnHalfStars.length);
    this.minHalfStars = min;
    this.maxHalfStars = max;
  }

  public static TrainData of(TrainRatings ratings) {
    return new TrainData(ratings.matrix(true));
  }

  /** The dense index of user {@code id}, or -1 when the user has no train ratings. */
  public int userIndex(int id) {
    int index = Arrays.binarySearch(matrix.rowIds, id);
    return index < 0 ? -1 : index;
  }

  /** The dense index of item {@code id}, or -1 when the item has no train ratings. */
  public int itemIndex(int id) {
    int index = Arrays.binarySearch(matrix.columnIds, id);
    return index < 0 ? -1 : index;
  }

  public int userId(int index) {
    return matrix.rowIds[index];
  }

  public int itemId(int index) {
    return matrix.columnIds[index];
  }

  /** The train users' ids, ascending (do not modify). */
  public int[] userIds() {
    return matrix.rowIds;
  }

  /** The train items' ids, ascending (do not modify). */
  public int[] itemIds() {
    return matrix.columnIds;
  }

  public int users() {
    return matrix.rows();
  }

  public int items() {
    return matrix.columns();
  }

  public long ratings() {
    return matrix.columnHalfStars.length;
  }

  /** User u's ratings are at {@code [userStart(u), userStart(u+1))} of {@link #itemAt}/{@link #ratingAt}. */
  public int userStart(int user) {
    return matrix.rowStart[user];
  }

  /** The item (dense index) of a user's rating at {@code position}; items ascend within a user. */
  public int itemAt(int position) {
    return matrix.rowColumn[position];
  }

  /** The rating (stars) of a user's rating at {@code position}. */
  public double ratingAt(int position) {
    return rowHalfStars[position] / 2.0;
  }

  /** The half stars of a user's rating at {@code position}. */
  public int halfStarsAt(int position) {
    return rowHalfStars[position];
  }

  /** Item i's ratings are at {@code [itemStart(i), itemStart(i+1))} of {@link #raterAt}/{@link #itemHalfStarsAt}. */
  public int itemStart(int item) {
    return matrix.columnStart[item];
  }

  /** The user (dense index) of an item's rating at {@code position}; users ascend within an item. */
  public int raterAt(int position) {
    return matrix.columnRow[position];
  }

  /** The half stars of an item's rating at {@code position}. */
  public int itemHalfStarsAt(int position) {
    return matrix.columnHalfStars[position];
  }

  /** How many train ratings user {@code user} has (their activity). */
  public int userRatings(int user) {
    return matrix.rowStart[user + 1] - matrix.rowStart[user];
  }

  /** How many train ratings item {@code item} has (its popularity). */
  public int itemRatings(int item) {
    return matrix.columnStart[item + 1] - matrix.columnStart[item];
  }

  /** Whether user {@code user} rated item {@code item} (dense indices) in train. */
  public boolean rated(int user, int item) {
    return positionOf(user, item) >= 0;
  }

  /**
   * The position of user {@code user}'s rating of {@code item} for {@link #ratingAt}, or a
   * negative number when the user did not rate it (dense indices; a binary search).
   */
  public int positionOf(int user, int item) {
    return Arrays.binarySearch(matrix.rowColumn, matrix.rowStart[user],
        matrix.rowStart[user + 1], item);
  }

  /** Whether items {@code a} and {@code b} have a user in common. */
  public boolean itemsShareUser(int a, int b) {
    return sortedRangesMeet(matrix.columnRow, matrix.columnStart[a], matrix.columnStart[a + 1],
        matrix.columnStart[b], matrix.columnStart[b + 1]);
  }

  /** Whether users {@code a} and {@code b} have an item in common. */
  public boolean usersShareItem(int a, int b) {
    return sortedRangesMeet(matrix.rowColumn, matrix.rowStart[a], matrix.rowStart[a + 1],
        matrix.rowStart[b], matrix.rowStart[b + 1]);
  }

  /** {@code mu_u}: the mean of user u's train ratings. */
  public double userMean(int user) {
    return userMean[user];
  }

  /** {@code mu_i}: the mean of item i's train ratings. */
  public double itemMean(int item) {
    return itemMean[item];
  }

  /** {@code mu}: the mean of all train ratings. */
  public double globalMean() {
    return globalMean;
  }

  public double minRating() {
    return minHalfStars / 2.0;
  }

  public double maxRating() {
    return maxHalfStars / 2.0;
  }

  private static boolean sortedRangesMeet(int[] values, int a, int aEnd, int b, int bEnd) {
    while (a < aEnd && b < bEnd) {
      if (values[a] == values[b]) {
        return true;
      }
      if (values[a] < values[b]) {
        a++;
      } else {
        b++;
      }
    }
    return false;
  }

  /** Each row's half stars, in the order of {@code rowColumn} (RatingMatrix fills rows by column). */
  private static int[] rowHalfStars(RatingMatrix matrix) {
    int[] halfStars = new int[matrix.rowColumn.length];
    int[] fill = Arrays.copyOf(matrix.rowStart, matrix.rows());
    for (int c = 0; c < matrix.columns(); c++) {
      for (int at = matrix.columnStart[c]; at < matrix.columnStart[c + 1]; at++) {
        halfStars[fill[matrix.columnRow[at]]++] = matrix.columnHalfStars[at];
      }
    }
    return halfStars;
  }

  private static double[] means(EntityTotals[] totals) {
    double[] means = new double[totals.length];
    for (int i = 0; i < totals.length; i++) {
      means[i] = totals[i].mean();
    }
    return means;
  }

}
