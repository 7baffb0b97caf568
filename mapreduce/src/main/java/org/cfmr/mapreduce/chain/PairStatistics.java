package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.util.ReflectionUtils;
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
  public enum Counter {
    /** Pair updates whose sums were emitted: Σ C(n,2) over the pivots. */
    PAIR_CONTRIBUTIONS,
    /** Pair updates made and then dropped when a pass narrowed its range (work done twice). */
    CONTRIBUTIONS_REDONE,
    PAIRS_EMITTED,
    /** Passes of the mappers over their splits: one each when their pairs fit the buffer. */
    SPLIT_PASSES
  }

  private PairStatistics() {}

  /**
   * Stripes with in-mapper combining (Lin &amp; Dyer), memory-bounded by passes over the split:
   * the stripes of all pivots of the split are summed in memory, so a pair co-rated at many
   * pivots is shuffled once. A pass sums only the stripes of the entities {@code a} in a range
   * {@code [lowest, below)}; when the buffer holds more than
   * {@link ChainSettings#pairBufferInThisJvm()} pairs, the range is narrowed to the lower
   * entities holding about half of them and the upper stripes are dropped. At the end of a pass
   * its stripes are complete for the split and emitted, and the next pass re-reads the split for
   * the entities from {@code below} on. Each pair is thus emitted once per split whatever the
   * data's size; flushing a full buffer instead emitted the same pairs over and over, and at
   * synthetic 1/16 user–user (7.9e7 distinct pairs against a buffer of 2.1e7) job 2 did not end
   * in 33 minutes.
   */
  public static final class StripesMapper extends Mapper<IntWritable, PivotVector, IntWritable, Stripe> {
    private final Map<Integer, Stripe> buffer = new HashMap<>();
    private final IntWritable outKey = new IntWritable();
    private final PairSums contribution = new PairSums();
    private Similarity measure;
    private int bufferLimit;
    private long buffered;
    private long contributions;
    /** This pass's range of entities {@code a}: {@code lowest <= a < below}. */
    private int lowest;
    private long below;

    @Override
    protected void setup(Context context) {
      ChainSettings settings = ChainSettings.readFrom(context.getConfiguration());
      measure = settings.similarity().measure();
      bufferLimit = settings.pairBufferInThisJvm();
    }

    @Override
    public void run(Context context) throws IOException, InterruptedException {
      setup(context);
      lowest = 0;
      for (boolean first = true; ; first = false) {
        below = Long.MAX_VALUE;
        if (first) {
          while (context.nextKeyValue()) {
            map(context.getCurrentKey(), context.getCurrentValue(), context);
          }
        } else {
          try (RecordReader<IntWritable, PivotVector> split = reopenSplit(context)) {
            while (split.nextKeyValue()) {
              map(split.getCurrentKey(), split.getCurrentValue(), context);
            }
          }
        }
        endPass(context);
        if (below == Long.MAX_VALUE) {
          break;
        }
        lowest = (int) below;
      }
      cleanup(context);
    }

    /** The pairs {@code (entities[i], entities[j])}, i < j, with {@code entities[i]} in range. */
    @Override
    protected void map(IntWritable pivot, PivotVector vector, Context context) {
      int size = vector.size();
      int[] entities = vector.entities();
      PivotContributions pivotContributions =
          new PivotContributions(measure, vector.halfStars(), size, vector.totals());
      int from = Arrays.binarySearch(entities, 0, size, lowest);
      for (int i = from < 0 ? -from - 1 : from; i < size - 1 && entities[i] < below; i++) {
        Stripe stripe = buffer.computeIfAbsent(entities[i], a -> new Stripe());
        for (int j = i + 1; j < size; j++) {
          contribution.clear();
          pivotContributions.addPair(contribution, i, j);
          if (stripe.add(entities[j], contribution)) {
            buffered++;
          }
        }
        contributions += size - 1 - i;
        if (buffered > bufferLimit) {
          narrowRange(context);
        }
      }
    }

    /**
     * Keeps the stripes of the lowest entities holding at most half the buffer (at least one
     * entity) and drops the others, which a later pass sums again.
     */
    private void narrowRange(Context context) {
      int[] keys = buffer.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      long kept = buffer.get(keys[0]).size();
      int cut = 1;
      while (cut < keys.length && kept + buffer.get(keys[cut]).size() <= bufferLimit / 2) {
        kept += buffer.get(keys[cut++]).size();
      }
      if (cut == keys.length) {
        return;
      }
      long dropped = 0;
      for (int k = cut; k < keys.length; k++) {
        dropped += buffer.remove(keys[k]).contributions();
      }
      below = keys[cut];
      buffered = kept;
      contributions -= dropped;
      context.getCounter(Counter.CONTRIBUTIONS_REDONE).increment(dropped);
    }

    private void endPass(Context context) throws IOException, InterruptedException {
      for (Map.Entry<Integer, Stripe> entry : buffer.entrySet()) {
        outKey.set(entry.getKey());
        context.write(outKey, entry.getValue());
        context.getCounter(Counter.PAIRS_EMITTED).increment(entry.getValue().size());
      }
      context.getCounter(Counter.PAIR_CONTRIBUTIONS).increment(contributions);
      context.getCounter(Counter.SPLIT_PASSES).increment(1);
      buffer.clear();
      buffered = 0;
      contributions = 0;
    }

    /** A new reader over this task's split, from its first record. */
    private static RecordReader<IntWritable, PivotVector> reopenSplit(Context context)
        throws IOException, InterruptedException {
      try {
        @SuppressWarnings("unchecked")
        InputFormat<IntWritable, PivotVector> format = ReflectionUtils.newInstance(
            (Class<? extends InputFormat<IntWritable, PivotVector>>) context.getInputFormatClass(),
            context.getConfiguration());
        RecordReader<IntWritable, PivotVector> reader =
            format.createRecordReader(context.getInputSplit(), context);
        reader.initialize(context.getInputSplit(), context);
        return reader;
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot re-read the split: " + e.getMessage(), e);
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
