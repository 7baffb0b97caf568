package org.cfmr.mapreduce.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.NeighbourFile;
import org.cfmr.core.PairScorer;
import org.cfmr.core.PairSums;
import org.cfmr.core.PivotCentring;
import org.cfmr.core.Similarity;
import org.cfmr.core.SimilaritySettings;
import org.cfmr.core.TopNeighbours;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.runtime.CfmrException;
import org.cfmr.core.runtime.Progress;
import org.cfmr.core.runtime.Workers;

/**
 * The neighbour files computed on one machine without Hadoop, byte for byte the chain's. Each
 * pair of entities is summed once, by its lower row: row {@code a} walks its pivots and, in each,
 * the entities after it (a sparse row-by-matrix product over the upper triangle), adding into a
 * dense per-thread accumulator; when the row is complete every touched pair is scored with the
 * same {@link PairScorer} and offered to both ends' top-K ({@link SharedTopNeighbours}); no list
 * of pairs is materialised. A pair whose support caps its shrunk similarity below both ends'
 * worst kept neighbours ({@link PairScorer#upperBound}) is not scored at all. Rows are handed to
 * threads heaviest first, so no thread is left with a big row at the end. Each later row's block
 * of a column is found by binary search, so the inner loops test nothing but their index.
 *
 * <p>The accumulator is struct-of-arrays in one {@code long[]}, a pair's sums side by side (one
 * cache line per update). For cosine and pearson the six integer sums are packed into
 * {@code long}s: a pair's sums are bounded by its lower row's length L (n ≤ L, Σa ≤ 10·L,
 * Σaa ≤ 100·L in half stars), so while every row has at most {@value #COMPACT_ROW_LIMIT} ratings
 * (user–user at ml-32m's shape) they fit two {@code long}s of 16+19+22 and 19+22+22 bits and two
 * adds do a pair's update ({@link CompactIntegerRows}); longer rows (item–item: popular movies)
 * take three {@code long}s of two 32-bit fields ({@link IntegerRows}). Adjusted cosine's
 * fixed-point products ({@link PivotCentring}) need four full {@code long}s.
 *
 * <p>Every pair's sums are exact integers and {@link PairScorer} is symmetric in its two ends, so
 * scoring from the lower row gives the value either end would. Memory: {@link PairGeneration}
 * (~9 bytes per rating), 24–32 bytes per entity per thread, and the K best per entity (~40·K
 * bytes per entity).
 */
public final class MemoryEngine {
  private static final long LOW = 0xffff_ffffL;
  /** The longest row whose pair sums fit two longs: 100 · L must stay below 2^22. */
  static final int COMPACT_ROW_LIMIT = 41_943;
  /** Later rows summed per pass: 16,384 × 24–32 bytes of accumulator fit a 512 KB L2 cache. */
  static final int BLOCK_ROWS = 1 << 14;

  private final RatingMatrix matrix;
  private final SimilaritySettings settings;
  private final PairScorer scorer;
  private final EntityTotals[] totals;
  private final PairGeneration pairs;
  private final boolean pivotMeans;
  private final boolean compact;
  private final int blockRows;

  MemoryEngine(RatingMatrix matrix, SimilaritySettings settings) {
    this(matrix, settings, BLOCK_ROWS, true);
  }

  /**
   * @param blockRows later rows summed per pass (tests make it small to exercise the tiling)
   * @param compactAllowed false keeps cosine and pearson in three longs (tests of that layout)
   */
  MemoryEngine(RatingMatrix matrix, SimilaritySettings settings, int blockRows,
      boolean compactAllowed) {
    this.blockRows = blockRows;
    this.matrix = matrix;
    this.settings = settings;
    this.scorer = new PairScorer(settings);
    this.totals = matrix.rowTotals();
    this.pivotMeans = settings.measure().centring() == Similarity.Centring.PIVOT_MEAN;
    this.pairs = new PairGeneration(matrix, settings, pivotMeans);
    this.compact = compactAllowed && pairs.longestRow() <= COMPACT_ROW_LIMIT;
    if (!pivotMeans && pairs.longestRow() >= (1L << 32) / 100) {
      throw new CfmrException("an entity has " + pairs.longestRow()
          + " ratings: more than the memory engine's packed sums allow (42,949,672)");
    }
  }

