package org.cfmr.als.mapreduce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;

/**
 * One row's ratings between the jobs (the value of a rows file, keyed by the row's id): the other
 * side's ids ascending and their half stars; on disk the ids as variable-length gaps and the
 * half stars as bytes (about 2–3 bytes a rating).
 */
public final class RowRatings implements Writable {
  int size;
  int[] others = new int[16];
  int[] halfStars = new int[16];

  /** Sets the row from packed {@code (other << 32) | halfStars} values sorted ascending. */
  void set(long[] packed, int count) {
    ensure(count);
    size = count;
    for (int at = 0; at < count; at++) {
      others[at] = (int) (packed[at] >>> 32);
      halfStars[at] = (int) packed[at];
    }
  }

  private void ensure(int count) {
    if (others.length < count) {
      others = Arrays.copyOf(others, Math.max(count, 2 * others.length));
      halfStars = Arrays.copyOf(halfStars, others.length);
    }
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVInt(out, size);
    int previous = 0;
    for (int at = 0; at < size; at++) {
      WritableUtils.writeVInt(out, others[at] - previous);
      previous = others[at];
    }
    for (int at = 0; at < size; at++) {
      out.writeByte(halfStars[at]);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    size = WritableUtils.readVInt(in);
    ensure(size);
    int previous = 0;
    for (int at = 0; at < size; at++) {
      previous += WritableUtils.readVInt(in);
      others[at] = previous;
    }
    for (int at = 0; at < size; at++) {
      halfStars[at] = in.readByte();
    }
  }
}
