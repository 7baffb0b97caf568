package org.cfmr.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Threads for cfmr's in-process parallel work, with failures surfacing as they were thrown (a
 * {@link CfmrException} from a worker reaches the user as its one line, not wrapped).
 */
public final class Workers {
  private Workers() {}

  /**
   * Runs {@code worker} on {@code threads} threads at once (on the caller's thread when there is
   * one) and returns when every copy has; workers share their work through state of their own
   * (e.g. an atomic counter of the next item).
   */
  public static void runCopies(int threads, Runnable worker) {
    if (threads == 1) {
      worker.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> copies = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        copies.add(pool.submit(worker));
      }
      for (Future<?> copy : copies) {
        join(copy);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The result of {@code future}, once there; what the task threw is rethrown as it was. */
  public static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfmrException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
