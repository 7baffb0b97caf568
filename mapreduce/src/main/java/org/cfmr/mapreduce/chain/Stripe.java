package org.cfmr.mapreduce.chain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.cfmr.core.PairSums;

/**
 * A stripe (Lin &amp; Dyer): for one entity {@code a} (the key), the partial {@link PairSums} of
 * every pair {@code (a, b)} with {@code b > a}. Stripes rather than one record per pair, because
 * one key then carries all of {@code a}'s pairs, which cuts the records shuffled and lets the
 * combiner merge them; only the canonical order {@code a < b} is stored, never both.
 *
 * <p>In memory an open-addressing table of primitive arrays (about 70 bytes a pair, no object
 * per pair); written with {@code b} ascending, delta-encoded, and every sum as a VLong.
 */
public final class Stripe implements Writable {
  private static final int FIELDS = 6;
  private static final int EMPTY = -1;

  private int[] keys = emptyKeys(8);
  private long[] sums = new long[8 * FIELDS];
  private int size;

  /**
   * Adds {@code partial} to the sums of {@code (a, b)}.
   *
   * @return true when {@code b} was not in the stripe before
   */
  public boolean add(int b, PairSums partial) {
    int slot = slot(b);
    boolean added = keys[slot] == EMPTY;
    if (added) {
      if ((size + 1) * 4 > keys.length * 3) {
        grow();
        slot = slot(b);
      }
      keys[slot] = b;
      size++;
    }
    int at = slot * FIELDS;
    sums[at] += partial.n;
    sums[at + 1] += partial.sumA;
    sums[at + 2] += partial.sumB;
    sums[at + 3] += partial.sumAA;
    sums[at + 4] += partial.sumBB;
    sums[at + 5] = Math.addExact(sums[at + 5], partial.sumAB);
    return added;
  }

  /** Adds {@code other}'s partials to these. */
  public void addAll(Stripe other) {
    PairSums partial = new PairSums();
    for (int slot = 0; slot < other.keys.length; slot++) {
      if (other.keys[slot] != EMPTY) {
        add(other.keys[slot], other.read(slot, partial));
      }
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
    PairSums pair = new PairSums();
    for (int slot : slotsAscending()) {
      action.accept(read(slot, pair), keys[slot]);
    }
  }

  private PairSums read(int slot, PairSums into) {
    int at = slot * FIELDS;
    into.n = sums[at];
    into.sumA = sums[at + 1];
    into.sumB = sums[at + 2];
    into.sumAA = sums[at + 3];
    into.sumBB = sums[at + 4];
    into.sumAB = sums[at + 5];
    return into;
  }

  /** The slot of {@code b}: where it is, or the empty slot where it belongs (linear probing). */
  private int slot(int b) {
    int mask = keys.length - 1;
    int slot = (b * 0x9E3779B9) >>> 1 & mask;
    while (keys[slot] != EMPTY && keys[slot] != b) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int[] oldKeys = keys;
    long[] oldSums = sums;
    keys = emptyKeys(oldKeys.length * 2);
    sums = new long[keys.length * FIELDS];
    for (int old = 0; old < oldKeys.length; old++) {
      if (oldKeys[old] != EMPTY) {
        int slot = slot(oldKeys[old]);
        keys[slot] = oldKeys[old];
        System.arraycopy(oldSums, old * FIELDS, sums, slot * FIELDS, FIELDS);
      }
    }
  }

  private static int[] emptyKeys(int capacity) {
    int[] keys = new int[capacity];
    Arrays.fill(keys, EMPTY);
    return keys;
  }

  /** The occupied slots ordered by their key. */
  private int[] slotsAscending() {
    long[] packed = new long[size];
    int at = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        packed[at++] = ((long) keys[slot] << 32) | slot;
      }
    }
    Arrays.sort(packed);
    int[] slots = new int[size];
    for (int i = 0; i < size; i++) {
      slots[i] = (int) packed[i];
    }
    return slots;
  }

  private void reset(int expected) {
    int capacity = 8;
    while (capacity * 3 < expected * 4 + 4) {
      capacity *= 2;
    }
    if (keys.length == capacity) {
      Arrays.fill(keys, EMPTY);
      Arrays.fill(sums, 0);
    } else {
      keys = emptyKeys(capacity);
      sums = new long[capacity * FIELDS];
    }
    size = 0;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVInt(out, size);
    int previous = 0;
    for (int slot : slotsAscending()) {
      WritableUtils.writeVInt(out, keys[slot] - previous);
      previous = keys[slot];
      for (int field = 0; field < FIELDS; field++) {
        WritableUtils.writeVLong(out, sums[slot * FIELDS + field]);
      }
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    int count = WritableUtils.readVInt(in);
    reset(count);
    PairSums partial = new PairSums();
    int b = 0;
    for (int i = 0; i < count; i++) {
      b += WritableUtils.readVInt(in);
      partial.n = WritableUtils.readVLong(in);
      partial.sumA = WritableUtils.readVLong(in);
      partial.sumB = WritableUtils.readVLong(in);
      partial.sumAA = WritableUtils.readVLong(in);
      partial.sumBB = WritableUtils.readVLong(in);
      partial.sumAB = WritableUtils.readVLong(in);
      add(b, partial);
    }
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
