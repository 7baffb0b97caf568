package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.similarity.PairScorer;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.TopNeighbours;

/**
 * Job 3, similarity (map only): scores each pair of a complete stripe with {@link PairScorer}
 * (minCommon, shrinkage, minSim), and offers every kept pair in both directions, {@code b} as a
 * neighbour of {@code a} and {@code a} as a neighbour of {@code b}.
 */
public final class SimilarityJob {
  /** Where the mapper finds job 1's entity totals. */
  public static final String TOTALS_FOLDER = "cfmr.chain.totals-folder";

  /** Job 3's counters. */
  public enum Counter { PAIRS_SCORED, PAIRS_KEPT, CANDIDATES_WRITTEN }

  private SimilarityJob() {}

  /**
   * In-mapper combining of the candidates: a top-K per entity is kept in memory and written when
   * the buffer holds about {@link ChainSettings#candidateBuffer()} candidates and at the end.
   * The neighbour order is total, so these partial top-K lists merge into the exact top-K
   * ({@link TopNeighbours}), and a pair that can never make the cut is never written.
   */
  public static final class ScoringMapper
      extends Mapper<IntWritable, Stripe, IntWritable, CandidateNeighbours> {
    private final Map<Integer, TopNeighbours> buffer = new HashMap<>();
    private final IntWritable outKey = new IntWritable();
    private NeighbourSettings settings;
    private PairScorer scorer;
    private EntityTotalsTable totals;
    private int bufferedEntityLimit;

    @Override
    protected void setup(Context context) throws IOException {
      ChainSettings chain = ChainSettings.readFrom(context.getConfiguration());
      settings = chain.similarity();
      scorer = new PairScorer(settings);
      totals = EntityTotalsTable.read(
          new Path(context.getConfiguration().get(TOTALS_FOLDER)), context.getConfiguration());
      bufferedEntityLimit = Math.max(1, chain.candidateBuffer() / settings.k());
    }

    @Override
    protected void map(IntWritable key, Stripe stripe, Context context)
        throws IOException, InterruptedException {
      int a = key.get();
      EntityTotals totalsOfA = totals.get(a);
      long[] kept = new long[1];
      stripe.forEachAscending((sums, b) -> {
        double similarity = scorer.score(sums, totalsOfA, totals.get(b));
        if (!Double.isNaN(similarity)) {
          offer(a, b, similarity);
          offer(b, a, similarity);
          kept[0]++;
        }
      });
      context.getCounter(Counter.PAIRS_SCORED).increment(stripe.size());
      context.getCounter(Counter.PAIRS_KEPT).increment(kept[0]);
      if (buffer.size() >= bufferedEntityLimit) {
        flush(context);
      }
    }

    private void offer(int entity, int neighbour, double similarity) {
      buffer.computeIfAbsent(entity, e -> new TopNeighbours(settings.k()))
          .offer(neighbour, similarity);
    }

    private void flush(Context context) throws IOException, InterruptedException {
      for (Map.Entry<Integer, TopNeighbours> entry : buffer.entrySet()) {
        outKey.set(entry.getKey());
        CandidateNeighbours candidates = new CandidateNeighbours(entry.getValue().best());
        context.write(outKey, candidates);
        context.getCounter(Counter.CANDIDATES_WRITTEN).increment(candidates.neighbours().size());
      }
      buffer.clear();
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      flush(context);
    }
  }
}
