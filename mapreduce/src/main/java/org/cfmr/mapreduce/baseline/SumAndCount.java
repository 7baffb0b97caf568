package org.cfmr.mapreduce.baseline;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/** A fixed-point (or half-star) sum and how many terms it has; variable-length encoded. */
public final class SumAndCount implements Writable {
  long sum;
  long count;

  public SumAndCount() {}

  SumAndCount set(long newSum, long newCount) {
    sum = newSum;
    count = newCount;
    return this;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, sum);
    WritableUtils.writeVLong(out, count);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    sum = WritableUtils.readVLong(in);
    count = WritableUtils.readVLong(in);
  }
}
