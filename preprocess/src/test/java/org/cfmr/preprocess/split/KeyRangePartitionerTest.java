package org.cfmr.preprocess.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.junit.jupiter.api.Test;

class KeyRangePartitionerTest {

  @Test
  void eachReducerGetsTheKeysFromItsBoundaryUpToTheNext() {
    Configuration conf = new Configuration();
    long[] boundaries = {RatingKey.pack(3, 0), RatingKey.pack(3, 0), RatingKey.pack(7, 5)};
    KeyRangePartitioner.setBoundaries(conf, boundaries);
    KeyRangePartitioner partitioner = new KeyRangePartitioner();
    partitioner.setConf(conf);
    assertEquals(0, partition(partitioner, 1, 99));
    assertEquals(0, partition(partitioner, 2, Integer.MAX_VALUE));
    assertEquals(2, partition(partitioner, 3, 0), "a repeated boundary leaves reducer 1 empty");
    assertEquals(2, partition(partitioner, 7, 4));
    assertEquals(3, partition(partitioner, 7, 5));
    assertEquals(3, partition(partitioner, Integer.MAX_VALUE, 1));
  }

  @Test
  void withoutBoundariesEverythingGoesToTheFirstReducer() {
    KeyRangePartitioner partitioner = new KeyRangePartitioner();
    partitioner.setConf(new Configuration());
    assertEquals(0, partition(partitioner, 12, 4));
  }

  private static int partition(KeyRangePartitioner partitioner, int user, int item) {
    return partitioner.getPartition(new LongWritable(RatingKey.pack(user, item)), null, 4);
  }
}
