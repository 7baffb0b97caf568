package org.cfmr.mapreduce.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.similarity.PairScorer;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.core.similarity.PairSums;
import org.cfmr.core.PivotContributions;
import org.cfmr.core.PivotSampler;
import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.TopNeighbours;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.Progress;

/**
 * The memory engine as first written, kept as a plain reference for the optimised
 * {@link MemoryEngine}: every row's full row of {@link PairSums} objects, from both ends of each
 * pair, a binary search per (row, pivot). Slow but evidently the spec's definition.
 */
final class ReferenceEngine {
  private final RatingMatrix matrix;
  private final NeighbourSettings settings;
  private final PairScorer scorer;
  private final EntityTotals[] totals;
  /** Per pivot, the rows whose ratings enter pair generation (all, or the capped sample). */
  private final int[][] pivotRows;
  private final PivotContributions[] pivotContributions;
  private final BaselineResiduals residuals;

  /** @param residuals pearson-baseline's residuals of the matrix's ratings, else null */
  ReferenceEngine(RatingMatrix matrix, NeighbourSettings settings, BaselineResiduals residuals) {
    this.residuals = residuals;
    this.matrix = matrix;
    this.settings = settings;
    this.scorer = new PairScorer(settings);
    this.totals = matrix.rowTotals();
    this.pivotRows = new int[matrix.columns()][];
    this.pivotContributions = new PivotContributions[matrix.columns()];
    for (int c = 0; c < matrix.columns(); c++) {
      preparePivot(c);
    }
  }

  private void preparePivot(int c) {
    int start = matrix.columnStart[c];
    int size = matrix.columnStart[c + 1] - start;
    int[] entityIds = new int[size];
    for (int i = 0; i < size; i++) {
      entityIds[i] = matrix.rowIds[matrix.columnRow[start + i]];
    }
    int[] kept = PivotSampler.keep(settings.seed(), matrix.columnIds[c], entityIds, size,
        settings.maxPivotRatings());
    int[] rows = new int[kept.length];
    int[] halfStars = new int[kept.length];
    long[] residual = residuals == null ? null : new long[kept.length];
    for (int i = 0; i < kept.length; i++) {
      rows[i] = matrix.columnRow[start + kept[i]];
      halfStars[i] = matrix.columnHalfStars[start + kept[i]];
      if (residuals != null) {
        residual[i] = residuals.residual(rows[i], c, halfStars[i]);
      }
    }
    pivotRows[c] = rows;
    pivotContributions[c] = new PivotContributions(settings.measure(), halfStars, kept.length,
        matrix.columnTotals(c), residual);
  }

  /** The neighbour file's lines, in entity order (entities without neighbours have none). */
  List<String> lines(int threads, String label) {
    String[] lines = new String[matrix.rows()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Progress progress = new Progress(label, matrix.rows())) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          RowWorker worker = new RowWorker();
          for (int row = next.getAndIncrement(); row < lines.length; row = next.getAndIncrement()) {
            lines[row] = worker.line(row);
            progress.advance(1);
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfmrException("interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return Arrays.stream(lines).filter(line -> line != null).toList();
  }

  /** One thread's dense accumulator over all entities. */
  private final class RowWorker {
    private final PairSums[] sums = new PairSums[matrix.rows()];
    private final int[] touched = new int[matrix.rows()];

    /** Row a's neighbour line, or null when it has no neighbour. */
    String line(int a) {
      int touchedCount = 0;
      for (int at = matrix.rowStart[a]; at < matrix.rowStart[a + 1]; at++) {
        int pivot = matrix.rowColumn[at];
        int[] rows = pivotRows[pivot];
        int i = Arrays.binarySearch(rows, a);
        if (i < 0) {
          continue; // a is not in the pivot's capped sample
        }
        PivotContributions contributions = pivotContributions[pivot];
        for (int j = 0; j < rows.length; j++) {
          int b = rows[j];
          if (b == a) {
            continue;
          }
          PairSums pair = sums[b];
          if (pair == null) {
            pair = sums[b] = new PairSums();
          }
          if (pair.n == 0) {
            touched[touchedCount++] = b;
          }
          contributions.addPair(pair, i, j);
        }
      }
      TopNeighbours top = new TopNeighbours(settings.k());
      for (int t = 0; t < touchedCount; t++) {
        int b = touched[t];
        double similarity = scorer.score(sums[b], totals[a], totals[b]);
        if (!Double.isNaN(similarity)) {
          top.offer(matrix.rowIds[b], similarity);
        }
        sums[b].clear();
      }
      return top.isEmpty() ? null : NeighbourFileFormat.formatLine(matrix.rowIds[a], top.best());
    }
  }
}
