package org.cfmr.core.runtime;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.cfmr.core.CfmrException;

/**
 * Runs a MapReduce job with a progress line, and turns its counters into a {@link JobReport}. A
 * failed job becomes a {@link CfmrException} carrying the first task's error, so that an input
 * error raised in a mapper reaches the user as one line: from the task diagnostics on a cluster,
 * from {@link LocalTaskFailures} when the job ran in this JVM.
 */
public final class JobRunner {
  /** How long a failed local job's cause may take to be logged after the job shows as failed. */
  private static final long LOCAL_FAILURE_WAIT_MILLIS = 5000;

  private JobRunner() {}

  /**
   * Submits {@code job}, waits for it, and reports.
   *
   * @param customGroup the name of the enum whose counters the report lists by name (lower case,
   *     underscores as spaces), or null
   */
  public static JobReport run(Job job, String label, Class<? extends Enum<?>> customGroup) {
    long start = System.nanoTime();
    LocalTaskFailures localFailures =
        HadoopRuntime.isLocal(job.getConfiguration()) ? LocalTaskFailures.listen() : null;
    try (Progress progress = new Progress(label, 0)) {
      job.submit();
      while (!job.isComplete()) {
        progress.status(String.format(Locale.ROOT, "map %.0f%%, reduce %.0f%%",
            100 * job.mapProgress(), 100 * job.reduceProgress()));
        Thread.sleep(100);
      }
      if (!job.isSuccessful()) {
        Throwable taskFailure = localFailures == null ? null
            : localFailures.take(job.getJobID().toString(), LOCAL_FAILURE_WAIT_MILLIS);
        throw new CfmrException(label + " failed: " + (taskFailure == null
            ? firstTaskError(job) : taskError(job, taskFailure)), taskFailure);
      }
      long wallMillis = (System.nanoTime() - start) / 1_000_000;
      return report(label, wallMillis, job.getCounters(), customGroup);
    } catch (IOException e) {
      throw new CfmrException(label + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfmrException(label + " interrupted", e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  static JobReport report(String label, long wallMillis, Counters counters,
      Class<? extends Enum<?>> customGroup) {
    Map<String, Long> custom = new LinkedHashMap<>();
    if (customGroup != null) {
      CounterGroup group = counters.getGroup(customGroup.getName());
      for (Enum<?> constant : customGroup.getEnumConstants()) {
        Counter counter = group.findCounter(constant.name());
        custom.put(constant.name().toLowerCase(Locale.ROOT).replace('_', ' '), counter.getValue());
      }
    }
    Map<TaskCounter, Long> task = new EnumMap<>(TaskCounter.class);
    for (TaskCounter counter : JobReport.PRINTED) {
      task.put(counter, counters.findCounter(counter).getValue());
    }
    return new JobReport(label, wallMillis, task, custom);
  }


  /**
   * What a task of a job run in this JVM failed with: a {@link CfmrException}'s own message (it
   * names its file), or any other cause with the job's input and output, one of which it is about.
   */
  private static String taskError(Job job, Throwable failure) throws IOException {
    String cause = ErrorMessages.of(failure);
    if (ErrorMessages.userError(failure) != null) {
      return cause;
    }
    String inputs = Arrays.stream(FileInputFormat.getInputPaths(job)).map(Path::toString)
        .collect(Collectors.joining(", "));
    return cause + " (input " + inputs + ", output " + FileOutputFormat.getOutputPath(job) + ")";
  }

  /** The first line of the first failed task's diagnostics, e.g. a reader's file:line error. */
  private static String firstTaskError(Job job) throws IOException, InterruptedException {
    for (TaskCompletionEvent event : job.getTaskCompletionEvents(0, 1000)) {
      if (event.getStatus() == TaskCompletionEvent.Status.FAILED) {
        String[] diagnostics = job.getTaskDiagnostics(event.getTaskAttemptId());
        if (diagnostics != null && diagnostics.length > 0) {
          return firstMessageLine(diagnostics[0]);
        }
      }
    }
    String failure = job.getStatus().getFailureInfo();
    return failure == null || failure.isBlank() ? "see the job's logs" : firstMessageLine(failure);
  }

  /** From a stack trace text, the message of the exception: "pkg.SomeException: msg" → "msg". */
  static String firstMessageLine(String diagnostics) {
    String first = diagnostics.strip().lines().findFirst().orElse("");
    int colon = first.indexOf(": ");
    String head = colon > 0 ? first.substring(0, colon) : "";
    boolean isExceptionName = head.matches("[\\w.$]+(Exception|Error)");
    return isExceptionName ? first.substring(colon + 2) : first;
  }
}
