package org.cfmr.mapreduce.chain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.cfmr.core.EntityTotals;

/**
 * Partial train totals of one entity (its id, a rating count and a half-star sum), job 1's map
 * output value: a single rating {@code h} is the partial {@code (1, h)}, sent to its pivot (where
 * the ratings make the pivot vector) and to its entity (where the partials are summed into the
 * entity's train totals). Variable-length encoded.
 */
public final class PartialTotalsWritable implements Writable {
  private int id;
  private long count;
  private long halfStarSum;

  public PartialTotalsWritable() {}

  public PartialTotalsWritable(int id, long count, long halfStarSum) {
    set(id, count, halfStarSum);
  }

  public PartialTotalsWritable set(int newId, long newCount, long newHalfStarSum) {
    this.id = newId;
    this.count = newCount;
    this.halfStarSum = newHalfStarSum;
    return this;
  }

  public int id() {
    return id;
  }

  public long count() {
    return count;
  }

  public long halfStarSum() {
    return halfStarSum;
  }

  public EntityTotals totals() {
    return new EntityTotals(count, halfStarSum);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVInt(out, id);
    WritableUtils.writeVLong(out, count);
    WritableUtils.writeVLong(out, halfStarSum);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    id = WritableUtils.readVInt(in);
    count = WritableUtils.readVLong(in);
    halfStarSum = WritableUtils.readVLong(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartialTotalsWritable t && t.id == id && t.count == count
        && t.halfStarSum == halfStarSum;
  }

  @Override
  public int hashCode() {
    return id;
  }

  @Override
  public String toString() {
    return id + "(" + count + "," + halfStarSum + ")";
  }
}
