package org.cfmr.mapreduce.chain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.cfmr.core.PairSums;

/**
 * A stripe (Lin &amp; Dyer): for one entity {@code a} (the key), the partial {@link PairSums} of
 * every pair {@code (a, b)} with {@code b > a}. Stripes rather than one record per pair, because
 * one key then carries all of {@code a}'s pairs, which cuts the records shuffled and lets the
 * combiner merge them; only the canonical order {@code a < b} is stored, never both. Written
 * with {@code b} ascending, delta-encoded, and every sum as a VLong.
 */
public final class Stripe implements Writable {
  private final Map<Integer, PairSums> sums = new HashMap<>();

  /** The sums of {@code (a, b)}, created empty when new. */
  public PairSums sumsFor(int b) {
    return sums.computeIfAbsent(b, key -> new PairSums());
  }

  /** Adds {@code other}'s partials to these. */
  public void addAll(Stripe other) {
    other.sums.forEach((b, partial) -> sumsFor(b).add(partial));
  }

  public int size() {
    return sums.size();
  }

  public boolean isEmpty() {
    return sums.isEmpty();
  }

  public void clear() {
    sums.clear();
  }

  /** Calls {@code action} with each pair's sums and {@code b}, in ascending {@code b}. */
  public void forEachAscending(ObjIntConsumer<PairSums> action) {
    for (int b : sortedKeys()) {
      action.accept(sums.get(b), b);
    }
  }

  private int[] sortedKeys() {
    int[] keys = new int[sums.size()];
    int at = 0;
    for (int b : sums.keySet()) {
      keys[at++] = b;
    }
    Arrays.sort(keys);
    return keys;
  }

  @Override
  public void write(DataOutput out) throws IOException {
    WritableUtils.writeVInt(out, sums.size());
    int previous = 0;
    for (int b : sortedKeys()) {
      PairSums s = sums.get(b);
      WritableUtils.writeVInt(out, b - previous);
      previous = b;
      WritableUtils.writeVLong(out, s.n);
      WritableUtils.writeVLong(out, s.sumA);
      WritableUtils.writeVLong(out, s.sumB);
      WritableUtils.writeVLong(out, s.sumAA);
      WritableUtils.writeVLong(out, s.sumBB);
      WritableUtils.writeVLong(out, s.sumAB);
    }
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    sums.clear();
    int size = WritableUtils.readVInt(in);
    int b = 0;
    for (int i = 0; i < size; i++) {
      b += WritableUtils.readVInt(in);
      sums.put(b, new PairSums(WritableUtils.readVLong(in), WritableUtils.readVLong(in),
          WritableUtils.readVLong(in), WritableUtils.readVLong(in), WritableUtils.readVLong(in),
          WritableUtils.readVLong(in)));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Stripe s && s.sums.equals(sums);
  }

  @Override
  public int hashCode() {
    return sums.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Stripe{");
    forEachAscending((s, b) -> text.append(' ').append(b).append('=').append(s));
    return text.append(" }").toString();
  }
}
