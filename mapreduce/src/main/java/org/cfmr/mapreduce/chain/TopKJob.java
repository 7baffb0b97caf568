package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Partitioner;
import org.apache.hadoop.mapreduce.Reducer;
import org.cfmr.core.NeighbourFileFormat;
import org.cfmr.core.TopNeighbours;

/**
 * Job 4, top-K: merges each entity's candidate lists into its {@code K} best neighbours
 * ({@link TopNeighbours}: similarity descending, ties by id) and writes them as the neighbour
 * file's lines. Entities are partitioned by id range, so the part files, concatenated in name
 * order, are the file sorted by id, whatever the number of reducers.
 */
public final class TopKJob {
  /** The range boundaries, ascending: reducer {@code r} gets ids in {@code [b[r-1], b[r])}. */
  public static final String BOUNDARIES = "cfmr.chain.topk-boundaries";

  /** Job 4's counters. */
  public enum Counter { ENTITIES_WITH_NEIGHBOURS, NEIGHBOURS_WRITTEN }

  private TopKJob() {}

  static TopNeighbours merge(Iterable<CandidateNeighbours> lists, int k) {
    TopNeighbours top = new TopNeighbours(k);
    for (CandidateNeighbours list : lists) {
      list.offerTo(top);
    }
    return top;
  }

  /** The combiner: an entity's candidate lists pruned to one top-K list (exact, as the order is total). */
  public static final class Prune
      extends Reducer<IntWritable, CandidateNeighbours, IntWritable, CandidateNeighbours> {
    private int k;

    @Override
    protected void setup(Context context) {
      k = ChainSettings.readFrom(context.getConfiguration()).similarity().k();
    }

    @Override
    protected void reduce(IntWritable entity, Iterable<CandidateNeighbours> lists, Context context)
        throws IOException, InterruptedException {
      context.write(entity, new CandidateNeighbours(merge(lists, k).best()));
    }
  }

  /** The reducer: an entity's top-K as the line {@code id<TAB>n1:s1,n2:s2,...}. */
  public static final class NeighbourLines
      extends Reducer<IntWritable, CandidateNeighbours, Text, NullWritable> {
    private final Text line = new Text();
    private int k;

    @Override
    protected void setup(Context context) {
      k = ChainSettings.readFrom(context.getConfiguration()).similarity().k();
    }

    @Override
    protected void reduce(IntWritable entity, Iterable<CandidateNeighbours> lists, Context context)
        throws IOException, InterruptedException {
      TopNeighbours top = merge(lists, k);
      var best = top.best();
      line.set(NeighbourFileFormat.formatLine(entity.get(), best));
      context.write(line, NullWritable.get());
      context.getCounter(Counter.ENTITIES_WITH_NEIGHBOURS).increment(1);
      context.getCounter(Counter.NEIGHBOURS_WRITTEN).increment(best.size());
    }
  }

  /** Sends each entity to the reducer of its id range ({@value #BOUNDARIES}). */
  public static final class IdRangePartitioner extends Partitioner<IntWritable, CandidateNeighbours>
      implements Configurable {
    private Configuration conf;
    private int[] boundaries = new int[0];

    @Override
    public void setConf(Configuration configuration) {
      this.conf = configuration;
      boundaries = configuration.getInts(BOUNDARIES);
    }

    @Override
    public Configuration getConf() {
      return conf;
    }

    @Override
    public int getPartition(IntWritable entity, CandidateNeighbours value, int partitions) {
      int at = Arrays.binarySearch(boundaries, entity.get());
      int range = at >= 0 ? at + 1 : -at - 1;
      return Math.min(range, partitions - 1);
    }

    /** {@code partitions − 1} boundaries that share the (ascending) {@code ids} out evenly. */
    public static int[] boundaries(int[] ids, int partitions) {
      int[] boundaries = new int[Math.max(0, partitions - 1)];
      for (int r = 1; r < partitions; r++) {
        boundaries[r - 1] = ids.length == 0 ? r : ids[(int) ((long) ids.length * r / partitions)];
      }
      return boundaries;
    }
  }
}
