package org.cfmr.eval;

import java.util.concurrent.atomic.AtomicInteger;
import org.cfmr.core.runtime.Progress;
import org.cfmr.core.Workers;

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
    Workers.runCopies(threads, worker);
  }
}
