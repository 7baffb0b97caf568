package org.cfmr.core.runtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one MapReduce job did, from its Hadoop counters: records in and out, shuffle bytes, spills,
 * CPU and wall time, and the job's own counters (e.g. pairs emitted, pairs kept).
 */
public record JobReport(
    String name,
    long wallMillis,
    long mapInputRecords,
    long mapOutputRecords,
    long mapOutputBytes,
    long combineInputRecords,
    long combineOutputRecords,
    long reduceInputRecords,
    long reduceOutputRecords,
    long shuffleBytes,
    long spilledRecords,
    long cpuMillis,
    Map<String, Long> custom) {

  /** The one line printed at the end of the job. */
  public String toLine() {
    StringBuilder line = new StringBuilder();
    line.append(String.format(Locale.ROOT,
        "%s: %,d records in, %,d out, shuffle %s, %.1fs wall",
        name, mapInputRecords, reduceOutputRecords > 0 ? reduceOutputRecords : mapOutputRecords,
        bytes(shuffleBytes), wallMillis / 1000.0));
    // Local mode (LocalJobRunner) does not measure the tasks' CPU: no "0.0s CPU" then.
    if (cpuMillis > 0) {
      line.append(String.format(Locale.ROOT, ", %.1fs CPU", cpuMillis / 1000.0));
    }
    if (combineInputRecords > 0) {
      line.append(String.format(Locale.ROOT, ", combiner %,d→%,d", combineInputRecords,
          combineOutputRecords));
    }
    custom.forEach((key, value) -> line.append(String.format(Locale.ROOT, ", %s %,d", key, value)));
    return line.toString();
  }

  /** The report as a JSON object. */
  public String toJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("wall_ms", wallMillis);
    fields.put("cpu_ms", cpuMillis);
    fields.put("map_input_records", mapInputRecords);
    fields.put("map_output_records", mapOutputRecords);
    fields.put("map_output_bytes", mapOutputBytes);
    fields.put("combine_input_records", combineInputRecords);
    fields.put("combine_output_records", combineOutputRecords);
    fields.put("reduce_input_records", reduceInputRecords);
    fields.put("reduce_output_records", reduceOutputRecords);
    fields.put("shuffle_bytes", shuffleBytes);
    fields.put("spilled_records", spilledRecords);
    custom.forEach((key, value) -> fields.put(key.replace(' ', '_'), value));
    return fields.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static String bytes(long count) {
    if (count < 1024) return count + " B";
    if (count < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", count / 1024.0);
    if (count < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", count / 1048576.0);
    return String.format(Locale.ROOT, "%.2f GiB", count / 1073741824.0);
  }
}
