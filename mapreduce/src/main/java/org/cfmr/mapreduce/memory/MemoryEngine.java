package org.cfmr.mapreduce.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.similarity.PairScorer;
import org.cfmr.core.similarity.PairSums;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.TopNeighbours;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.runtime.Progress;
import org.cfmr.core.Workers;
import org.cfmr.mapreduce.kernel.PivotLayout;
import org.cfmr.mapreduce.kernel.RowSums;

/**
 * The neighbour files computed on one machine without Hadoop, byte for byte the chain's. Each
 * thread sums whole rows with its own dense accumulator ({@link RowSums}: every pair once, by its
 * lower row); when a row is complete every touched pair is scored with the same
 * {@link PairScorer} and offered to both ends' top-K ({@link SharedTopNeighbours}); no list of
 * pairs is materialised. Rows are handed to threads heaviest first, so no thread is left with a
 * big row at the end.
 *
 * <p>Every pair's sums are exact integers and {@link PairScorer} is symmetric in its two ends, so
 * scoring from the lower row gives the value either end would. Memory: {@link PivotLayout}
 * (~9 bytes per rating), 16–32 bytes per entity per thread, and the K best per entity (~12·K
 * bytes per entity).
 */
public final class MemoryEngine {
  private final RatingMatrix matrix;
  private final NeighbourSettings settings;
  private final PairScorer scorer;
  private final EntityTotals[] totals;
  private final PivotLayout pairs;
  private final int blockRows;
  private final boolean compactAllowed;

  /**
   * @param residuals the baseline residuals of the matrix's ratings when the measure needs them
   *     ({@link NeighbourSettings#measure()}), else null
   */
  MemoryEngine(RatingMatrix matrix, NeighbourSettings settings, BaselineResiduals residuals) {
    this(matrix, settings, residuals, RowSums.BLOCK_ROWS, true);
  }

  /**
   * @param blockRows later rows summed per pass (tests make it small to exercise the tiling)
   * @param compactAllowed false keeps cosine and pearson in three longs (tests of that layout)
   */
  MemoryEngine(RatingMatrix matrix, NeighbourSettings settings, BaselineResiduals residuals,
      int blockRows, boolean compactAllowed) {
    this.matrix = matrix;
    this.settings = settings;
    this.scorer = new PairScorer(settings);
    this.totals = matrix.rowTotals();
    this.pairs = new PivotLayout(matrix, settings, residuals);
    this.blockRows = blockRows;
    this.compactAllowed = compactAllowed;
    RowSums.requireFits(pairs);  // before any thread starts
  }

  /** The neighbour file's lines, in entity order (entities without neighbours have none). */
  List<String> lines(int threads, String label) {
    SharedTopNeighbours top = new SharedTopNeighbours(matrix.rows(), settings.k());
    int[] order = heaviestFirst();
    AtomicInteger next = new AtomicInteger();
    try (Progress progress = new Progress(label, order.length)) {
      Workers.runCopies(threads, () -> {
        RowWorker worker = new RowWorker(top);
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
        lines.add(NeighbourFileFormat.formatLine(matrix.rowIds[row], selection.best()));
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

  /** One thread's rows: summed by its {@link RowSums}, then scored and offered. */
  private final class RowWorker {
    private final SharedTopNeighbours top;
    private final RowSums rowSums;
    private final PairSums sums = new PairSums();

    RowWorker(SharedTopNeighbours top) {
      this.top = top;
      this.rowSums = RowSums.of(pairs, blockRows, compactAllowed);
    }

    /**
     * Scores the pairs of row a with the later rows and offers them to both ends. A pair whose
     * support caps its shrunk similarity below both ends' worst kept neighbours
     * ({@link PairScorer#upperBound}) is not scored at all.
     */
    void row(int a) {
      rowSums.sumRow(a);
      int[] touched = rowSums.touched();
      TopNeighbours own = new TopNeighbours(settings.k());
      for (int t = 0; t < rowSums.touchedCount(); t++) {
        int b = touched[t];
        long n = rowSums.unpack(b, sums);
        if (n >= settings.minCommon()
            && scorer.upperBound(n) >= Math.min(own.worstSimilarity(), top.floor(b))) {
          double similarity = scorer.score(sums, totals[a], totals[b]);
          if (!Double.isNaN(similarity)) {
            own.offer(matrix.rowIds[b], similarity);
            top.offer(b, matrix.rowIds[a], similarity);
          }
        }
        rowSums.clear(b);
      }
      top.offerAll(a, own);
    }
  }
}
