package org.cfmr.core.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.mapreduce.TaskCounter;

/**
 * What one MapReduce job did, from its Hadoop counters: records in and out, shuffle bytes, spills,
 * CPU and wall time, and the job's own counters (e.g. pairs emitted, pairs kept).
 *
 * @param task the framework's counters that the report prints ({@link #PRINTED})
 * @param custom the job's own counters, by their printed names
 */
public record JobReport(String name, long wallMillis, Map<TaskCounter, Long> task,
    Map<String, Long> custom) {

  /** The framework's counters a report keeps, in the order its JSON lists them. */
  public static final List<TaskCounter> PRINTED = List.of(TaskCounter.CPU_MILLISECONDS,
      TaskCounter.MAP_INPUT_RECORDS, TaskCounter.MAP_OUTPUT_RECORDS, TaskCounter.MAP_OUTPUT_BYTES,
      TaskCounter.COMBINE_INPUT_RECORDS, TaskCounter.COMBINE_OUTPUT_RECORDS,
      TaskCounter.REDUCE_INPUT_RECORDS, TaskCounter.REDUCE_OUTPUT_RECORDS,
      TaskCounter.REDUCE_SHUFFLE_BYTES, TaskCounter.SPILLED_RECORDS);

  public JobReport {
    task = Map.copyOf(task);
    custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
  }

  /** A framework counter's value, 0 when the job did not report it. */
  public long count(TaskCounter counter) {
    return task.getOrDefault(counter, 0L);
  }

  /** The one line printed at the end of the job. */
  public String toLine() {
    long written = count(TaskCounter.REDUCE_OUTPUT_RECORDS);
    StringBuilder line = new StringBuilder();
    line.append(String.format(Locale.ROOT,
        "%s: %,d records in, %,d out, shuffle %s, %.1fs wall",
        name, count(TaskCounter.MAP_INPUT_RECORDS),
        written > 0 ? written : count(TaskCounter.MAP_OUTPUT_RECORDS),
        bytes(count(TaskCounter.REDUCE_SHUFFLE_BYTES)), wallMillis / 1000.0));
    // Local mode (LocalJobRunner) does not measure the tasks' CPU: no "0.0s CPU" then.
    long cpuMillis = count(TaskCounter.CPU_MILLISECONDS);
    if (cpuMillis > 0) {
      line.append(String.format(Locale.ROOT, ", %.1fs CPU", cpuMillis / 1000.0));
    }
    if (count(TaskCounter.COMBINE_INPUT_RECORDS) > 0) {
      line.append(String.format(Locale.ROOT, ", combiner %,d→%,d",
          count(TaskCounter.COMBINE_INPUT_RECORDS), count(TaskCounter.COMBINE_OUTPUT_RECORDS)));
    }
    custom.forEach((key, value) -> line.append(String.format(Locale.ROOT, ", %s %,d", key, value)));
    return line.toString();
  }

  /** The report as a JSON object. */
  public String toJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("wall_ms", wallMillis);
    for (TaskCounter counter : PRINTED) {
      fields.put(jsonKey(counter), count(counter));
    }
    custom.forEach((key, value) -> fields.put(key.replace(' ', '_'), value));
    return fields.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String jsonKey(TaskCounter counter) {
    return switch (counter) {
      case CPU_MILLISECONDS -> "cpu_ms";
      case REDUCE_SHUFFLE_BYTES -> "shuffle_bytes";
      default -> counter.name().toLowerCase(Locale.ROOT);
    };
  }

  static String bytes(long count) {
    if (count < 1024) return count + " B";
    if (count < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", count / 1024.0);
    if (count < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", count / 1048576.0);
    return String.format(Locale.ROOT, "%.2f GiB", count / 1073741824.0);
  }
}
