package org.cfmr.mapreduce.kernel;

import java.util.Arrays;
import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.similarity.PairSums;
import org.cfmr.core.similarity.PivotCentring;
import org.cfmr.core.CfmrException;

/**
 * The pair-summing kernel shared by the memory engine and the chain's job 2: one thread's dense
 * accumulator over all entities of a {@link PivotLayout}. {@link #sumRow} sums row {@code a}
 * with every later row it shares a pivot with (a sparse row-by-matrix product over the upper
 * triangle, so each pair is summed once, by its lower row); the caller then reads each touched
 * row's {@link PairSums} with {@link #unpack} and resets it with {@link #clear}. No list of pairs
 * is materialised.
 *
 * <p>The later rows are taken in blocks (default {@value #BLOCK_ROWS}), so that the accumulator's
 * slots in use fit the core's L2 cache (loop tiling); each pivot's cursor moves on block by
 * block, and each block's end in a column is found by binary search, so the inner loops test
 * nothing but their index.
 *
 * <p>The accumulator is struct-of-arrays in one {@code long[]}, a pair's sums side by side (one
 * cache line per update). For cosine and pearson the six integer sums are packed into
 * {@code long}s: a pair's sums are bounded by its lower row's length L (n ≤ L, Σa ≤ 10·L,
 * Σaa ≤ 100·L in half stars), so while every row has at most {@value #COMPACT_ROW_LIMIT} ratings
 * (user–user at ml-32m's shape) they fit two {@code long}s of 16+19+22 and 19+22+22 bits and two
 * adds do a pair's update ({@link CompactIntegerRows}); longer rows (item–item: popular movies)
 * take three {@code long}s of two 32-bit fields ({@link IntegerRows}). Adjusted cosine's
 * fixed-point products ({@link PivotCentring}) and pearson-baseline's ({@link BaselineResiduals})
 * need four full {@code long}s, added exactly. Memory: 16–32 bytes per entity.
 */
public abstract class RowSums {
  private static final long LOW = 0xffff_ffffL;
  /** The longest row whose pair sums fit two longs: 100 · L must stay below 2^22. */
  public static final int COMPACT_ROW_LIMIT = 41_943;
  /** Later rows summed per pass: 16,384 × 16–32 bytes of accumulator fit a 512 KB L2 cache. */
  public static final int BLOCK_ROWS = 1 << 14;

  private final PivotLayout pairs;
  private final int blockRows;
  /** One bit per row: set when the row is first touched, cleared as {@link #touched} is listed. */
  private final long[] touchedBits;
  private final int[] touched;
  private int touchedCount;
  private int[] cursor = new int[1024];

  RowSums(PivotLayout pairs, int blockRows) {
    this.pairs = pairs;
    this.blockRows = blockRows;
    this.touchedBits = new long[(pairs.rows() + 63) >>> 6];
    this.touched = new int[pairs.rows()];
  }

  /** The accumulator for {@code pairs}' sums, in the narrowest layout the rows allow. */
  public static RowSums of(PivotLayout pairs) {
    return of(pairs, BLOCK_ROWS, true);
  }

  /**
   * @param blockRows later rows summed per pass (tests make it small to exercise the tiling)
   * @param compactAllowed false keeps cosine and pearson in three longs (tests of that layout)
   */
  public static RowSums of(PivotLayout pairs, int blockRows, boolean compactAllowed) {
    if (pairs.centresOnPivots()) {
      return new PivotMeanRows(pairs, blockRows);
    }
    if (pairs.carriesResiduals()) {
      return new ResidualRows(pairs, blockRows);
    }
    requireFits(pairs);
    if (compactAllowed && pairs.longestRow() <= COMPACT_ROW_LIMIT) {
      return new CompactIntegerRows(pairs, blockRows);
    }
    return new IntegerRows(pairs, blockRows);
  }

  /**
   * Fails when a row is too long for the packed integer sums of cosine and pearson (their
   * 32-bit fields hold 100 · L).
   */
  public static void requireFits(PivotLayout pairs) {
    if (!pairs.centresOnPivots() && !pairs.carriesResiduals()
        && pairs.longestRow() >= (1L << 32) / 100) {
      throw new CfmrException("an entity has " + pairs.longestRow()
          + " ratings: more than the packed pair sums allow (42,949,672)");
    }
  }

