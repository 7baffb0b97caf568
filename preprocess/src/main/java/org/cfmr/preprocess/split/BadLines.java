package org.cfmr.preprocess.split;

import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;

/**
 * One task's bookkeeping of bad lines: counts them (the driver compares the job's total with
 * {@code --max-errors}) and writes the task's first one to the job's {@code errors/} side output,
 * from which the driver names the first bad line of the whole file. Tasks do not fail on a bad
 * line: the message of a failed task does not reach the client in local mode, and the first bad
 * line of the file is then the one reported, however the file was divided.
 */
final class BadLines {
  static final String NAMED_OUTPUT = "errors";
  static final String FOLDER = "errors";

  private final MultipleOutputs<?, ?> outputs;
  private BadLine first;

  BadLines(MultipleOutputs<?, ?> outputs) {
    this.outputs = outputs;
  }

  void add(BadLine line, long count, SplitCounter counter, TaskInputOutputContext<?, ?, ?, ?> context) {
    context.getCounter(counter).increment(count);
    if (first == null || line.offset() < first.offset()) {
      first = line;
    }
  }

  /** Writes the task's first bad line, if any; call once, from the task's cleanup. */
  void writeFirst() throws IOException, InterruptedException {
    if (first != null) {
      outputs.write(NAMED_OUTPUT, NullWritable.get(), new Text(first.encode()), FOLDER + "/part");
    }
  }
}
