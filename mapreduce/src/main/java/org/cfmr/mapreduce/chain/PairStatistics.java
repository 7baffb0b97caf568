package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.cfmr.core.PairSums;
import org.cfmr.core.PivotContributions;
import org.cfmr.core.Similarity;

/**
 * Job 2, pair statistics: from each pivot vector, the partial {@link PairSums} of every canonical
 * pair {@code a < b} of its entities, as {@link Stripe}s keyed by {@code a}, summed by a combiner
 * and the reducer into each pair's complete sums. The sums are exact integers, so the order in
 * which partials meet does not matter.
 */
public final class PairStatistics {
  /** Job 2's counters. */
  public enum Counter { PAIR_CONTRIBUTIONS, PAIRS_EMITTED, BUFFER_FLUSHES }

  private PairStatistics() {}

  /**
   * Stripes with in-mapper combining (Lin &amp; Dyer): the stripes of all pivots of the split are
   * summed in memory and emitted when the buffer holds
   * {@link ChainSettings#pairBufferInThisJvm()} pairs
   * and at the end, so a pair co-rated at many pivots of a split is shuffled once, while the
   * memory stays bounded.
   */
  public static final class StripesMapper extends Mapper<IntWritable, PivotVector, IntWritable, Stripe> {
    private final Map<Integer, Stripe> buffer = new HashMap<>();
    private final IntWritable outKey = new IntWritable();
    private final PairSums contribution = new PairSums();
    private Similarity measure;
    private int bufferLimit;
    private long buffered;

    @Override
    protected void setup(Context context) {
      ChainSettings settings = ChainSettings.readFrom(context.getConfiguration());
      measure = settings.similarity().measure();
      bufferLimit = settings.pairBufferInThisJvm();
    }

    @Override
    protected void map(IntWritable pivot, PivotVector vector, Context context)
        throws IOException, InterruptedException {
      int size = vector.size();
      int[] entities = vector.entities();
      PivotContributions contributions =
          new PivotContributions(measure, vector.halfStars(), size, vector.totals());
      for (int i = 0; i < size - 1; i++) {
        Stripe stripe = buffer.computeIfAbsent(entities[i], a -> new Stripe());
        for (int j = i + 1; j < size; j++) {
          contribution.clear();
          contributions.addPair(contribution, i, j);
          if (stripe.add(entities[j], contribution)) {
            buffered++;
          }
        }
        if (buffered >= bufferLimit) {
          flush(context);
        }
      }
      context.getCounter(Counter.PAIR_CONTRIBUTIONS).increment((long) size * (size - 1) / 2);
    }

    private void flush(Context context) throws IOException, InterruptedException {
      for (Map.Entry<Integer, Stripe> entry : buffer.entrySet()) {
        outKey.set(entry.getKey());
        context.write(outKey, entry.getValue());
        context.getCounter(Counter.PAIRS_EMITTED).increment(entry.getValue().size());
      }
      buffer.clear();
      buffered = 0;
      context.getCounter(Counter.BUFFER_FLUSHES).increment(1);
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      if (!buffer.isEmpty()) {
        flush(context);
      }
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
