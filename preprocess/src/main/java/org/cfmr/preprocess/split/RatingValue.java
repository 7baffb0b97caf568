package org.cfmr.preprocess.split;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;

/**
 * A rating's value, timestamp and the byte offset of its line in the input: the shuffle's value,
 * keyed by {@link RatingKey}. The offset lets a duplicate be reported with both line numbers.
 */
public final class RatingValue implements Writable {
  private int halfStars;
  private long timestamp;
  private long offset;

  public RatingValue() {}

  public RatingValue(int halfStars, long timestamp, long offset) {
    set(halfStars, timestamp, offset);
  }

  public void set(int halfStars, long timestamp, long offset) {
    this.halfStars = halfStars;
    this.timestamp = timestamp;
    this.offset = offset;
  }

  public int halfStars() {
    return halfStars;
  }

  public long timestamp() {
    return timestamp;
  }

  public long offset() {
    return offset;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(halfStars);
    out.writeLong(timestamp);
    out.writeLong(offset);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    halfStars = in.readByte();
    timestamp = in.readLong();
    offset = in.readLong();
  }
}
