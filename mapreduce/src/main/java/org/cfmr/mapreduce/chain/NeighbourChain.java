package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.SnappyCodec;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFile;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.JobReport;
import org.cfmr.core.runtime.JobRunner;
import org.cfmr.mapreduce.baseline.BaselineJobs;

/**
 * The four chained MapReduce jobs that turn {@code ratings_train.csv} into one neighbour file's
 * part files, read top to bottom like Mahout's {@code RowSimilarityJob}: each phase is one
 * {@link #newJob} call, skippable with a phase range so a failed cluster run resumes from the
 * last completed job. Intermediates are block-compressed SequenceFiles under a work folder, one
 * sub-folder per phase; a phase is complete when its folder has Hadoop's {@code _SUCCESS} marker.
 * Beside them are the settings they were made with and the {@link TrainFingerprint} of the train
 * file when phase 1 started, so that a later phase never continues from another input.
 *
 * <ol>
 *   <li>{@code 1-co-ratings}: pivot vectors, and the entity totals in {@code 1-co-ratings/totals};
 *       for pearson-baseline first the baseline with the default settings, fitted by
 *       {@link BaselineJobs} into {@code 0-baseline} and written there as {@link BaselineFile}
 *   <li>{@code 2-pair-statistics}: each pair's complete sums, as stripes
 *   <li>{@code 3-similarities}: scored pairs, both directions, as per-entity partial top-K lists
 *   <li>{@code 4-top-k}: the neighbour file's lines, in id-range part files
 * </ol>
 */
public final class NeighbourChain {
  public static final int PHASES = 4;
  public static final String CO_RATINGS = "1-co-ratings";
  public static final String PAIR_STATISTICS = "2-pair-statistics";
  public static final String SIMILARITIES = "3-similarities";
  public static final String TOP_K = "4-top-k";
  private static final String[] FOLDERS = {CO_RATINGS, PAIR_STATISTICS, SIMILARITIES, TOP_K};
  /** pearson-baseline's baseline: {@link BaselineJobs}' folders and the file job 2 reads. */
  public static final String BASELINE = "0-baseline";
  /** The settings phases 1–2 were run with, then those phases 3–4 were run with. */
  private static final String PAIRS_SETTINGS = "pairs-settings.txt";
  private static final String SCORES_SETTINGS = "scores-settings.txt";
  private static final String TRAIN_FINGERPRINT = "train-fingerprint.txt";

  private final Configuration base;
  private final ChainSettings settings;
  private final Path work;
  private final int reducers;

  /**
   * @param base the Hadoop configuration (generic options included)
   * @param work this chain's work folder (one per mode)
   * @param reducers reduce tasks of jobs 1, 2 and 4
   */
  public NeighbourChain(Configuration base, ChainSettings settings, Path work, int reducers) {
    this.base = base;
    this.settings = settings;
    this.work = work;
    this.reducers = reducers;
  }

  /** The folder of the part files {@code part-r-*} of the neighbour file (phase 4's output). */
  public Path linesFolder() {
    return folder(4);
  }

  /**
   * Runs phases {@code start..end} (1-based, inclusive) and returns their reports.
   *
   * @throws CfmrException when a phase fails or a resumed phase lacks its input
   */
  public List<JobReport> run(Path train, int start, int end) throws IOException {
    checkResumable(train, start);
    List<JobReport> reports = new ArrayList<>();
    String mode = settings.mode().cliName();
    if (start <= 1 && end >= 1) {
      requireRatings(train);
      if (settings.similarity().measure().needsBaseline()) {
        fitBaseline(train);
      }
      Job job = newJob("co-ratings", train, TextInputFormat.class, folder(1),
          SequenceFileOutputFormat.class);
      map(job, CoRatingsJob.RatingMapper.class, TaggedId.class, PartialTotalsWritable.class);
      reduce(job, CoRatingsJob.PivotReducer.class, IntWritable.class, PivotVector.class);
      MultipleOutputs.addNamedOutput(job, CoRatingsJob.TOTALS, SequenceFileOutputFormat.class,
          IntWritable.class, PartialTotalsWritable.class);
      reports.add(runJob(job, "job 1/4 " + mode + " co-ratings", CoRatingsJob.Counter.class));
    }
    if (start <= 2 && end >= 2) {
      Job job = newJob("pair statistics", new Path(folder(1), "part-*"),
          SequenceFileInputFormat.class, folder(2), SequenceFileOutputFormat.class);
      map(job, PairStatisticsJob.StripesMapper.class, IntWritable.class, Stripe.class);
      reduce(job, PairStatisticsJob.StripeSum.class, IntWritable.class, Stripe.class);
      job.setCombinerClass(PairStatisticsJob.StripeSum.class);
      job.getConfiguration().set(PairStatisticsJob.BASELINE, baselineFile().toString());
      reports.add(runJob(job, "job 2/4 " + mode + " pair statistics",
          PairStatisticsJob.Counter.class));
    }
    if (start <= 3 && end >= 3) {
      Job job = newJob("similarities", folder(2), SequenceFileInputFormat.class, folder(3),
          SequenceFileOutputFormat.class);
      map(job, SimilarityJob.ScoringMapper.class, IntWritable.class, CandidateNeighbours.class);
      mapOnly(job);
      job.getConfiguration().set(SimilarityJob.TOTALS_FOLDER, totalsFolder().toString());
      FileInputFormat.setMinInputSplitSize(job,
          base.getLong(SimilarityJob.SPLIT_BYTES, SimilarityJob.DEFAULT_SPLIT_BYTES));
      reports.add(runJob(job, "job 3/4 " + mode + " similarities",
          SimilarityJob.Counter.class));
    }
    if (start <= 4 && end >= 4) {
      Job job = newJob("top-k", folder(3), SequenceFileInputFormat.class, folder(4),
          TextOutputFormat.class);
      map(job, Mapper.class, IntWritable.class, CandidateNeighbours.class);
      reduce(job, TopKJob.NeighbourLines.class, Text.class, NullWritable.class);
      job.setCombinerClass(TopKJob.Prune.class);
      job.setPartitionerClass(TopKJob.IdRangePartitioner.class);
      int[] ids = EntityTotalsTable.read(totalsFolder(), base).ids();
      job.getConfiguration().set(TopKJob.BOUNDARIES,
          joined(TopKJob.IdRangePartitioner.boundaries(ids, reducers)));
      FileOutputFormat.setCompressOutput(job, false);
      reports.add(runJob(job, "job 4/4 " + mode + " top-k", TopKJob.Counter.class));
    }
    return reports;
  }

