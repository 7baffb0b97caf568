package org.cfmr.mapreduce.chain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.cfmr.core.EntityTotals;

/**
 * One pivot's ratings as job 1 writes them: the entities (ascending, the capped sample when the
 * pivot has more ratings than the cap) with their half-star ratings, and the totals of all the
 * pivot's train ratings (adjusted cosine centres on them). Entities are delta-encoded VInts and
 * ratings one byte each, so a rating costs about two bytes.
 */
public final class PivotVector implements Writable {
  private EntityTotals totals = EntityTotals.NONE;
  private int[] entities = new int[16];
  private int[] halfStars = new int[16];
  private int size;

  public PivotVector() {}

  /** A vector of {@code entities[0..size)} (ascending) and their ratings, copied. */
  public PivotVector(EntityTotals totals, int[] entities, int[] halfStars, int size) {
    this.totals = totals;
    this.entities = Arrays.copyOf(entities, size);
    this.halfStars = Arrays.copyOf(halfStars, size);
    this.size = size;
  }

  public EntityTotals totals() {
    return totals;
  }

  /** The entities, ascending; only the first {@link #size()} are valid. */
  public int[] entities() {
    return entities;
  }

  /** The ratings in half stars, parallel to {@link #entities()}. */
  public int[] halfStars() {
    return halfStars;
  }

  public int size() {
    return size;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVLong(out, totals.count());
    WritableUtils.writeVLong(out, totals.halfStarSum());
    WritableUtils.writeVInt(out, size);
    int previous = 0;
    for (int i = 0; i < size; i++) {
      WritableUtils.writeVInt(out, entities[i] - previous);
      previous = entities[i];
      out.writeByte(halfStars[i]);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    totals = new EntityTotals(WritableUtils.readVLong(in), WritableUtils.readVLong(in));
    size = WritableUtils.readVInt(in);
    if (entities.length < size) {
      entities = new int[size];
      halfStars = new int[size];
    }
    int previous = 0;
    for (int i = 0; i < size; i++) {
      previous += WritableUtils.readVInt(in);
      entities[i] = previous;
      halfStars[i] = in.readByte();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PivotVector v && v.totals.equals(totals) && v.size == size
        && Arrays.equals(v.entities, 0, size, entities, 0, size)
        && Arrays.equals(v.halfStars, 0, size, halfStars, 0, size);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(Arrays.copyOf(entities, size));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("PivotVector" + totals + "[");
    for (int i = 0; i < size; i++) {
      text.append(i > 0 ? " " : "").append(entities[i]).append(':').append(halfStars[i]);
    }
    return text.append(']').toString();
  }
}
