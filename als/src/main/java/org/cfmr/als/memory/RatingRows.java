package org.cfmr.als.memory;

import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.ratings.TrainRatings;

/**
 * One side's rows of the train ratings (users', or items'), in primitive arrays: row r has id
 * {@code ids[r]} (ascending) and its ratings at {@code [start[r], start[r+1])} of
 * {@code others} (the other side's dense index, ascending, i.e. ascending ids) and
 * {@code halfStars}. 16 bytes a rating for both sides together, besides the ids.
 */
final class RatingRows {
  final int[] ids;
  final int[] start;
  final int[] others;
  final int[] halfStars;

  private RatingRows(int[] ids, int[] start, int[] others, int[] halfStars) {
    this.ids = ids;
    this.start = start;
    this.others = others;
    this.halfStars = halfStars;
  }

  int rows() {
    return ids.length;
  }

  /** The users' rows and the items' rows of {@code train}: {@code [users, items]}. */
  static RatingRows[] of(TrainRatings train) {
    RatingMatrix matrix = train.matrix(true);
    RatingRows items = new RatingRows(matrix.columnIds, matrix.columnStart, matrix.columnRow,
        matrix.columnHalfStars);
    // The users' half stars, in the order RatingMatrix lists each user's items (ascending).
    int[] userHalfStars = new int[matrix.rowColumn.length];
    int[] fill = java.util.Arrays.copyOf(matrix.rowStart, matrix.rows());
    for (int c = 0; c < matrix.columns(); c++) {
      for (int at = matrix.columnStart[c]; at < matrix.columnStart[c + 1]; at++) {
        userHalfStars[fill[matrix.columnRow[at]]++] = matrix.columnHalfStars[at];
      }
    }
    RatingRows users = new RatingRows(matrix.rowIds, matrix.rowStart, matrix.rowColumn,
        userHalfStars);
    return new RatingRows[] {users, items};
  }
}
