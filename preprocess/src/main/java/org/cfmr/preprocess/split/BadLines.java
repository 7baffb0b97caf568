package org.cfmr.preprocess.split;

import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * One task's bookkeeping of bad lines: counts them, writes the task's first one to the job's
 * {@code errors/} side output (the driver names the first of the whole file from these), and
 * fails the task as soon as it alone has seen more than {@code --max-errors}.
 */
final class BadLines {
  static final String NAMED_OUTPUT = "errors";
  static final String FOLDER = "errors";

  private final long maxErrors;
  private final MultipleOutputs<?, ?> outputs;
  private long seen;
  private BadLine first;

  BadLines(long maxErrors, MultipleOutputs<?, ?> outputs) {
    this.maxErrors = maxErrors;
    this.outputs = outputs;
  }

  void add(BadLine line, long count, SplitCounter counter, TaskInputOutputContext<?, ?, ?, ?> context)
      throws IOException, InterruptedException {
    context.getCounter(counter).increment(count);
    seen += count;
    if (first == null || line.offset() < first.offset()) {
      first = line;
    }
    if (seen > maxErrors) {
      throw new BadLineException(first);
    }
  }

  /** Writes the task's first bad line, if any; call once, from the task's cleanup. */
  void writeFirst() throws IOException, InterruptedException {
    if (first != null) {
      outputs.write(NAMED_OUTPUT, NullWritable.get(), new Text(first.encode()), FOLDER + "/part");
    }
  }
}
