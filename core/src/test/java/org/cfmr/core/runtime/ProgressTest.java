package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(7 * SECOND);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Progress progress(long total, String unit) {
    return new Progress("work", total, unit, new PrintStream(bytes, true, StandardCharsets.UTF_8),
        false, now::get);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void statesTheRateSinceTheStartAndTheTimeLeftAtThatRate() {
    Progress progress = progress(1_000_000, "pair updates");
    now.addAndGet(10 * SECOND);
    progress.advance(250_000);
    // 25,000 per second; 750,000 left take 30 s.
    assertEquals("work: 250,000 of 1,000,000 pair updates (25%), 10.0s, 25.0k/s, ETA 30s\n",
        printed());
  }

  @Test
  void printsAtMostOneLinePerIntervalInALog() {
    Progress progress = progress(100, "");
    now.addAndGet(SECOND);
    progress.advance(1);
    now.addAndGet(3 * SECOND);
    progress.advance(1);
    assertEquals("", printed(), "nothing before five seconds");
    now.addAndGet(2 * SECOND);
    progress.advance(1);
    progress.advance(1);
    assertEquals("work: 3 of 100 (3%), 6.0s, 0.50/s, ETA 3m 14s\n", printed());
  }

  @Test
  void anUnknownTotalPrintsTheCountAlone() {
    Progress progress = progress(0, "lines");
    now.addAndGet(6 * SECOND);
    progress.advance(12_345);
    assertEquals("work: 12,345 lines, 6.0s\n", printed());
  }

  @Test
  void ratesAndDurationsAreShortAndRounded() {
    assertEquals("950", Progress.compact(950));
    assertEquals("1.00k", Progress.compact(999.6));
    assertEquals("12.3k", Progress.compact(12_345));
    assertEquals("4.57M", Progress.compact(4_567_000));
    assertEquals("123G", Progress.compact(123e9));
    assertEquals("59s", Progress.duration(59.4));
    assertEquals("3m 05s", Progress.duration(185));
    assertEquals("1h 02m", Progress.duration(3725));
  }
}
