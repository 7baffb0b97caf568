package org.cfmr.core.ratings;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.cfmr.core.EntityTotals;

/**
 * Train ratings as a sparse matrix in primitive arrays: rows are the entities whose neighbours
 * are sought, columns the pivots (for user–user: rows users, columns items; item–item the
 * transpose). Both orientations are kept (CSR for rows, CSC for columns), with ids mapped to
 * dense indices in ascending id order. About 24 bytes per rating.
 */
public final class RatingMatrix {
  public final int[] rowIds;
  public final int[] columnIds;
  /** Row r's ratings are at [rowStart[r], rowStart[r+1]) of rowColumn / rowHalfStars. */
  public final int[] rowStart;
  public final int[] rowColumn;
  /** Column c's ratings are at [columnStart[c], columnStart[c+1]) of columnRow / columnHalfStars. */
  public final int[] columnStart;
  public final int[] columnRow;
  public final int[] columnHalfStars;

  private RatingMatrix(int[] rowIds, int[] columnIds, int[] rowStart, int[] rowColumn,
      int[] columnStart, int[] columnRow, int[] columnHalfStars) {
    this.rowIds = rowIds;
    this.columnIds = columnIds;
    this.rowStart = rowStart;
    this.rowColumn = rowColumn;
    this.columnStart = columnStart;
    this.columnRow = columnRow;
    this.columnHalfStars = columnHalfStars;
  }

  /**
   * Builds the matrix from parallel arrays of ratings (row id, column id, half stars).
   *
   * @throws IllegalArgumentException naming the first duplicate (row, column) pair
   */
  public static RatingMatrix of(int[] rows, int[] columns, int[] halfStars, int size) {
    int[] rowIds = distinctSorted(rows, size);
    int[] columnIds = distinctSorted(columns, size);
    int[] row = indices(rows, size, rowIds);
    int[] column = indices(columns, size, columnIds);
    // Counting sort by column then stable by row: columns list their rows ascending.
    int[] columnStart = starts(column, size, columnIds.length);
    int[] byRow = order(row, size, rowIds.length);
    int[] columnRow = new int[size];
    int[] columnHalfStars = new int[size];
    int[] fill = Arrays.copyOf(columnStart, columnIds.length);
    for (int k : byRow) {
      int at = fill[column[k]]++;
      columnRow[at] = row[k];
      columnHalfStars[at] = halfStars[k];
    }
    int[] rowStart = starts(row, size, rowIds.length);
    int[] rowColumn = new int[size];
    int[] rowFill = Arrays.copyOf(rowStart, rowIds.length);
    for (int c = 0; c < columnIds.length; c++) {
      for (int at = columnStart[c]; at < columnStart[c + 1]; at++) {
        int r = columnRow[at];
        if (at > columnStart[c] && columnRow[at - 1] == r) {
          throw new IllegalArgumentException("duplicate rating of " + columnIds[c] + " by "
              + rowIds[r]);
        }
        rowColumn[rowFill[r]++] = c;
      }
    }
    return new RatingMatrix(rowIds, columnIds, rowStart, rowColumn, columnStart, columnRow,
        columnHalfStars);
  }

  public int rows() {
    return rowIds.length;
  }

  public int columns() {
    return columnIds.length;
  }

  /** Each row's count and half-star sum (Pearson's means). */
  public EntityTotals[] rowTotals() {
    long[] count = new long[rows()];
    long[] sum = new long[rows()];
    for (int at = 0; at < columnRow.length; at++) {
      count[columnRow[at]]++;
      sum[columnRow[at]] += columnHalfStars[at];
    }
    EntityTotals[] totals = new EntityTotals[rows()];
    for (int r = 0; r < totals.length; r++) {
      totals[r] = new EntityTotals(count[r], sum[r]);
    }
    return totals;
  }

  /** Column c's count and half-star sum (adjusted cosine's pivot means). */
  public EntityTotals columnTotals(int c) {
    long sum = 0;
    for (int at = columnStart[c]; at < columnStart[c + 1]; at++) {
      sum += columnHalfStars[at];
    }
    return new EntityTotals(columnStart[c + 1] - columnStart[c], sum);
  }

  /**
   * Ids that fit a lookup table of at most {@code max(2^20, 4·size)} entries (MovieLens' all do)
   * are deduplicated and indexed through it in linear time; others by sorting and binary search.
   */
  private static int tableSize(int[] values, int size) {
    int min = 0;
    int max = 0;
    for (int i = 0; i < size; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    return min >= 0 && max < Math.max(1 << 20, 4L * size) ? max + 1 : 0;
  }

  private static int[] distinctSorted(int[] values, int size) {
    int table = tableSize(values, size);
    if (table > 0) {
      boolean[] present = new boolean[table];
      for (int i = 0; i < size; i++) {
        present[values[i]] = true;
      }
      return IntStream.range(0, table).filter(id -> present[id]).toArray();
    }
    int[] copy = Arrays.copyOf(values, size);
    Arrays.sort(copy);
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (i == 0 || copy[i] != copy[i - 1]) {
        copy[distinct++] = copy[i];
      }
    }
    return Arrays.copyOf(copy, distinct);
  }

  /** Each value's position in {@code ids} (which holds every value, ascending). */
  private static int[] indices(int[] values, int size, int[] ids) {
    int[] index = new int[size];
    if (tableSize(values, size) > 0) {
      int[] positionOf = new int[ids[ids.length - 1] + 1];
      for (int p = 0; p < ids.length; p++) {
        positionOf[ids[p]] = p;
      }
      for (int i = 0; i < size; i++) {
        index[i] = positionOf[values[i]];
      }
    } else {
      for (int i = 0; i < size; i++) {
        index[i] = Arrays.binarySearch(ids, values[i]);
      }
    }
    return index;
  }

  private static int[] starts(int[] index, int size, int buckets) {
    int[] start = new int[buckets + 1];
    for (int i = 0; i < size; i++) {
      start[index[i] + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      start[b + 1] += start[b];
    }
    return start;
  }

  /** Positions 0..size-1 ordered by index (a stable counting sort). */
  private static int[] order(int[] index, int size, int buckets) {
    int[] fill = starts(index, size, buckets);
    int[] sorted = new int[size];
    for (int i = 0; i < size; i++) {
      sorted[fill[index[i]]++] = i;
    }
    return sorted;
  }
}
