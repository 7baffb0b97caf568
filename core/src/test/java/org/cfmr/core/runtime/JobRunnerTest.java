package org.cfmr.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cfmr.core.CfmrException;

/** A local job's failed task: its own error reaches the user, not Hadoop's "NA". */
class JobRunnerTest {
  @TempDir Path dir;

  /** Fails on its first record as a task does when, say, its disk is full. */
  public static final class FailingMapper
      extends Mapper<LongWritable, Text, NullWritable, NullWritable> {
    @Override
    protected void map(LongWritable key, Text value, Context context) throws IOException {
      throw new IOException("the disk is on fire");
    }
  }

  /** Rejects its input as cfmr's own tasks do, with a file:line message. */
  public static final class RejectingMapper
      extends Mapper<LongWritable, Text, NullWritable, NullWritable> {
    @Override
    protected void map(LongWritable key, Text value, Context context) {
      throw CfmrException.atLine("ratings.csv", 1, "not a rating");
    }
  }

  @Test
  void aTasksIoErrorIsShownWithTheJobsFiles() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "one line\n");
    CfmrException error = assertThrows(CfmrException.class,
        () -> JobRunner.run(job(FailingMapper.class, input), "test job", null));
    assertEquals("test job failed: the disk is on fire (input file:" + input + ", output file:"
        + dir.resolve("out") + ")", error.getMessage());
  }

  @Test
  void aTasksUserErrorIsShownAsWritten() throws Exception {
    Path input = Files.writeString(dir.resolve("in.txt"), "one line\n");
    CfmrException error = assertThrows(CfmrException.class,
        () -> JobRunner.run(job(RejectingMapper.class, input), "test job", null));
    assertEquals("test job failed: ratings.csv:1: not a rating", error.getMessage());
  }

  private Job job(Class<? extends Mapper<?, ?, ?, ?>> mapper, Path input) throws IOException {
    Job job = Job.getInstance(new Configuration(), "failing");
    job.setMapperClass(mapper);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(input.toUri()));
    FileOutputFormat.setOutputPath(job, new org.apache.hadoop.fs.Path(dir.resolve("out").toUri()));
    return job;
  }
}
