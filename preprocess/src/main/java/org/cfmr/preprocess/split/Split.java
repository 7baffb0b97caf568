package org.cfmr.preprocess.split;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.JobReport;
import org.cfmr.core.runtime.JobRunner;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultStage;

/**
 * The train/test split as one MapReduce job (a total order sort): {@link SplitMapper} parses
 * and validates every line, the shuffle sorts by {@code (user, item)} and brings duplicates
 * together, {@link SplitReducer} sends each rating to train or test by a seeded hash of its pair,
 * and {@link KeyRangePartitioner} gives each reducer a key range, so that the part files
 * concatenated in order are {@code ratings_train.csv} and {@code ratings_test.csv} sorted by user
 * then item: the same bytes whatever the input order and the number of mappers or reducers.
 */
public final class Split {
  private static final String JOB_FOLDER = "_split-job";
  private static final List<String> FILES = List.of(PipelineFiles.TRAIN, PipelineFiles.TEST);

  private Split() {}

  /**
   * Splits {@code settings.input()} into {@code ratings_train.csv} and {@code ratings_test.csv}
   * in {@code settings.output()}, both committed together or not at all.
   *
   * @throws CfmrException naming the file and line of the first bad line (or the input or
   *     output problem), with nothing written
   */
  public static SplitResult run(SplitSettings settings) {
    Configuration conf = HadoopRuntime.configuration();
    RatingsInput input = RatingsInput.locate(settings.input(), conf);
    try (OutputFolder out = OutputFolder.forResult(settings.output(), FILES, settings.overwrite(),
        manifestStage(settings, input, conf), conf)) {
      SplitResult staged = writeStaged(settings, input, out, conf);
      out.commit();
      return new SplitResult(input, staged.train(), staged.test(), staged.skippedLines(),
          staged.firstSkipped(), out.target(PipelineFiles.TRAIN), out.target(PipelineFiles.TEST),
          settings.seed(), staged.job());
    }
  }

  /** The split's record in the result's manifest: its input and settings. */
  public static ResultStage manifestStage(SplitSettings settings, RatingsInput input,
      Configuration conf) {
    return ResultStage.of("split").input("ratings", input.file(), conf)
        .setting("seed", settings.seed()).setting("train_fraction", settings.trainFraction())
        .setting("max_errors", settings.maxErrors());
  }

  /**
   * Splits {@code input} into the staged {@code ratings_train.csv} and {@code ratings_test.csv}
   * of {@code out}, uncommitted (for a caller that commits them with more files); the result
   * names the staged files.
   */
  public static SplitResult writeStaged(SplitSettings settings, RatingsInput input,
      OutputFolder out, Configuration conf) {
    Path jobOutput = out.staged(JOB_FOLDER);
    Checked run = runChecked(input, settings, jobOutput, out, conf);
    if (run.train() + run.test() == 0) {
      throw new CfmrException(input.file() + ": no ratings");
    }
    assemble(out, new Path(jobOutput, SplitReducer.TRAIN), PipelineFiles.TRAIN);
    assemble(out, new Path(jobOutput, SplitReducer.TEST), PipelineFiles.TEST);
    deleteJobOutput(out.fileSystem(), jobOutput);
    return new SplitResult(input, run.train(), run.test(), run.skipped(), run.firstSkipped(),
        out.staged(PipelineFiles.TRAIN), out.staged(PipelineFiles.TEST), settings.seed(),
        run.report());
  }

  /**
   * A split given as two files ({@code pipeline --train --test}): each is read and validated as
   * a ratings file is for a split (any supported format; malformed lines and duplicates as
   * {@code settings} allow) and written, sorted by user and movie, as the staged {@code
   * ratings_train.csv} and {@code ratings_test.csv}, uncommitted. Neither may be empty.
   */
  public static GivenSplit writeGivenStaged(SplitSettings settings, RatingsInput train,
      RatingsInput test, OutputFolder out, Configuration conf) {
    Path jobOutput = out.staged(JOB_FOLDER);
    long[] counts = new long[2];
    RatingsInput[] inputs = {train, test};
    for (int side = 0; side < 2; side++) {
      SplitSettings allOneSide = new SplitSettings(settings.input(), settings.output(),
          side == 0 ? 1 : 0, settings.seed(), settings.maxErrors(), settings.reducers(),
          settings.overwrite());
      Checked run = runChecked(inputs[side], allOneSide, jobOutput, out, conf);
      counts[side] = side == 0 ? run.train() : run.test();
      if (counts[side] == 0) {
        throw new CfmrException(inputs[side].file() + ": no ratings");
      }
      assemble(out, new Path(jobOutput, side == 0 ? SplitReducer.TRAIN : SplitReducer.TEST),
          side == 0 ? PipelineFiles.TRAIN : PipelineFiles.TEST);
      deleteJobOutput(out.fileSystem(), jobOutput);
    }
    return new GivenSplit(train, test, counts[0], counts[1], out.staged(PipelineFiles.TRAIN),
        out.staged(PipelineFiles.TEST));
  }

  /** A split job's counts once its bad lines were judged. */
  private record Checked(long train, long test, long skipped, String firstSkipped,
      JobReport report) {}