  /** Sums row {@code a} with every later row it shares a pivot with. */
  public void sumRow(int a) {
    int first = pairs.rowStart[a];
    int size = pairs.rowStart[a + 1] - first;
    if (cursor.length < size) {
      cursor = new int[Math.max(size, 2 * cursor.length)];
    }
    for (int k = 0; k < size; k++) {
      cursor[k] = pairs.rowAt[first + k] + 1;
    }
    int rows = pairs.rows();
    for (long limit = a + 1L + blockRows; limit - blockRows < rows; limit += blockRows) {
      int below = (int) Math.min(limit, rows);
      for (int k = 0; k < size; k++) {
        int pivot = pairs.rowPivot[first + k];
        int end = pairs.columnStart[pivot + 1];
        if (cursor[k] < end) {
          int stop = below == rows ? end : blockEnd(cursor[k], end, below);
          accumulate(pivot, pairs.rowAt[first + k], cursor[k], stop);
          cursor[k] = stop;
        }
      }
    }
    listTouched(a);
  }

  /**
   * Lists the rows after {@code a} whose bits are set, ascending, and clears the bits. Reading
   * each touched row's sums, totals and selection in row order lets the caches prefetch them; in
   * the order first touched, each would be a cache miss.
   */
  private void listTouched(int a) {
    touchedCount = 0;
    for (int word = (a + 1) >>> 6; word < touchedBits.length; word++) {
      long bits = touchedBits[word];
      if (bits != 0) {
        touchedBits[word] = 0;
        do {
          touched[touchedCount++] = (word << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
        } while (bits != 0);
      }
    }
  }

  /** How many later rows the last {@link #sumRow} touched. */
  public int touchedCount() {
    return touchedCount;
  }

  /** The touched rows, ascending (the first {@link #touchedCount()}). */
  public int[] touched() {
    return touched;
  }

  /** Where the rows of {@code columnRow[from..end)} reach {@code below} (they ascend). */
  private int blockEnd(int from, int end, int below) {
    int found = Arrays.binarySearch(pairs.columnRow, from, end, below);
    return found < 0 ? -found - 1 : found;
  }

  void touch(int b) {
    touchedBits[b >>> 6] |= 1L << b;
  }

  PivotLayout pairs() {
    return pairs;
  }

  /**
   * Adds the pairs (the row at {@code at}, each row of the pivot at positions
   * {@code from..stop)}) to the accumulator.
   */
  abstract void accumulate(int pivot, int at, int from, int stop);

  /** Copies b's sums with the last summed row into {@code into}; returns their support n. */
  public abstract long unpack(int b, PairSums into);

  /** Resets b's sums (every touched row must be cleared before the next row is summed). */
  public abstract void clear(int b);

  /** Cosine and pearson: integer sums of half stars, packed two to a long. */
  private static final class IntegerRows extends RowSums {
    private final long[] acc;

    IntegerRows(PivotLayout pairs, int blockRows) {
      super(pairs, blockRows);
      acc = new long[3 * pairs.rows()];
    }

    @Override
    void accumulate(int pivot, int at, int from, int stop) {
      int[] rows = pairs().columnRow;
      byte[] halfStars = pairs().columnHalfStars;
      long ha = halfStars[at];
      long countAndA = (1L << 32) | ha;
      long squareA = (ha * ha) << 32;
      for (int j = from; j < stop; j++) {
        int b = rows[j];
        long hb = halfStars[j];
        int slot = 3 * b;
        if (acc[slot] == 0) {
          touch(b);
        }
        acc[slot] += countAndA;
        acc[slot + 1] += squareA + hb * hb;
        acc[slot + 2] += (hb << 32) + ha * hb;
      }
    }

    @Override
    public long unpack(int b, PairSums into) {
      int slot = 3 * b;
      into.set(acc[slot] >>> 32, acc[slot] & LOW, acc[slot + 2] >>> 32, acc[slot + 1] >>> 32,
          acc[slot + 1] & LOW, acc[slot + 2] & LOW);
      return into.n;
    }

    @Override
    public void clear(int b) {
      int slot = 3 * b;
      acc[slot] = 0;
      acc[slot + 1] = 0;
      acc[slot + 2] = 0;
    }
  }

  /**
   * Cosine and pearson while rows have at most {@value #COMPACT_ROW_LIMIT} ratings: the sums in
   * two longs, {@code n | Σa << 16 | Σaa << 35} (row a's side: the same add for every entity of a
   * pivot) and {@code Σb | Σbb << 19 | Σab << 41}.
   */
  private static final class CompactIntegerRows extends RowSums {
    private final long[] acc;

    CompactIntegerRows(PivotLayout pairs, int blockRows) {
      super(pairs, blockRows);
      acc = new long[2 * pairs.rows()];
    }

    @Override
    void accumulate(int pivot, int at, int from, int stop) {
      int[] rows = pairs().columnRow;
      byte[] halfStars = pairs().columnHalfStars;
      long ha = halfStars[at];
      long sideA = 1 | ha << 16 | ha * ha << 35;
      for (int j = from; j < stop; j++) {
        int b = rows[j];
        long hb = halfStars[j];
        int slot = 2 * b;
        if (acc[slot] == 0) {
          touch(b);
        }
        acc[slot] += sideA;
        acc[slot + 1] += hb | hb * hb << 19 | ha * hb << 41;
      }
    }

    @Override
    public long unpack(int b, PairSums into) {
      long sideA = acc[2 * b];
      long sideB = acc[2 * b + 1];
      into.set(sideA & 0xffff, sideA >>> 16 & 0x7_ffff, sideB & 0x7_ffff, sideA >>> 35,
          sideB >>> 19 & 0x3f_ffff, sideB >>> 41);
      return into.n;
    }

    @Override
    public void clear(int b) {
      acc[2 * b] = 0;
      acc[2 * b + 1] = 0;
    }
  }

  /** The fixed-point measures' four sums per pair: {@code n, Σx_a², Σx_b², Σx_a·x_b}. */
  private abstract static class FixedPointRows extends RowSums {
    final long[] acc;

    FixedPointRows(PivotLayout pairs, int blockRows) {
      super(pairs, blockRows);
      acc = new long[4 * pairs.rows()];
    }

    @Override
    public long unpack(int b, PairSums into) {
      int slot = 4 * b;
      into.set(acc[slot], 0, 0, acc[slot + 1], acc[slot + 2], acc[slot + 3]);
      return into.n;
    }

    @Override
    public void clear(int b) {
      int slot = 4 * b;
      acc[slot] = 0;
      acc[slot + 1] = 0;
      acc[slot + 2] = 0;
      acc[slot + 3] = 0;
    }
  }

  /** Adjusted cosine: fixed-point products of deviations from each pivot's mean. */
  private static final class PivotMeanRows extends FixedPointRows {

    PivotMeanRows(PivotLayout pairs, int blockRows) {
      super(pairs, blockRows);
    }

    @Override
    void accumulate(int pivot, int at, int from, int stop) {
      int[] rows = pairs().columnRow;
      long[] deviation = pairs().deviation;
      long[] square = pairs().deviationSquare;
      long count = pairs().pivotCount[pivot];
      long da = deviation[at];
      long squareA = square[at];
      for (int j = from; j < stop; j++) {
        int b = rows[j];
        int slot = 4 * b;
        if (acc[slot] == 0) {
          touch(b);
        }
        acc[slot]++;
        acc[slot + 1] += squareA;
        acc[slot + 2] += square[j];
        acc[slot + 3] += PivotCentring.product(da, deviation[j], count);
      }
    }
  }

  /**
   * pearson-baseline: fixed-point products of residuals from the baseline, each sum added exactly
   * (a pair's sums may grow with its support, {@link BaselineResiduals}).
   */
  private static final class ResidualRows extends FixedPointRows {

    ResidualRows(PivotLayout pairs, int blockRows) {
      super(pairs, blockRows);
    }

    @Override
    void accumulate(int pivot, int at, int from, int stop) {
      int[] rows = pairs().columnRow;
      long[] residual = pairs().residual;
      long[] square = pairs().residualSquare;
      long ea = residual[at];
      long squareA = square[at];
      for (int j = from; j < stop; j++) {
        int b = rows[j];
        int slot = 4 * b;
        if (acc[slot] == 0) {
          touch(b);
        }
        acc[slot]++;
        acc[slot + 1] = PairSums.exactSum(acc[slot + 1], squareA);
        acc[slot + 2] = PairSums.exactSum(acc[slot + 2], square[j]);
        acc[slot + 3] =
            PairSums.exactSum(acc[slot + 3], BaselineResiduals.product(ea, residual[j]));
      }
    }
  }
}