  /** The neighbour file's lines, in entity order (entities without neighbours have none). */
  List<String> lines(int threads, String label) {
    SharedTopNeighbours top = new SharedTopNeighbours(matrix.rows(), settings.k());
    int[] order = heaviestFirst();
    AtomicInteger next = new AtomicInteger();
    try (Progress progress = new Progress(label, order.length)) {
      Workers.runCopies(threads, () -> {
        RowWorker worker = pivotMeans ? new PivotMeanRows(top)
            : compact ? new CompactIntegerRows(top) : new IntegerRows(top);
        for (int i = next.getAndIncrement(); i < order.length; i = next.getAndIncrement()) {
          worker.row(order[i]);
          progress.advance(1);
        }
      });
    }
    List<String> lines = new ArrayList<>();
    for (int row = 0; row < matrix.rows(); row++) {
      TopNeighbours selection = top.of(row);
      if (!selection.isEmpty()) {
        lines.add(NeighbourFile.formatLine(matrix.rowIds[row], selection.best()));
      }
    }
    return lines;
  }

  private int[] heaviestFirst() {
    long[] work = new long[matrix.rows()];
    Arrays.setAll(work, pairs::work);
    return IntStream.range(0, work.length).boxed()
        .sorted(Comparator.comparingLong((Integer r) -> work[r]).reversed())
        .mapToInt(Integer::intValue).toArray();
  }

  /** One thread's dense accumulator over all entities, and the rows it finishes. */
  private abstract class RowWorker {
    private final SharedTopNeighbours top;
    private final int[] touched = new int[matrix.rows()];
    private final PairSums sums = new PairSums();
    private int[] cursor = new int[1024];
    int touchedCount;

    RowWorker(SharedTopNeighbours top) {
      this.top = top;
    }

    /**
     * Sums row a with every later row it shares a pivot with, scores and offers the pairs. The
     * later rows are taken in blocks (default {@value #BLOCK_ROWS}), so that the accumulator's slots in
     * use fit the core's L2 cache (loop tiling); each pivot's cursor moves on block by block.
     */
    void row(int a) {
      touchedCount = 0;
      int first = pairs.rowStart[a];
      int size = pairs.rowStart[a + 1] - first;
      if (cursor.length < size) {
        cursor = new int[Math.max(size, 2 * cursor.length)];
      }
      for (int k = 0; k < size; k++) {
        cursor[k] = pairs.rowAt[first + k] + 1;
      }
      for (long limit = a + 1L + blockRows; limit - blockRows < matrix.rows();
          limit += blockRows) {
        int below = (int) Math.min(limit, matrix.rows());
        for (int k = 0; k < size; k++) {
          int pivot = pairs.rowPivot[first + k];
          int end = pairs.columnStart[pivot + 1];
          if (cursor[k] < end) {
            int stop = below == matrix.rows() ? end : blockEnd(cursor[k], end, below);
            accumulate(pivot, pairs.rowAt[first + k], cursor[k], stop);
            cursor[k] = stop;
          }
        }
      }
      TopNeighbours own = new TopNeighbours(settings.k());
      for (int t = 0; t < touchedCount; t++) {
        int b = touched[t];
        long n = unpack(b, sums);
        if (n >= settings.minCommon()
            && scorer.upperBound(n) >= Math.min(own.worstSimilarity(), top.floor(b))) {
          double similarity = scorer.score(sums, totals[a], totals[b]);
          if (!Double.isNaN(similarity)) {
            own.offer(matrix.rowIds[b], similarity);
            top.offer(b, matrix.rowIds[a], similarity);
          }
        }
        clear(b);
      }
      top.offerAll(a, own);
    }

