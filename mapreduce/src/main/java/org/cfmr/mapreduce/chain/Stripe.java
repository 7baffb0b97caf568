package org.cfmr.mapreduce.chain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.thirdparty.protobuf.CodedInputStream;
import org.apache.hadoop.thirdparty.protobuf.CodedOutputStream;
import org.cfmr.core.similarity.PairSums;

/**
 * A stripe (Lin &amp; Dyer): for one entity {@code a} (the key), the partial {@link PairSums} of
 * every pair {@code (a, b)} with {@code b > a}. Stripes rather than one record per pair, because
 * one key then carries all of {@code a}'s pairs, which cuts the records shuffled and lets the
 * combiner merge them; only the canonical order {@code a < b} is stored, never both.
 *
 * <p>In memory the entries sit in primitive arrays in the order they came (about 70 bytes a pair,
 * no object per pair), with an open-addressing index from {@code b} to its entry that is built
 * only when a sum is added to: a stripe that was read and is only iterated (job 3) or copied (a
 * combiner or reducer that got one stripe) is never hashed, and, its entries being ascending
 * already, never sorted. Written with {@code b} ascending: the entry count and the byte length as
 * VInts, then each {@code b} delta-encoded and its six sums zigzag-encoded, as protobuf varints
 * encoded into one array ({@code DataOutput} byte by byte was a fifth of job 2's time).
 */
public final class Stripe implements Writable {
  private static final int FIELDS = PairSums.FIELDS;
  /** The most bytes one entry takes encoded: a 32-bit varint and six 64-bit ones. */
  private static final int MAX_ENTRY_BYTES = 5 + FIELDS * 10;

  private int[] ids = new int[8];
  private long[] sums = new long[8 * FIELDS];
  private int size;
  /** True while {@code ids[0..size)} is ascending. */
  private boolean ascending = true;
  /** Open addressing: {@code (long) b << 32 | entry + 1}, 0 for an empty slot; null until needed. */
  private long[] index;
  private byte[] encoded = new byte[0];

  /**
   * Adds {@code partial} to the sums of {@code (a, b)}.
   *
   * @return true when {@code b} was not in the stripe before
   */
  public boolean add(int b, PairSums partial) {
    if (index == null) {
      buildIndex();
    }
    int slot = slot(b);
    boolean added = index[slot] == 0;
    int entry;
    if (added) {
      entry = append(b);
      if ((size + 1) * 4L > index.length * 3L) {
        buildIndex();
      } else {
        index[slot] = (long) b << 32 | entry + 1;
      }
    } else {
      entry = (int) index[slot] - 1;
    }
    partial.addTo(sums, entry * FIELDS);
    return added;
  }

  /**
   * Adds {@code (a, b)} with {@code pair}'s sums as a new entry, {@code b} above every {@code b}
   * already in the stripe (a row of sums read in order; nothing is hashed).
   */
  public void appendAscending(int b, PairSums pair) {
    if (size > 0 && b <= ids[size - 1]) {
      throw new IllegalArgumentException(b + " does not come after " + ids[size - 1]);
    }
    int entry = append(b);
    pair.writeTo(sums, entry * FIELDS);
    index = null;
  }

  /** Empties the stripe. */
  public void clear() {
    reset(0);
  }

