package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageMeterTest {
  private static long sink;

  @Test
  void aBusyStageCountsItsCpuAndABigOneItsMemory() {
    StageMeter meter = new StageMeter();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long threadCpuStart = threads.getCurrentThreadCpuTime();
    StageMeter.Running busy = meter.start("busy");
    long until = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < until) {
      sink += System.nanoTime() % 7;
    }
    StageMeter.Stage spun = busy.end("spinning", 0);
    long threadCpu = threads.getCurrentThreadCpuTime() - threadCpuStart;
    // The process's CPU holds this thread's, which spun for the whole stage (less when the
    // machine is busy: then it waited for a core).
    assertTrue(threadCpu > 20_000_000L, "thread cpu " + threadCpu);
    assertTrue(spun.cpuNanos() >= threadCpu - 20_000_000L, spun.cpuNanos() + " < " + threadCpu);
    assertTrue(spun.wallNanos() >= 300_000_000L, "wall " + spun.wallNanos());

    StageMeter.Running big = meter.start("big");
    byte[] touched = new byte[256 << 20];
    for (int i = 0; i < touched.length; i += 4096) {
      touched[i] = 1;
    }
    sink += touched[touched.length - 4096];
    StageMeter.Stage allocated = big.end("256 MB", 1234);
    assertTrue(allocated.peakRssBytes() >= 256L << 20, "peak " + allocated.peakRssBytes());

    assertEquals(List.of("busy", "big"),
        meter.stages().stream().map(StageMeter.Stage::name).toList());
  }

  @Test
  void theTableHasARowPerStageAndTheJsonTheFigures() {
    StageMeter meter = new StageMeter();
    meter.start("split").end("100,836 ratings", 2_400_000);
    meter.start("evaluate").end("", 0);
    String[] lines = meter.table().split("\n");
    assertEquals(4, lines.length);
    assertEquals("| stage | wall | CPU | peak RSS | work | output |", lines[0]);
    assertTrue(lines[2].startsWith("| split | "), lines[2]);
    assertTrue(lines[2].endsWith(" | 100,836 ratings | 2.4 MB |"), lines[2]);
    assertTrue(lines[3].endsWith(" |  |  |"), lines[3]);
    JsonNode json = meter.toJson();
    assertEquals(2, json.size());
    assertEquals("split", json.get(0).get("name").asText());
    assertEquals(2_400_000, json.get(0).get("output_bytes").asLong());
  }

  @Test
  void durationsAndSizesReadAsPeopleWriteThem() {
    assertEquals("0.4 s", StageMeter.seconds(400_000_000L));
    assertEquals("1 min 05 s", StageMeter.seconds(65_400_000_000L));
    assertEquals("17 min 16 s", StageMeter.seconds(1_036_000_000_000L));
    assertEquals("12.3 KB", StageMeter.bytes(12_300));
    assertEquals("2.4 MB", StageMeter.bytes(2_400_000));
    assertEquals("693 MB", StageMeter.bytes(693_192_570));
    assertEquals("2.96 GB", StageMeter.bytes(2_962_856_000L));
  }
}
