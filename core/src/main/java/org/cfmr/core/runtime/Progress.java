package org.cfmr.core.runtime;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress line for long work, on standard error: rewritten in place on a terminal, one line
 * every few seconds otherwise (logs, CI). With a known total it states the rate since the start
 * and the time left at that rate, so the units counted should cost alike (the memory engine
 * counts pair updates, not rows). Thread-safe; {@link #advance} is cheap.
 */
public final class Progress implements AutoCloseable {
  private final String label;
  private final long total;
  private final String unit;
  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier clock;
  private final long startNanos;
  private final long intervalNanos;
  private final AtomicLong done = new AtomicLong();
  private volatile long lastPrintNanos;
  private boolean printed;

  /** Progress through {@code total} items (0: unknown). */
  public Progress(String label, long total) {
    this(label, total, "");
  }

  /** Progress through {@code total} of {@code unit} (e.g. "pair updates"), named in the line. */
  public Progress(String label, long total, String unit) {
    this(label, total, unit, System.err, System.console() != null, System::nanoTime);
  }

  Progress(String label, long total, String unit, PrintStream out, boolean terminal,
      LongSupplier clock) {
    this.label = label;
    this.total = total;
    this.unit = unit.isEmpty() ? "" : " " + unit;
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastPrintNanos = startNanos;
    this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
  }

  public void advance(long amount) {
    done.addAndGet(amount);
    long now = clock.getAsLong();
    if (now - lastPrintNanos >= intervalNanos) {
      print(now);
    }
  }

  /** Prints a free-form status (e.g. a job's map and reduce percentages). */
  public synchronized void status(String text) {
    long now = clock.getAsLong();
    if (now - lastPrintNanos >= intervalNanos) {
      lastPrintNanos = now;
      emit(String.format(Locale.ROOT, "%s: %s (%.1fs)", label, text, seconds(now)));
    }
  }

  private synchronized void print(long now) {
    if (now - lastPrintNanos < intervalNanos) {
      return;
    }
    lastPrintNanos = now;
    emit(line(done.get(), seconds(now)));
  }

  /** {@code label: count[ of total unit (p%)], elapsed[, rate/s, ETA t]}. */
  private String line(long count, double elapsed) {
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s: %,d%s, %.1fs", label, count, unit, elapsed);
    }
    double rate = elapsed > 0 ? count / elapsed : 0;
    String eta = rate > 0 ? duration(Math.max(0, total - count) / rate) : "unknown";
    return String.format(Locale.ROOT, "%s: %,d of %,d%s (%.0f%%), %.1fs, %s/s, ETA %s", label,
        count, total, unit, 100.0 * count / total, elapsed, compact(rate), eta);
  }

  /** A rate in three significant figures with k, M or G: {@code 950}, {@code 12.3k}, {@code 4.56M}. */
  static String compact(double value) {
    String[] suffixes = {"", "k", "M", "G", "T"};
    int power = 0;
    while (value >= 999.5 && power < suffixes.length - 1) {
      value /= 1000;
      power++;
    }
    String digits = value >= 99.5 ? String.format(Locale.ROOT, "%.0f", value)
        : value >= 9.995 ? String.format(Locale.ROOT, "%.1f", value)
        : String.format(Locale.ROOT, "%.2f", value);
    return digits + suffixes[power];
  }

  /** Seconds as {@code 42s}, {@code 3m 05s} or {@code 1h 02m}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60);
  }

  private void emit(String line) {
    if (terminal) {
      out.print("\r\033[K" + line);
    } else {
      out.println(line);
    }
    out.flush();
    printed = true;
  }

  private double seconds(long now) {
    return (now - startNanos) / 1e9;
  }

  @Override
  public synchronized void close() {
    if (printed && terminal) {
      out.print("\r\033[K");
      out.flush();
    }
  }
}
