package org.cfmr.preprocess.split;

import java.util.Arrays;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Total order partitioning: reducer {@code r} gets the keys between the {@code r}-th and the
 * {@code r+1}-th boundary, so the reducers' sorted part files, concatenated in name order, are
 * sorted as a whole. The boundaries come from a sample of the input ({@link KeySample}); a poor
 * sample only unbalances the reducers, it never changes the files. Like Hadoop's
 * {@code TotalOrderPartitioner}, with the boundaries in the configuration instead of a side file
 * and with no need for distinct boundaries (a small input may yield empty reducers).
 */
public final class KeyRangePartitioner extends Partitioner<LongWritable, RatingValue>
    implements Configurable {
  private static final String BOUNDARIES = "cfmr.split.key-boundaries";

  private Configuration conf;
  private long[] boundaries = new long[0];

  /** Sets the {@code reducers − 1} ascending boundaries. */
  public static void setBoundaries(Configuration conf, long[] boundaries) {
    conf.set(BOUNDARIES, String.join(",", Arrays.stream(boundaries).mapToObj(Long::toString).toList()));
  }

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
    String text = conf.get(BOUNDARIES, "");
    boundaries = text.isEmpty() ? new long[0]
        : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public int getPartition(LongWritable key, RatingValue value, int partitions) {
    return Math.min(partitionOf(key.get()), partitions - 1);
  }

  /** The number of boundaries at or below {@code key}. */
  int partitionOf(long key) {
    int low = 0;
    int high = boundaries.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (boundaries[middle] <= key) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
