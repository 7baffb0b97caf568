package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFile;
import org.cfmr.core.similarity.BaselineResiduals;
import org.cfmr.core.similarity.PairSums;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.ratings.RatingMatrix;
import org.cfmr.mapreduce.kernel.PivotLayout;
import org.cfmr.mapreduce.kernel.RowSums;

/**
 * Job 2, pair statistics: from the pivot vectors, the partial {@link PairSums} of every canonical
 * pair {@code a < b} of entities that share a pivot, as {@link Stripe}s keyed by {@code a},
 * summed by a combiner and the reducer into each pair's complete sums. The sums are exact
 * integers, so the order in which partials meet does not matter. For pearson-baseline the mapper
 * reads the baseline (side data: {@link BaselineFile}, at {@link #BASELINE}) to take each
 * rating's residual.
 */
public final class PairStatisticsJob {
  /** The configuration key of the baseline file pearson-baseline's residuals are taken from. */
  public static final String BASELINE = "cfmr.chain.baseline";

  /** Job 2's counters. */
  public enum Counter {
    /** Pair updates: Σ C(n,2) over the pivots. */
    PAIR_CONTRIBUTIONS,
    PAIRS_EMITTED,
    /** Chunks of pivot vectors summed: one per split when its ratings fit the chunk. */
    PIVOT_CHUNKS
  }

  private PairStatisticsJob() {}

  /**
   * Stripes with in-mapper combining (Lin &amp; Dyer) over chunks of the split: the mapper holds
   * the pivot vectors it reads, up to {@link ChainSettings#chunkRatingsInThisJvm()} ratings (by
   * default the whole split), and then sums their pairs row by row with the memory engine's
   * dense kernel ({@link RowSums}): for each entity {@code a} of the chunk, its stripe of every
   * later entity it shares a pivot with, complete for the chunk, emitted once and in ascending
   * {@code b}. A pair co-rated at many pivots of a chunk is thus shuffled once, and the
   * mapper's memory is bounded by the ratings it holds, not by the pairs they make. The dense
   * kernel costs a few ns per pair update; stripes summed in hash tables cost ~0.5 µs (random
   * memory accesses) and must be flushed whenever the table fills.
   */
  public static final class StripesMapper extends Mapper<IntWritable, PivotVector, IntWritable, Stripe> {
    private final IntWritable outKey = new IntWritable();
    private final Stripe stripe = new Stripe();
    private final PairSums pair = new PairSums();
    private Similarity measure;
    private boolean usersAreEntities;
    /** pearson-baseline only (else null). */
    private Baseline baseline;
    private int chunkLimit;
    /** The chunk's ratings: entity, pivot (its index in the chunk), half stars. */
    private int[] entities = new int[1 << 16];
    private int[] pivots = new int[1 << 16];
    private int[] halfStars = new int[1 << 16];
    private int size;
    private final List<EntityTotals> pivotTotals = new ArrayList<>();
    private final List<Integer> pivotIds = new ArrayList<>();

    @Override
    protected void setup(Context context) throws IOException {
      Configuration conf = context.getConfiguration();
      ChainSettings settings = ChainSettings.readFrom(conf);
      measure = settings.similarity().measure();
      usersAreEntities = settings.usersAreEntities();
      chunkLimit = settings.chunkRatingsInThisJvm();
      if (measure.needsBaseline()) {
        Path file = new Path(conf.get(BASELINE));
        try (InputStream in = file.getFileSystem(conf).open(file)) {
          baseline = BaselineFile.read(in);
        }
      }
    }

    @Override
    protected void map(IntWritable pivot, PivotVector vector, Context context)
        throws IOException, InterruptedException {
      int n = vector.size();
      if (size > 0 && size + n > chunkLimit) {
        sumChunk(context);
      }
      if (size + n > entities.length) {
        int capacity = Math.max(size + n, 2 * entities.length);
        entities = Arrays.copyOf(entities, capacity);
        pivots = Arrays.copyOf(pivots, capacity);
        halfStars = Arrays.copyOf(halfStars, capacity);
      }
      System.arraycopy(vector.entities(), 0, entities, size, n);
      System.arraycopy(vector.halfStars(), 0, halfStars, size, n);
      Arrays.fill(pivots, size, size + n, pivotTotals.size());
      pivotTotals.add(vector.totals());
      pivotIds.add(pivot.get());
      size += n;
      context.getCounter(Counter.PAIR_CONTRIBUTIONS).increment((long) n * (n - 1) / 2);
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      if (size > 0) {
        sumChunk(context);
      }
    }

    /** Emits each entity's stripe of the chunk and empties the chunk. */
    private void sumChunk(Context context) throws IOException, InterruptedException {
      RatingMatrix chunk = RatingMatrix.of(entities, pivots, halfStars, size);
      EntityTotals[] totals = new EntityTotals[chunk.columns()];
      Arrays.setAll(totals, c -> pivotTotals.get(chunk.columnIds[c]));
      RowSums rows = RowSums.of(new PivotLayout(chunk, measure, totals, residuals(chunk)));
      long emitted = 0;
      for (int a = 0; a < chunk.rows(); a++) {
        rows.sumRow(a);
        if (rows.touchedCount() == 0) {
          continue;
        }
        int[] touched = rows.touched();
        stripe.clear();
        for (int t = 0; t < rows.touchedCount(); t++) {
          rows.unpack(touched[t], pair);
          rows.clear(touched[t]);
          measure.keepReadSums(pair);
          stripe.appendAscending(chunk.rowIds[touched[t]], pair);
        }
        outKey.set(chunk.rowIds[a]);
        context.write(outKey, stripe);
        emitted += stripe.size();
      }
      context.getCounter(Counter.PAIRS_EMITTED).increment(emitted);
      context.getCounter(Counter.PIVOT_CHUNKS).increment(1);
      size = 0;
      pivotTotals.clear();
      pivotIds.clear();
    }

    /** The chunk's residuals from the baseline when the measure needs them, else null. */
    private BaselineResiduals residuals(RatingMatrix chunk) {
      if (baseline == null) {
        return null;
      }
      int[] pivotIdsOfColumns = new int[chunk.columns()];
      Arrays.setAll(pivotIdsOfColumns, c -> pivotIds.get(chunk.columnIds[c]));
      return BaselineResiduals.of(baseline, chunk.rowIds, pivotIdsOfColumns, usersAreEntities);
    }
  }

  /** Sums the stripes of one entity: the combiner and the reducer of job 2. */
  public static final class StripeSum extends Reducer<IntWritable, Stripe, IntWritable, Stripe> {
    @Override
    protected void reduce(IntWritable a, Iterable<Stripe> stripes, Context context)
        throws IOException, InterruptedException {
      Stripe sum = new Stripe();
      for (Stripe stripe : stripes) {
        sum.addAll(stripe);
      }
      context.write(a, sum);
    }
  }
}
