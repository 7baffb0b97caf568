package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobReportTest {
  private static JobReport report(long cpuMillis) {
    return new JobReport("job 2/4 item pair statistics", 2_500, 610, 9_665, 1 << 20, 20, 10,
        9_665, 9_665, 3 << 20, 9_665, cpuMillis, Map.of("pairs emitted", 13_157_672L));
  }

  @Test
  void theLineNamesRecordsShuffleTimeCombinerAndTheJobsCounters() {
    assertEquals("job 2/4 item pair statistics: 610 records in, 9,665 out, shuffle 3.0 MiB, "
        + "2.5s wall, 1.5s CPU, combiner 20→10, pairs emitted 13,157,672", report(1_500).toLine());
  }

  @Test
  void localModeMeasuresNoTaskCpuSoTheLineLeavesItOut() {
    assertEquals("job 2/4 item pair statistics: 610 records in, 9,665 out, shuffle 3.0 MiB, "
        + "2.5s wall, combiner 20→10, pairs emitted 13,157,672", report(0).toLine());
  }
}
