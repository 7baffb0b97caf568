package org.cfmr.core.runtime;

import java.util.Locale;
import org.cfmr.core.CfmrException;

/**
 * Refuses, in one line and before any work, a run whose in-memory stages would not fit the
 * heap. The need is estimated from the size of the input: {@code bytesPerInputByte} × its bytes
 * plus a fixed headroom, with a factor measured for each kind of stage (its peak RSS in a run at
 * ml-32m's shape over the input's size, BENCHMARKS.md); a run near the line may still fit, one
 * the check refuses would fail hours later with an {@code OutOfMemoryError}.
 */
public final class HeapFit {
  /** What the JVM and the libraries hold beside the data. */
  static final long HEADROOM_BYTES = 256L << 20;

  private HeapFit() {}

  /** The heap a stage needs for {@code inputBytes} of input at {@code bytesPerInputByte}. */
  public static long need(long inputBytes, double bytesPerInputByte) {
    return (long) Math.ceil(bytesPerInputByte * inputBytes) + HEADROOM_BYTES;
  }

  /**
   * Fails when {@code need} exceeds {@code heapBytes} (the JVM's {@code maxMemory()}).
   *
   * @param what the input and the stage, e.g. {@code ratings.csv (827 MB) for the evaluation}
   */
  public static void require(String what, long need, long heapBytes) {
    if (need > heapBytes) {
      throw new CfmrException(String.format(Locale.ROOT, "%s needs about %s of heap, more than "
          + "this JVM's %s: set CFMR_HEAP=%dg or more (bin/cfmr sizes the heap from it), or use "
          + "a machine with more memory", what, gigabytes(need), gigabytes(heapBytes),
          (need + (1L << 30) - 1) >> 30));
    }
  }

  /** Bytes in GB with one decimal, for the message. */
  static String gigabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }
}