  /** Adds {@code other}'s partials to these; into an empty stripe, a copy. */
  public void addAll(Stripe other) {
    if (size == 0) {
      copyOf(other);
      return;
    }
    PairSums partial = new PairSums();
    for (int entry = 0; entry < other.size; entry++) {
      add(other.ids[entry], other.read(entry, partial));
    }
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Calls {@code action} with each pair's sums and {@code b}, in ascending {@code b}. The sums
   * object is reused from call to call.
   */
  public void forEachAscending(ObjIntConsumer<PairSums> action) {
    sortEntries();
    PairSums pair = new PairSums();
    for (int entry = 0; entry < size; entry++) {
      action.accept(read(entry, pair), ids[entry]);
    }
  }

  private PairSums read(int entry, PairSums into) {
    return into.readFrom(sums, entry * FIELDS);
  }

  /** A new entry for {@code b} with zero sums (the index is the caller's business). */
  private int append(int b) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, 2 * size);
      sums = Arrays.copyOf(sums, 2 * size * FIELDS);
    }
    ascending &= size == 0 || b > ids[size - 1];
    ids[size] = b;
    Arrays.fill(sums, size * FIELDS, (size + 1) * FIELDS, 0);
    return size++;
  }

  /** The slot of {@code b}: where it is, or the empty slot where it belongs (linear probing). */
  private int slot(int b) {
    int mask = index.length - 1;
    int slot = (b * 0x9E3779B9) >>> 1 & mask;
    while (index[slot] != 0 && (int) (index[slot] >>> 32) != b) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Indexes the entries in a table with room for twice as many, at most 3/4 full. */
  private void buildIndex() {
    int capacity = 16;
    while (capacity * 3L < (size + 1) * 8L) {
      capacity *= 2;
    }
    index = new long[capacity];
    for (int entry = 0; entry < size; entry++) {
      index[slot(ids[entry])] = (long) ids[entry] << 32 | entry + 1;
    }
  }

  /** Puts the entries in ascending {@code b} (the index, if any, is rebuilt when next needed). */
  private void sortEntries() {
    if (ascending) {
      return;
    }
    long[] order = new long[size];
    for (int entry = 0; entry < size; entry++) {
      order[entry] = (long) ids[entry] << 32 | entry;
    }
    Arrays.sort(order);
    int[] sortedIds = new int[ids.length];
    long[] sortedSums = new long[sums.length];
    for (int i = 0; i < size; i++) {
      int entry = (int) order[i];
      sortedIds[i] = ids[entry];
      System.arraycopy(sums, entry * FIELDS, sortedSums, i * FIELDS, FIELDS);
    }
    ids = sortedIds;
    sums = sortedSums;
    ascending = true;
    index = null;
  }

  private void copyOf(Stripe other) {
    ids = Arrays.copyOf(other.ids, Math.max(8, other.size));
    sums = Arrays.copyOf(other.sums, Math.max(8, other.size) * FIELDS);
    size = other.size;
    ascending = other.ascending;
    index = null;
  }

  /** Empties the stripe, keeping room for {@code expected} entries. */
  private void reset(int expected) {
    if (ids.length < expected) {
      ids = new int[expected];
      sums = new long[expected * FIELDS];
    }
    size = 0;
    ascending = true;
    index = null;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    sortEntries();
    if (encoded.length < size * MAX_ENTRY_BYTES) {
      encoded = new byte[size * MAX_ENTRY_BYTES];
    }
    CodedOutputStream encoder = CodedOutputStream.newInstance(encoded);
    int previous = 0;
    for (int entry = 0; entry < size; entry++) {
      encoder.writeUInt32NoTag(ids[entry] - previous);
      previous = ids[entry];
      for (int field = entry * FIELDS; field < (entry + 1) * FIELDS; field++) {
        encoder.writeSInt64NoTag(sums[field]);
      }
    }
    WritableUtils.writeVInt(out, size);
    WritableUtils.writeVInt(out, encoder.getTotalBytesWritten());
    out.write(encoded, 0, encoder.getTotalBytesWritten());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int count = WritableUtils.readVInt(in);
    int length = WritableUtils.readVInt(in);
    if (encoded.length < length) {
      encoded = new byte[length];
    }
    in.readFully(encoded, 0, length);
    reset(count);
    CodedInputStream decoder = CodedInputStream.newInstance(encoded, 0, length);
    int b = 0;
    for (int entry = 0; entry < count; entry++) {
      b += decoder.readUInt32();
      ids[entry] = b;
      for (int field = entry * FIELDS; field < (entry + 1) * FIELDS; field++) {
        sums[field] = decoder.readSInt64();
      }
    }
    size = count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stripe s && s.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return size;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Stripe{");
    forEachAscending((s, b) -> text.append(' ').append(b).append('=').append(s));
    return text.append(" }").toString();
  }
}
