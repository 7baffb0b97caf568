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
 * <p>One pass can serve several selections (the prediction and the ranking neighbours) when
 * their settings share the pair sums ({@link NeighbourSettings#sharesPairSums}): summing is the
 * cost, and each selection only scores the sums the first one's layout holds.
 *
 * <p>Every pair's sums are exact integers and {@link PairScorer} is symmetric in its two ends, so
 * scoring from the lower row gives the value either end would. Memory: {@link PivotLayout}
 * (~9 bytes per rating), 16–32 bytes per entity per thread, and the K best per entity and
 * selection (~12·K bytes per entity).
 */
public final class MemoryEngine {
  private final RatingMatrix matrix;
  private final List<Selection> selections;
  private final EntityTotals[] totals;
  private final PivotLayout pairs;
  private final int blockRows;
  private final boolean compactAllowed;

  /**
   * @param residuals the baseline residuals of the matrix's ratings when the measure needs them
   *     ({@link NeighbourSettings#measure()}), else null
   */
  MemoryEngine(RatingMatrix matrix, NeighbourSettings settings, BaselineResiduals residuals) {
    this(matrix, List.of(settings), residuals, RowSums.BLOCK_ROWS, true);
  }

  /**
   * One pass for several selections, the first of which decides the pair sums; every other must
   * share them ({@link NeighbourSettings#sharesPairSums}).
   *
   * @param residuals the baseline residuals when the first selection's measure needs them, else
   *     null
   */
  MemoryEngine(RatingMatrix matrix, List<NeighbourSettings> settings,
      BaselineResiduals residuals) {
    this(matrix, settings, residuals, RowSums.BLOCK_ROWS, true);
  }

  /**
   * @param blockRows later rows summed per pass (tests make it small to exercise the tiling)
   * @param compactAllowed false keeps cosine and pearson in three longs (tests of that layout)
   */
  MemoryEngine(RatingMatrix matrix, NeighbourSettings settings, BaselineResiduals residuals,
      int blockRows, boolean compactAllowed) {
    this(matrix, List.of(settings), residuals, blockRows, compactAllowed);
  }

  private MemoryEngine(RatingMatrix matrix, List<NeighbourSettings> settings,
      BaselineResiduals residuals, int blockRows, boolean compactAllowed) {
    NeighbourSettings summed = settings.get(0);
    for (NeighbourSettings other : settings) {
      if (!summed.sharesPairSums(other)) {
        throw new IllegalArgumentException(other.describe() + " cannot be scored from the sums of "
            + summed.describe());
      }
    }
    this.matrix = matrix;
    this.selections = settings.stream().map(Selection::new).toList();
    this.totals = matrix.rowTotals();
    this.pairs = new PivotLayout(matrix, summed, residuals);
    this.blockRows = blockRows;
    this.compactAllowed = compactAllowed;
    RowSums.requireFits(pairs);  // before any thread starts
  }

  /** The neighbour file's lines, in entity order (entities without neighbours have none). */
  List<String> lines(int threads, String label) {
    return linesOfEach(threads, label).get(0);
  }

  /** Each selection's neighbour file lines, in the order of the settings given. */
  List<List<String>> linesOfEach(int threads, String label) {
    List<SharedTopNeighbours> tops = selections.stream()
        .map(selection -> new SharedTopNeighbours(matrix.rows(), selection.settings.k())).toList();
    int[] order = heaviestFirst();
    long work = Arrays.stream(order).mapToLong(pairs::work).sum();
    AtomicInteger next = new AtomicInteger();
    try (Progress progress = new Progress(label, work, "pair updates")) {
      Workers.runCopies(threads, () -> {
        RowWorker worker = new RowWorker(tops);
        for (int i = next.getAndIncrement(); i < order.length; i = next.getAndIncrement()) {
          worker.row(order[i]);
          progress.advance(pairs.work(order[i]));
        }
      });
    }
    return tops.stream().map(this::fileLines).toList();
  }

  private List<String> fileLines(SharedTopNeighbours top) {
    List<String> lines = new ArrayList<>();
    for (int row = 0; row < matrix.rows(); row++) {
      TopNeighbours selected = top.of(row);
      if (!selected.isEmpty()) {
        lines.add(NeighbourFileFormat.formatLine(matrix.rowIds[row], selected.best()));
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

  /** One selection's settings and scorer. */
  private final class Selection {
    final NeighbourSettings settings;
    final PairScorer scorer;

    Selection(NeighbourSettings settings) {
      this.settings = settings;
      this.scorer = new PairScorer(settings);
    }

    /**
     * Offers the pair (a, b) with its sums to both ends (this thread's selection for a,
     * {@code top} for b), unless its support caps its shrunk
     * similarity below both ends' worst kept neighbours ({@link PairScorer#upperBound}): then it
     * is not scored at all.
     */
    void offer(int a, int b, long n, PairSums sums, TopNeighbours own,
        SharedTopNeighbours top) {
      if (n >= settings.minCommon()
          && scorer.upperBound(n) >= Math.min(own.worstSimilarity(), top.floor(b))) {
        double similarity = scorer.score(sums, totals[a], totals[b]);
        if (!Double.isNaN(similarity)) {
          own.offer(matrix.rowIds[b], similarity);
          top.offer(b, matrix.rowIds[a], similarity);
        }
      }
    }
  }

  /** One thread's rows: summed by its {@link RowSums}, then scored and offered. */
  private final class RowWorker {
    private final RowSums rowSums = RowSums.of(pairs, blockRows, compactAllowed);
    private final PairSums sums = new PairSums();
    private final List<SharedTopNeighbours> tops;

    RowWorker(List<SharedTopNeighbours> tops) {
      this.tops = tops;
    }

    /** Scores the pairs of row a with the later rows and offers them to both ends. */
    void row(int a) {
      rowSums.sumRow(a);
      int[] touched = rowSums.touched();
      List<TopNeighbours> own = selections.stream()
          .map(selection -> new TopNeighbours(selection.settings.k())).toList();
      for (int t = 0; t < rowSums.touchedCount(); t++) {
        int b = touched[t];
        long n = rowSums.unpack(b, sums);
        for (int s = 0; s < selections.size(); s++) {
          selections.get(s).offer(a, b, n, sums, own.get(s), tops.get(s));
        }
        rowSums.clear(b);
      }
      for (int s = 0; s < selections.size(); s++) {
        tops.get(s).offerAll(a, own.get(s));
      }
    }
  }
}
