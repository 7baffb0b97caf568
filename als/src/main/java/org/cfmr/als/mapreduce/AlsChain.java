package org.cfmr.als.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.SnappyCodec;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.cfmr.als.AlsModel;
import org.cfmr.als.AlsSettings;
import org.cfmr.als.IterationLog;
import org.cfmr.als.TrainingError;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.JobReport;
import org.cfmr.core.runtime.JobRunner;

/**
 * The MapReduce ALS engine, read top to bottom: two rows jobs (the ratings grouped by user and
 * by item), one map-only job for the users' initial factors, then per iteration two map-only
 * half-iterations ({@link HalfStep}: the items solved from the users' factors, then the users
 * from the items'). The factors travel between jobs as factor lines of 17 significant digits,
 * which parse back to the same doubles, so every job solves exactly what the memory engine does.
 * Intermediates live under the work folder, a half-iteration's input removed once it is used.
 */
public final class AlsChain {
  private static final String USER_ROWS = "rows-users";
  private static final String ITEM_ROWS = "rows-items";

  private final Configuration base;
  private final AlsSettings settings;
  private final Path work;
  private final int reducers;

  /**
   * @param work this run's work folder
   * @param reducers reduce tasks of the rows jobs (the half-iterations are map-only)
   */
  public AlsChain(Configuration base, AlsSettings settings, Path work, int reducers) {
    this.base = base;
    this.settings = settings;
    this.work = work;
    this.reducers = reducers;
  }

  /** Fits the model on {@code train} and returns it, read from the last half-iterations. */
  public AlsModel run(Path train) throws IOException {
    Path userRows = new Path(work, USER_ROWS);
    Path itemRows = new Path(work, ITEM_ROWS);
    rowsJob(train, userRows, true);
    rowsJob(train, itemRows, false);
    Path users = new Path(work, "factors-0-users");
    run(prepareJob("initial user factors", userRows, users, HalfStep.InitialVectors.class, 0),
        "als initial user factors");
    double[] rmse = new double[settings.iterations()];
    long ratings = 0;
    IterationLog log = new IterationLog(settings.iterations());
    Path items = null;
    for (int iteration = 1; iteration <= settings.iterations(); iteration++) {
      Path previousItems = items;
      items = new Path(work, "factors-" + iteration + "-items");
      halfStep(itemRows, users, items, false, "als iteration " + iteration + " items");
      delete(users);
      if (previousItems != null) {
        delete(previousItems);
      }
      users = new Path(work, "factors-" + iteration + "-users");
      JobReport report = halfStep(userRows, items, users, true,
          "als iteration " + iteration + " users");
      ratings = report.custom().get("ratings");
      rmse[iteration - 1] = TrainingError.rmse(report.custom().get("squared error units"),
          ratings);
      log.done(iteration, rmse[iteration - 1]);
    }
    return new AlsModel(FactorParts.read(users, settings.rank(), base),
        FactorParts.read(items, settings.rank(), base), rmse, ratings);
  }

  private void rowsJob(Path train, Path output, boolean usersAreRows) throws IOException {
    Job job = Job.getInstance(new Configuration(base), "cfmr als: ratings by "
        + (usersAreRows ? "user" : "item"));
    job.getConfiguration().setBoolean(RatingRowsJob.ROWS_ARE_USERS, usersAreRows);
    job.setJarByClass(AlsChain.class);
    job.setInputFormatClass(TextInputFormat.class);
    FileInputFormat.addInputPath(job, train);
    job.setMapperClass(RatingRowsJob.RatingMapper.class);
    job.setMapOutputKeyClass(IntWritable.class);
    job.setMapOutputValueClass(LongWritable.class);
    job.setReducerClass(RatingRowsJob.RowReducer.class);
    job.setNumReduceTasks(reducers);
    job.setOutputKeyClass(IntWritable.class);
    job.setOutputValueClass(RowRatings.class);
    job.setOutputFormatClass(SequenceFileOutputFormat.class);
    FileOutputFormat.setOutputPath(job, output);
    FileOutputFormat.setCompressOutput(job, true);
    FileOutputFormat.setOutputCompressorClass(job, SnappyCodec.class);
    SequenceFileOutputFormat.setOutputCompressionType(job, SequenceFile.CompressionType.BLOCK);
    run(job, "als rows by " + (usersAreRows ? "user" : "item"));
  }

  private JobReport halfStep(Path rows, Path fixed, Path output, boolean withError, String label)
      throws IOException {
    Job job = prepareJob(label, rows, output, HalfStep.RowSolver.class, 0);
    job.getConfiguration().set(HalfStep.FIXED, fixed.toString());
    job.getConfiguration().setBoolean(HalfStep.WITH_ERROR, withError);
    return run(job, label);
  }

  /** A map-only job from a rows file to factor lines (uncompressed text part files). */
  @SuppressWarnings("rawtypes") // Hadoop's tasks are generic classes
  private Job prepareJob(String name, Path rows, Path output, Class<? extends Mapper> mapper,
      int reduces) throws IOException {
    Configuration conf = new Configuration(base);
    settings.writeTo(conf);
    Job job = Job.getInstance(conf, "cfmr als: " + name);
    job.setJarByClass(AlsChain.class);
    job.setInputFormatClass(SequenceFileInputFormat.class);
    FileInputFormat.addInputPath(job, new Path(rows, "part-*"));
    job.setMapperClass(mapper);
    job.setNumReduceTasks(reduces);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(NullWritable.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, output);
    return job;
  }

  private static JobReport run(Job job, String label) {
    return JobRunner.run(job, label, HalfStep.Counter.class);
  }

  private void delete(Path folder) throws IOException {
    folder.getFileSystem(base).delete(folder, true);
  }
}