  /** Runs the split job into {@code jobOutput}; fails when more bad lines than allowed. */
  private static Checked runChecked(RatingsInput input, SplitSettings settings, Path jobOutput,
      OutputFolder out, Configuration conf) {
    JobReport report = runJob(input, settings, jobOutput, conf);
    long skipped = report.custom().get(counterName(SplitCounter.MALFORMED_LINES))
        + report.custom().get(counterName(SplitCounter.DUPLICATE_LINES));
    String firstSkipped = null;
    if (skipped > 0) {
      BadLine first = firstBadLine(out.fileSystem(), jobOutput);
      if (skipped > settings.maxErrors()) {
        String beyond = settings.maxErrors() == 0 ? "" : String.format(Locale.ROOT,
            " (%,d bad lines, more than --max-errors %d)", skipped, settings.maxErrors());
        throw located(input, first, conf, beyond);
      }
      firstSkipped = located(input, first, conf, "").getMessage();
    }
    return new Checked(report.custom().get(counterName(SplitCounter.TRAIN)),
        report.custom().get(counterName(SplitCounter.TEST)), skipped, firstSkipped, report);
  }


  /** The job's part files are assembled; they go now rather than take room until the commit. */
  private static void deleteJobOutput(FileSystem fs, Path jobOutput) {
    try {
      fs.delete(jobOutput, true);
    } catch (IOException e) {
      throw new CfmrException("cannot remove " + jobOutput + ": " + e.getMessage(), e);
    }
  }

  private static JobReport runJob(RatingsInput input, SplitSettings settings, Path jobOutput,
      Configuration conf) {
    try {
      Job job = Job.getInstance(conf, "cfmr split " + input.file().getName());
      job.setJarByClass(Split.class);
      new SplitTaskSettings(input.format(), settings.seed(), settings.trainFraction())
          .writeTo(job.getConfiguration());
      FileInputFormat.addInputPath(job, input.file());
      job.setInputFormatClass(TextInputFormat.class);
      job.setMapperClass(SplitMapper.class);
      job.setMapOutputKeyClass(LongWritable.class);
      job.setMapOutputValueClass(RatingValue.class);
      job.setNumReduceTasks(settings.reducers());
      job.setPartitionerClass(KeyRangePartitioner.class);
      KeyRangePartitioner.setBoundaries(job.getConfiguration(),
          KeySample.boundaries(job, settings.reducers()));
      job.setReducerClass(SplitReducer.class);
      job.setOutputKeyClass(NullWritable.class);
      job.setOutputValueClass(Text.class);
      LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
      for (String name : List.of(SplitReducer.TRAIN, SplitReducer.TEST, BadLines.NAMED_OUTPUT)) {
        MultipleOutputs.addNamedOutput(job, name, TextOutputFormat.class, NullWritable.class,
            Text.class);
      }
      FileOutputFormat.setOutputPath(job, jobOutput);
      return JobRunner.run(job, "split", SplitCounter.class);
    } catch (IOException e) {
      throw new CfmrException("split: cannot set up the job: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfmrException("split interrupted", e);
    }
  }

  private static String counterName(SplitCounter counter) {
    return counter.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The part files of one side, or an empty file when no reducer wrote that side. */
  private static void assemble(OutputFolder out, Path parts, String name) {
    try {
      if (out.fileSystem().exists(parts)) {
        out.concatenateParts(parts, name);
      } else {
        out.fileSystem().create(out.staged(name), true).close();
      }
    } catch (IOException e) {
      throw new CfmrException("cannot write " + out.target(name) + ": " + e.getMessage(), e);
    }
  }

  /** The bad line with the smallest offset among the tasks' first ones. */
  private static BadLine firstBadLine(FileSystem fs, Path jobOutput) {
    List<BadLine> lines = new ArrayList<>();
    try {
      for (FileStatus part : fs.listStatus(new Path(jobOutput, BadLines.FOLDER))) {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(fs.open(part.getPath()), StandardCharsets.UTF_8))) {
          in.lines().map(BadLine::find).forEach(lines::add);
        }
      }
    } catch (IOException e) {
      throw new CfmrException("cannot read the split's error report: " + e.getMessage(), e);
    }
    return lines.stream().min(Comparator.comparingLong(BadLine::offset))
        .orElseThrow(() -> new IllegalStateException("bad lines were counted but not reported"));
  }

  /** {@code file:LINE: reason}, the byte offsets turned into line numbers. */
  private static CfmrException located(RatingsInput input, BadLine bad, Configuration conf,
      String suffix) {
    String file = input.file().toString();
    String reason = bad.reason();
    if (bad.firstOffset() >= 0) {
      reason += " (first on line " + lineAt(input, bad.firstOffset(), conf) + ")";
    }
    return CfmrException.atLine(file, lineAt(input, bad.offset(), conf), reason + suffix);
  }

  /** The 1-based number of the line starting at byte {@code offset} (read only on this error path). */
  static long lineAt(RatingsInput input, long offset, Configuration conf) {
    try (InputStream in = RatingsReader.openBytes(
        input.file().getFileSystem(conf), input.file(), conf)) {
      byte[] buffer = new byte[1 << 16];
      long line = 1;
      long position = 0;
      boolean afterCarriageReturn = false;
      while (position < offset) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, offset - position));
        if (read < 0) {
          break;
        }
        for (int i = 0; i < read; i++) {
          byte b = buffer[i];
          if (b == '\n' ? !afterCarriageReturn : b == '\r') {
            line++;
          }
          afterCarriageReturn = b == '\r';
        }
        position += read;
      }
      return line;
    } catch (IOException e) {
      throw new CfmrException("cannot read " + input.file() + ": " + e.getMessage(), e);
    }
  }
}
