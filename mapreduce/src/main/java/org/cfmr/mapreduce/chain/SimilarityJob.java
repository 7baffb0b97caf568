package org.cfmr.mapreduce.chain;

import java.io.IOException;
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
  /**
   * The least input of one map task, in bytes of job 2's stripes. A task writes up to K
   * candidates for every entity it meets, so the number of tasks multiplies job 4's shuffle: at
   * the local file system's 32 MB splits, user–user at ml-32m's 1/4 wrote 282 partial lists per
   * user. {@code -D cfmr.chain.scoring-split-bytes=N} trades that for more parallel tasks.
   */
  public static final String SPLIT_BYTES = "cfmr.chain.scoring-split-bytes";
  public static final long DEFAULT_SPLIT_BYTES = 1L << 30;

  /** Job 3's counters. */
  public enum Counter { PAIRS_SCORED, PAIRS_KEPT, CANDIDATES_WRITTEN }

  private SimilarityJob() {}

  /**
   * In-mapper combining of the candidates: a top-K per entity is kept in memory, in an array
   * indexed by the entity's row of the totals table, and written when about
   * {@link ChainSettings#candidateBufferInThisJvm()} candidates are buffered, and at the end. The
   * neighbour order is total, so these partial top-K lists merge into the exact top-K
   * ({@link TopNeighbours}), and a pair that can never make the cut is never written: one whose
   * support caps its shrunk similarity ({@link PairScorer#upperBound}) below both ends' worst
   * buffered neighbour is not even scored.
   */
  public static final class ScoringMapper
      extends Mapper<IntWritable, Stripe, IntWritable, CandidateNeighbours> {
    private final IntWritable outKey = new IntWritable();
    private NeighbourSettings settings;
    private PairScorer scorer;
    private EntityTotalsTable totals;
    private TopNeighbours[] buffer;
    private int buffered;
    private int bufferedEntityLimit;

    @Override
    protected void setup(Context context) throws IOException {
      ChainSettings chain = ChainSettings.readFrom(context.getConfiguration());
      settings = chain.similarity();
      scorer = new PairScorer(settings);
      totals = EntityTotalsTable.read(
          new Path(context.getConfiguration().get(TOTALS_FOLDER)), context.getConfiguration());
      buffer = new TopNeighbours[totals.size()];
      bufferedEntityLimit = Math.max(1, chain.candidateBufferInThisJvm() / settings.k());
    }

    @Override
    protected void map(IntWritable key, Stripe stripe, Context context)
        throws IOException, InterruptedException {
      int a = key.get();
      int rowA = rowOf(a);
      EntityTotals totalsOfA = totals.totalsAt(rowA);
      long[] kept = new long[1];
      stripe.forEachAscending((sums, b) -> {
        int rowB = rowOf(b);
        if (sums.n >= settings.minCommon() && scorer.upperBound(sums.n)
            >= Math.min(worstBuffered(rowA), worstBuffered(rowB))) {
          double similarity = scorer.score(sums, totalsOfA, totals.totalsAt(rowB));
          if (!Double.isNaN(similarity)) {
            offer(rowA, b, similarity);
            offer(rowB, a, similarity);
            kept[0]++;
          }
        }
      });
      context.getCounter(Counter.PAIRS_SCORED).increment(stripe.size());
      context.getCounter(Counter.PAIRS_KEPT).increment(kept[0]);
      if (buffered >= bufferedEntityLimit) {
        flush(context);
      }
    }

    private int rowOf(int entity) {
      int row = totals.rowOf(entity);
      if (row < 0) {
        throw new IllegalStateException(
            "entity " + entity + " of a pair stripe is missing from job 1's totals");
      }
      return row;
    }

    private double worstBuffered(int row) {
      return buffer[row] == null ? Double.NEGATIVE_INFINITY : buffer[row].worstSimilarity();
    }

    private void offer(int row, int neighbour, double similarity) {
      if (buffer[row] == null) {
        buffer[row] = new TopNeighbours(settings.k());
        buffered++;
      }
      buffer[row].offer(neighbour, similarity);
    }

    private void flush(Context context) throws IOException, InterruptedException {
      int[] ids = totals.ids();
      for (int row = 0; row < buffer.length; row++) {
        if (buffer[row] != null) {
          outKey.set(ids[row]);
          CandidateNeighbours candidates = new CandidateNeighbours(buffer[row].best());
          context.write(outKey, candidates);
          context.getCounter(Counter.CANDIDATES_WRITTEN).increment(candidates.neighbours().size());
          buffer[row] = null;
        }
      }
      buffered = 0;
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      flush(context);
    }
  }
}
