package org.cfmr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkersTest {
  @Test
  void runsOneCopyPerThreadAllAtOnce() {
    CountDownLatch allStarted = new CountDownLatch(3);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Workers.runCopies(3, () -> {
      threads.add(Thread.currentThread());
      allStarted.countDown();
      try {
        // each copy waits for the others: this returns only if the three run side by side
        assertEquals(true, allStarted.await(30, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertEquals(3, threads.size());
  }

  @Test
  void oneThreadIsTheCallers() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Workers.runCopies(1, () -> threads.add(Thread.currentThread()));
    assertEquals(Set.of(Thread.currentThread()), threads);
  }

  @Test
  void aWorkersErrorReachesTheCallerUnwrapped() {
    CfmrException thrown = new CfmrException("ratings.csv:3: bad line");
    assertSame(thrown, assertThrows(CfmrException.class,
        () -> Workers.runCopies(2, () -> {
          throw thrown;
        })));
    assertSame(thrown, assertThrows(CfmrException.class,
        () -> Workers.join(CompletableFuture.failedFuture(thrown))));
  }
}
