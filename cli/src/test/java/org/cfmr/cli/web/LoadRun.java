package org.cfmr.cli.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.cfmr.cli.web.DashboardVisitor.Outcome;
import org.cfmr.cli.web.DashboardVisitor.Page;

/**
 * Visitors requesting pages in parallel, each on its own thread, one request at a time (with a
 * pause between two, or none), until a deadline or {@value #MAX_REQUESTS_PER_VISITOR} requests: a
 * load bounded in time and in count.
 */
final class LoadRun {
  static final int MAX_REQUESTS_PER_VISITOR = 100_000;

  private final List<Thread> threads = new ArrayList<>();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

  /** Starts every visitor; each stops at {@code deadlineNanos} ({@link System#nanoTime}). */
  LoadRun(List<DashboardVisitor> visitors, long deadlineNanos) {
    this(visitors, deadlineNanos, 0);
  }

  /** As {@link #LoadRun(List, long)}, each visitor waiting {@code pauseMillis} after a request. */
  LoadRun(List<DashboardVisitor> visitors, long deadlineNanos, long pauseMillis) {
    for (DashboardVisitor visitor : visitors) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < MAX_REQUESTS_PER_VISITOR && System.nanoTime() < deadlineNanos; i++) {
          outcomes.add(visitor.visit());
          pause(pauseMillis);
        }
      }, "visitor-" + threads.size());
      thread.start();
      threads.add(thread);
    }
  }

  private static void pause(long millis) {
    if (millis == 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for every visitor to stop; returns all the requests, in no particular order. */
  List<Outcome> finish() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join();
    }
    return new ArrayList<>(outcomes);
  }

  /** Per page: requests, p50 and p99 latency in ms, over the outcomes {@code counted} admits. */
  static String latencies(List<Outcome> outcomes, Predicate<Outcome> counted, double seconds) {
    Map<Page, List<Long>> byPage = new EnumMap<>(Page.class);
    for (Outcome outcome : outcomes) {
      if (counted.test(outcome)) {
        byPage.computeIfAbsent(outcome.page(), page -> new ArrayList<>()).add(outcome.millis());
      }
    }
    StringBuilder table = new StringBuilder("| page | requests | p50 ms | p99 ms |\n|---|---:|---:|---:|\n");
    byPage.forEach((page, millis) -> {
      millis.sort(null);
      table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n",
          page.name().toLowerCase(Locale.ROOT), millis.size(), percentile(millis, 50),
          percentile(millis, 99)));
    });
    return table.append(String.format(Locale.ROOT, "%d requests in %.0f s: %.0f requests/s%n",
        outcomes.size(), seconds, outcomes.size() / seconds)).toString();
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(List<Long> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