  /** Fits the baseline of {@code train} by MapReduce and writes it where job 2 reads it. */
  private void fitBaseline(Path train) throws IOException {
    Path folder = new Path(work, BASELINE);
    long start = System.nanoTime();
    Baseline baseline = new BaselineJobs(base, folder, reducers)
        .fit(train, BaselineSettings.DEFAULTS);
    try (OutputStream out = folder.getFileSystem(base).create(baselineFile(), true)) {
      BaselineFile.write(baseline, out);
    }
    System.err.printf(Locale.ROOT, "baseline %s for pearson-baseline: %d jobs, %.1fs%n",
        BaselineSettings.DEFAULTS.describe(), 1 + 2 * BaselineSettings.DEFAULTS.epochs(),
        (System.nanoTime() - start) / 1e9);
  }

  private static JobReport runJob(Job job, String label, Class<? extends Enum<?>> counters) {
    JobReport report = JobRunner.run(job, label, counters);
    System.err.println(report.toLine());
    return report;
  }

  /**
   * A job of the chain reading {@code input} and writing {@code output}; its intermediate output
   * is a block-compressed (Snappy) SequenceFile. {@link #map} and {@link #reduce} (or
   * {@link #mapOnly}) give it its tasks.
   */
  @SuppressWarnings("rawtypes") // Hadoop's formats and tasks are generic classes
  private Job newJob(String name, Path input, Class<? extends InputFormat> inputFormat,
      Path output, Class<? extends OutputFormat> outputFormat) throws IOException {
    Configuration conf = new Configuration(base);
    settings.writeTo(conf);
    Job job = Job.getInstance(conf, "cfmr neighbours " + settings.entityName() + ": " + name);
    job.setJarByClass(NeighbourChain.class);
    job.setInputFormatClass(inputFormat);
    FileInputFormat.addInputPath(job, input);
    job.setOutputFormatClass(outputFormat);
    FileOutputFormat.setOutputPath(job, output);
    FileOutputFormat.setCompressOutput(job, true);
    // Snappy (snappy-java, a hadoop-common dependency: no native library needed), not zlib:
    // deflating job 2's pair stripes was half the chain's time at synthetic 1/16.
    FileOutputFormat.setOutputCompressorClass(job, SnappyCodec.class);
    SequenceFileOutputFormat.setOutputCompressionType(job, SequenceFile.CompressionType.BLOCK);
    return job;
  }

  /** The job's mapper and the key and value classes it emits. */
  @SuppressWarnings("rawtypes")
  private static void map(Job job, Class<? extends Mapper> mapper, Class<?> key,
      Class<?> value) {
    job.setMapperClass(mapper);
    job.setMapOutputKeyClass(key);
    job.setMapOutputValueClass(value);
  }

  /** The job's reducer on {@link #reducers} tasks and the key and value classes it writes. */
  @SuppressWarnings("rawtypes")
  private void reduce(Job job, Class<? extends Reducer> reducer, Class<?> key, Class<?> value) {
    job.setReducerClass(reducer);
    job.setNumReduceTasks(reducers);
    job.setOutputKeyClass(key);
    job.setOutputValueClass(value);
  }

  /** No reduce phase: the mapper's output is the job's. */
  private static void mapOnly(Job job) {
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(job.getMapOutputKeyClass());
    job.setOutputValueClass(job.getMapOutputValueClass());
  }

