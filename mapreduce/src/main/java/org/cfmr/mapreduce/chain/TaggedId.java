package org.cfmr.mapreduce.chain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;

/**
 * Job 1's map output key: a pivot id (its ratings are grouped into a pivot vector) or an entity
 * id (its partial totals are summed into the entity's train totals). The tag keeps the two kinds
 * of record apart in one shuffle, so the entity totals need no pass of their own. Five bytes,
 * compared raw.
 */
public final class TaggedId implements WritableComparable<TaggedId> {
  /** What the id names. */
  public enum Tag { PIVOT, ENTITY }

  private Tag tag = Tag.PIVOT;
  private int id;

  public TaggedId() {}

  public TaggedId(Tag tag, int id) {
    set(tag, id);
  }

  public TaggedId set(Tag newTag, int newId) {
    this.tag = newTag;
    this.id = newId;
    return this;
  }

  public Tag tag() {
    return tag;
  }

  public int id() {
    return id;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(tag.ordinal());
    out.writeInt(id);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    tag = Tag.values()[in.readByte()];
    id = in.readInt();
  }

  @Override
  public int compareTo(TaggedId other) {
    int byTag = Integer.compare(tag.ordinal(), other.tag.ordinal());
    return byTag != 0 ? byTag : Integer.compare(id, other.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaggedId t && t.tag == tag && t.id == id;
  }

  /** Stable across JVMs (the default partitioner uses it). */
  @Override
  public int hashCode() {
    return id * 31 + tag.ordinal();
  }

  @Override
  public String toString() {
    return tag + ":" + id;
  }

  /** Compares the serialised keys byte by byte: the tag, then the non-negative id big-endian. */
  public static final class RawComparator extends WritableComparator {
    public RawComparator() {
      super(TaggedId.class);
    }

    @Override
    public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
      return compareBytes(b1, s1, l1, b2, s2, l2);
    }
  }

  static {
    WritableComparator.define(TaggedId.class, new RawComparator());
  }
}