    /** Where the rows of {@code columnRow[from..end)} reach {@code below} (they ascend). */
    private int blockEnd(int from, int end, int below) {
      int found = Arrays.binarySearch(pairs.columnRow, from, end, below);
      return found < 0 ? -found - 1 : found;
    }

    void touch(int b) {
      touched[touchedCount++] = b;
    }

    /**
     * Adds the pairs (the row at {@code at}, each row of the pivot at positions
     * {@code from..stop)}) to the accumulator.
     */
    abstract void accumulate(int pivot, int at, int from, int stop);

    /** Copies b's sums into {@code into}; returns their support n. */
    abstract long unpack(int b, PairSums into);

    abstract void clear(int b);
  }

  /** Cosine and pearson: integer sums of half stars, packed two to a long. */
  private final class IntegerRows extends RowWorker {
    private final long[] acc = new long[3 * matrix.rows()];

    IntegerRows(SharedTopNeighbours top) {
      super(top);
    }

    @Override
    void accumulate(int pivot, int at, int from, int stop) {
      int[] rows = pairs.columnRow;
      byte[] halfStars = pairs.columnHalfStars;
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
    long unpack(int b, PairSums into) {
      int slot = 3 * b;
      into.n = acc[slot] >>> 32;
      into.sumA = acc[slot] & LOW;
      into.sumAA = acc[slot + 1] >>> 32;
      into.sumBB = acc[slot + 1] & LOW;
      into.sumB = acc[slot + 2] >>> 32;
      into.sumAB = acc[slot + 2] & LOW;
      return into.n;
    }

    @Override
    void clear(int b) {
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
  private final class CompactIntegerRows extends RowWorker {
    private final long[] acc = new long[2 * matrix.rows()];

    CompactIntegerRows(SharedTopNeighbours top) {
      super(top);
    }

    @Override
    void accumulate(int pivot, int at, int from, int stop) {
      int[] rows = pairs.columnRow;
      byte[] halfStars = pairs.columnHalfStars;
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
    long unpack(int b, PairSums into) {
      long sideA = acc[2 * b];
      long sideB = acc[2 * b + 1];
      into.n = sideA & 0xffff;
      into.sumA = sideA >>> 16 & 0x7_ffff;
      into.sumAA = sideA >>> 35;
      into.sumB = sideB & 0x7_ffff;
      into.sumBB = sideB >>> 19 & 0x3f_ffff;
      into.sumAB = sideB >>> 41;
      return into.n;
    }

    @Override
    void clear(int b) {
      acc[2 * b] = 0;
      acc[2 * b + 1] = 0;
    }
  }

  /** Adjusted cosine: fixed-point products of deviations from each pivot's mean. */
  private final class PivotMeanRows extends RowWorker {
    private final long[] acc = new long[4 * matrix.rows()];

    PivotMeanRows(SharedTopNeighbours top) {
      super(top);
    }

    @Override
    void accumulate(int pivot, int at, int from, int stop) {
      int[] rows = pairs.columnRow;
      long[] deviation = pairs.deviation;
      long[] square = pairs.deviationSquare;
      long count = pairs.pivotCount[pivot];
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

    @Override
    long unpack(int b, PairSums into) {
      int slot = 4 * b;
      into.n = acc[slot];
      into.sumA = 0;
      into.sumB = 0;
      into.sumAA = acc[slot + 1];
      into.sumBB = acc[slot + 2];
      into.sumAB = acc[slot + 3];
      return into.n;
    }

    @Override
    void clear(int b) {
      int slot = 4 * b;
      acc[slot] = 0;
      acc[slot + 1] = 0;
      acc[slot + 2] = 0;
      acc[slot + 3] = 0;
    }
  }
}
