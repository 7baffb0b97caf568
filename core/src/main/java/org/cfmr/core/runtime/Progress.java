package org.cfmr.core.runtime;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line for long work, on standard error: rewritten in place on a terminal, one line
 * every few seconds otherwise (logs, CI). Thread-safe; {@link #advance} is cheap.
 */
public final class Progress implements AutoCloseable {
  private final String label;
  private final long total;
  private final PrintStream out;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private final long intervalNanos;
  private final AtomicLong done = new AtomicLong();
  private volatile long lastPrintNanos = System.nanoTime();
  private boolean printed;

  public Progress(String label, long total) {
    this(label, total, System.err, System.console() != null);
  }

  Progress(String label, long total, PrintStream out, boolean terminal) {
    this.label = label;
    this.total = total;
    this.out = out;
    this.terminal = terminal;
    this.intervalNanos = terminal ? 200_000_000L : 5_000_000_000L;
  }

  public void advance(long amount) {
    done.addAndGet(amount);
    long now = System.nanoTime();
    if (now - lastPrintNanos >= intervalNanos) {
      print(now, false);
    }
  }

  /** Prints a free-form status (e.g. a job's map and reduce percentages). */
  public synchronized void status(String text) {
    long now = System.nanoTime();
    if (now - lastPrintNanos >= intervalNanos) {
      lastPrintNanos = now;
      emit(String.format(Locale.ROOT, "%s: %s (%.1fs)", label, text, seconds(now)));
    }
  }

  private synchronized void print(long now, boolean last) {
    if (!last && now - lastPrintNanos < intervalNanos) {
      return;
    }
    lastPrintNanos = now;
    long count = done.get();
    String percent = total > 0
        ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * count / total) : "";
    emit(String.format(Locale.ROOT, "%s: %,d%s%s, %.1fs", label, count,
        total > 0 ? String.format(Locale.ROOT, " of %,d", total) : "", percent, seconds(now)));
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
