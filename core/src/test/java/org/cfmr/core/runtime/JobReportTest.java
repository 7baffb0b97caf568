package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.junit.jupiter.api.Test;

class JobReportTest {
  private static JobReport report(long cpuMillis) {
    return new JobReport("job 2/4 item pair statistics", 2_500, Map.of(
        TaskCounter.MAP_INPUT_RECORDS, 610L, TaskCounter.MAP_OUTPUT_RECORDS, 9_665L,
        TaskCounter.COMBINE_INPUT_RECORDS, 20L, TaskCounter.COMBINE_OUTPUT_RECORDS, 10L,
        TaskCounter.REDUCE_OUTPUT_RECORDS, 9_665L, TaskCounter.REDUCE_SHUFFLE_BYTES, 3L << 20,
        TaskCounter.CPU_MILLISECONDS, cpuMillis), Map.of("pairs emitted", 13_157_672L));
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

  @Test
  void theJsonListsTheFrameworksCountersUnderTheirNamesThenTheJobsOwn() {
    assertEquals("{\"name\": \"job 2/4 item pair statistics\", \"wall_ms\": 2500, \"cpu_ms\": 0, "
        + "\"map_input_records\": 610, \"map_output_records\": 9665, \"map_output_bytes\": 0, "
        + "\"combine_input_records\": 20, \"combine_output_records\": 10, "
        + "\"reduce_input_records\": 0, \"reduce_output_records\": 9665, "
        + "\"shuffle_bytes\": 3145728, \"spilled_records\": 0, \"pairs_emitted\": 13157672}",
        report(0).toJson());
  }
}
