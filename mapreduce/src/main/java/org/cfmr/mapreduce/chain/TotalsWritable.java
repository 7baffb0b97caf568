package org.cfmr.mapreduce.chain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.cfmr.core.EntityTotals;

/**
 * An entity's rating count and half-star sum, with the entity's id: in job 1 one rating is the
 * totals {@code (1, h)} of its entity at a pivot, and partial totals of an entity are summed into
 * its train totals. Variable-length encoded.
 */
public final class TotalsWritable implements Writable {
  private int id;
  private long count;
  private long halfStarSum;

  public TotalsWritable() {}

  public TotalsWritable(int id, long count, long halfStarSum) {
    set(id, count, halfStarSum);
  }

  public TotalsWritable set(int newId, long newCount, long newHalfStarSum) {
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
    return o instanceof TotalsWritable t && t.id == id && t.count == count
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
