package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cfmr.core.runtime.CfmrException;
import org.cfmr.core.runtime.Progress;

/**
 * Work spread over threads user by user: blocks of 32 users are handed out in order, each thread
 * with its own state (its own scorer); callers store each user's result in the user's slot, so
 * the outcome does not depend on which thread finished first.
 */
final class ByUser {
  private static final int USERS_PER_TASK = 32;

  private ByUser() {}

  /** Work on one user (group) at a time, by one thread's own state. */
  interface Task {
    void run(int group);
  }

  /** A thread's task maker: each thread makes its own (its own scorer). */
  interface TaskFactory {
    Task newTask();
  }

  /**
   * Runs {@code task} for groups 0..count-1 on {@code threads} threads, in blocks handed out in
   * order; the caller stores results by group so the arrival order does not matter.
   */
  static void parallel(int threads, int count, Progress progress, TaskFactory factory) {
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      Task task = factory.newTask();
      for (int from = next.getAndAdd(USERS_PER_TASK); from < count;
          from = next.getAndAdd(USERS_PER_TASK)) {
        int to = Math.min(count, from + USERS_PER_TASK);
        for (int group = from; group < to; group++) {
          task.run(group);
        }
        progress.advance(to - from);
      }
    };
    if (threads == 1) {
      worker.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfmrException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