  /** Whether phase {@code phase}'s output is complete (its {@code _SUCCESS} marker exists). */
  public boolean isComplete(int phase) throws IOException {
    Path marker = new Path(folder(phase), "_SUCCESS");
    return marker.getFileSystem(base).exists(marker);
  }

  /**
   * The first phase to run to complete the chain on {@code train} ({@code PHASES + 1} when all
   * are done): the first without complete output, or 1 when phases 1–2 were run with other
   * settings or on another content of {@code train} ({@link #trainChange}), or at most 3 when
   * only the scoring settings (shrinkage, thresholds, K) changed.
   */
  public int firstIncompletePhase(Path train) throws IOException {
    if (!recorded(PAIRS_SETTINGS, settings.pairsFingerprint()) || trainChange(train) != null) {
      return 1;
    }
    int last = recorded(SCORES_SETTINGS, settings.scoresFingerprint()) ? PHASES : 2;
    for (int phase = 1; phase <= last; phase++) {
      if (!isComplete(phase)) {
        return phase;
      }
    }
    return last + 1;
  }

  /**
   * How {@code train} differs from the file phase 1 read, e.g. {@code "length 10 -> 12"}, or
   * null when its fingerprint is the one recorded.
   */
  public String trainChange(Path train) throws IOException {
    TrainFingerprint now = TrainFingerprint.of(train, train.getFileSystem(base));
    String stored = read(TRAIN_FINGERPRINT);
    TrainFingerprint then = stored == null ? null : TrainFingerprint.parse(stored);
    if (then == null) {
      return "no fingerprint of the file phase 1 read is recorded";
    }
    String changes = now.changesSince(then);
    return changes.isEmpty() ? null : changes;
  }

  /**
   * Starting at phase {@code start > 1} needs the earlier phases' complete outputs, made from
   * the same train file content with the same settings (phase 4 also the same scoring
   * settings); the settings of the phases run now, and from phase 1 the train file's
   * fingerprint, are recorded.
   */
  private void checkResumable(Path train, int start) throws IOException {
    if (start <= 1) {
      record(PAIRS_SETTINGS, settings.pairsFingerprint());
      record(TRAIN_FINGERPRINT,
          TrainFingerprint.of(train, train.getFileSystem(base)).toText());
    } else if (!recorded(PAIRS_SETTINGS, settings.pairsFingerprint())) {
      throw new CfmrException("cannot start at phase " + start + ": " + work
          + " holds no intermediates of a run with " + settings.pairsFingerprint()
          + "; start at phase 1");
    } else {
      String change = trainChange(train);
      if (change != null) {
        throw new CfmrException("cannot start at phase " + start + ": " + train
            + " is not the file the intermediates in " + work + " were made from (" + change
            + "); start at phase 1 or use --resume");
      }
    }
    if (start <= 3) {
      record(SCORES_SETTINGS, settings.scoresFingerprint());
    } else if (!recorded(SCORES_SETTINGS, settings.scoresFingerprint())) {
      throw new CfmrException("cannot start at phase 4: " + folder(3)
          + " was made with other settings than " + settings.scoresFingerprint()
          + "; start at phase 3");
    }
    for (int phase = 1; phase < start; phase++) {
      if (!isComplete(phase)) {
        throw new CfmrException("cannot start at phase " + start + ": phase " + phase
            + " has no complete output in " + folder(phase) + "; use --resume or an earlier phase");
      }
    }
    FileSystem fs = work.getFileSystem(base);
    for (int phase = start; phase <= PHASES; phase++) {
      fs.delete(folder(phase), true); // outputs of later phases were made from the old input
    }
  }

  /** An empty train file would fail only in job 3, which finds no entity totals to read. */
  private void requireRatings(Path train) throws IOException {
    if (train.getFileSystem(base).getContentSummary(train).getLength() == 0) {
      throw new CfmrException(train + ": no ratings");
    }
  }

  private void record(String name, String fingerprint) throws IOException {
    FileSystem fs = work.getFileSystem(base);
    try (OutputStream out = fs.create(new Path(work, name), true)) {
      out.write(fingerprint.getBytes(StandardCharsets.UTF_8));
    }
  }

  private boolean recorded(String name, String fingerprint) throws IOException {
    return fingerprint.equals(read(name));
  }

  /** The text of the record {@code name} in the work folder, or null when there is none. */
  private String read(String name) throws IOException {
    Path file = new Path(work, name);
    FileSystem fs = file.getFileSystem(base);
    if (!fs.exists(file)) {
      return null;
    }
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path folder(int phase) {
    return new Path(work, FOLDERS[phase - 1]);
  }

  private Path baselineFile() {
    return new Path(new Path(work, BASELINE), BaselineFile.NAME);
  }

  private Path totalsFolder() {
    return new Path(folder(1), CoRatingsJob.TOTALS);
  }

  private static String joined(int[] values) {
    StringBuilder text = new StringBuilder();
    for (int value : values) {
      text.append(text.length() > 0 ? "," : "").append(value);
    }
    return text.toString();
  }
}
