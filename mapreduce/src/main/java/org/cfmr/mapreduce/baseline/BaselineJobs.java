package org.cfmr.mapreduce.baseline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineSettings;
import org.cfmr.core.baseline.BiasUpdate;
import org.cfmr.core.ratings.RatingLine;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.JobRunner;

/**
 * The baseline's fit as MapReduce jobs over {@code ratings_train.csv}, for inputs on a cluster:
 * job 0 sums the half stars into {@code μ}; then each epoch one job per side, items first, as
 * Surprise's order: the mapper reads the other side's current biases (side data, a few MB) and
 * sums each rating's fixed-point residual {@code r − μ − b_other} per entity (in-mapper
 * combining), a combiner adds partial sums, the reducer divides ({@link BiasUpdate}). The sums
 * are exact integers, so the biases have the same bits as {@code BaselineFit}'s in memory.
 */
public final class BaselineJobs {
  static final String MU = "cfmr.baseline.mu";
  static final String USERS_ARE_KEYS = "cfmr.baseline.users-are-keys";
  static final String OTHER_BIASES = "cfmr.baseline.other-biases";
  static final String REGULARISATION = "cfmr.baseline.regularisation";

  private final Configuration base;
  private final Path work;
  private final int reducers;

  public BaselineJobs(Configuration base, Path work, int reducers) {
    this.base = base;
    this.work = work;
    this.reducers = reducers;
  }

  /** Fits the baseline of {@code train}; ids ascending, as {@code TrainData}'s. */
  public Baseline fit(Path train, BaselineSettings settings) throws IOException {
    Path meanFolder = new Path(work, "0-mean");
    Job mean = job("baseline mean", train, meanFolder, 1);
    mean.setMapperClass(HalfStarsMapper.class);
    mean.setCombinerClass(PartialSums.class);
    mean.setReducerClass(TotalReducer.class);
    mean.setMapOutputKeyClass(IntWritable.class);
    mean.setOutputKeyClass(IntWritable.class);
    JobRunner.run(mean, "baseline: mean", null);
    long[] sumAndCount = readSums(meanFolder);
    long mu = BiasUpdate.globalMean(sumAndCount[0], sumAndCount[1]);
    Path users = null;
    Path items = null;
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      items = side(train, mu, false, users, settings.itemRegularisation(), epoch);
      users = side(train, mu, true, items, settings.userRegularisation(), epoch);
    }
    Biases userBiases = Biases.read(users, base);
    Biases itemBiases = Biases.read(items, base);
    return new Baseline(mu, userBiases.ids, userBiases.values, itemBiases.ids, itemBiases.values);
  }

  private Path side(Path train, long mu, boolean usersAreKeys, Path other, double regularisation,
      int epoch) throws IOException {
    String name = (usersAreKeys ? "users-" : "items-") + epoch;
    Path output = new Path(work, name);
    Job job = job("baseline " + name, train, output, reducers);
    Configuration conf = job.getConfiguration();
    conf.setLong(MU, mu);
    conf.setBoolean(USERS_ARE_KEYS, usersAreKeys);
    conf.setDouble(REGULARISATION, regularisation);
    if (other != null) {
      conf.set(OTHER_BIASES, other.toString());
    }
    job.setMapperClass(ResidualMapper.class);
    job.setCombinerClass(PartialSums.class);
    job.setReducerClass(BiasReducer.class);
    job.setMapOutputKeyClass(IntWritable.class);
    job.setOutputKeyClass(IntWritable.class);
    JobRunner.run(job, "baseline: epoch " + epoch + " " + (usersAreKeys ? "users" : "items"),
        null);
    return output;
  }

  private Job job(String name, Path input, Path output, int reduceTasks) throws IOException {
    Job job = Job.getInstance(new Configuration(base), "cfmr " + name);
    job.setJarByClass(BaselineJobs.class);
    job.setInputFormatClass(TextInputFormat.class);
    FileInputFormat.addInputPath(job, input);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, output);
    output.getFileSystem(job.getConfiguration()).delete(output, true);
    job.setMapOutputValueClass(SumAndCount.class);
    job.setOutputValueClass(Text.class);
    job.setNumReduceTasks(reduceTasks);
    return job;
  }

  private long[] readSums(Path folder) throws IOException {
    long[] sums = new long[2];
    for (String[] fields : lines(folder, base)) {
      sums[0] += Long.parseLong(fields[1]);
      sums[1] += Long.parseLong(fields[2]);
    }
    if (sums[1] == 0) {
      throw new CfmrException("baseline: the train split has no ratings");
    }
    return sums;
  }

  /** The tab-separated lines of a job's part files. */
  static List<String[]> lines(Path folder, Configuration conf) throws IOException {
    FileSystem fs = folder.getFileSystem(conf);
    List<String[]> lines = new ArrayList<>();
    for (FileStatus part : fs.globStatus(new Path(folder, "part-*"))) {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(fs.open(part.getPath()), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line.split("\t"));
        }
      }
    }
    return lines;
  }

  /** One side's biases by id (ascending), as a bias job wrote them ({@code id<TAB>fixed-point}). */
  static final class Biases {
    final int[] ids;
    final long[] values;

    private Biases(int[] ids, long[] values) {
      this.ids = ids;
      this.values = values;
    }

    static Biases read(Path folder, Configuration conf) throws IOException {
      List<String[]> lines = lines(folder, conf);
      long[][] pairs = new long[lines.size()][];
      for (int k = 0; k < pairs.length; k++) {
        pairs[k] = new long[] {Integer.parseInt(lines.get(k)[0]), Long.parseLong(lines.get(k)[1])};
      }
      Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
      int[] ids = new int[pairs.length];
      long[] values = new long[pairs.length];
      for (int k = 0; k < pairs.length; k++) {
        ids[k] = (int) pairs[k][0];
        values[k] = pairs[k][1];
      }
      return new Biases(ids, values);
    }

    long of(int id) {
      int at = Arrays.binarySearch(ids, id);
      return at < 0 ? 0 : values[at];
    }
  }

  private static Rating parse(Text line, Mapper<?, ?, ?, ?>.Context context) {
    try {
      return RatingLine.parse(RatingFormat.PLAIN_CSV, line.toString());
    } catch (IllegalArgumentException e) {
      throw new CfmrException(context.getInputSplit() + ": " + e.getMessage());
    }
  }

  /** Job 0's mapper: every rating's half stars, under one key. */
  public static final class HalfStarsMapper
      extends Mapper<LongWritable, Text, IntWritable, SumAndCount> {
    private long sum;
    private long count;

    @Override
    protected void map(LongWritable offset, Text line, Context context) {
      sum += parse(line, context).halfStars();
      count++;
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      context.write(new IntWritable(0), new SumAndCount().set(sum, count));
    }
  }

  /** Job 0's reducer: the total half-star sum and count, as {@code 0<TAB>sum<TAB>count}. */
  public static final class TotalReducer
      extends Reducer<IntWritable, SumAndCount, IntWritable, Text> {
    @Override
    protected void reduce(IntWritable key, Iterable<SumAndCount> values, Context context)
        throws IOException, InterruptedException {
      SumAndCount total = sum(values);
      context.write(key, new Text(total.sum + "\t" + total.count));
    }
  }

  static SumAndCount sum(Iterable<SumAndCount> values) {
    long sum = 0;
    long count = 0;
    for (SumAndCount value : values) {
      sum = BiasUpdate.add(sum, value.sum);
      count += value.count;
    }
    return new SumAndCount().set(sum, count);
  }

  /**
   * Each rating's residual {@code r − μ − b_other} under its entity (the item, or the user), summed
   * in the mapper per entity (in-mapper combining) and written at the end.
   */
  public static final class ResidualMapper
      extends Mapper<LongWritable, Text, IntWritable, SumAndCount> {
    private final Map<Integer, long[]> sums = new HashMap<>();
    private long mu;
    private boolean usersAreKeys;
    private Biases other;

    @Override
    protected void setup(Context context) throws IOException {
      Configuration conf = context.getConfiguration();
      mu = conf.getLong(MU, 0);
      usersAreKeys = conf.getBoolean(USERS_ARE_KEYS, false);
      String otherFolder = conf.get(OTHER_BIASES);
      other = otherFolder == null ? new Biases(new int[0], new long[0])
          : Biases.read(new Path(otherFolder), conf);
    }

    @Override
    protected void map(LongWritable offset, Text line, Context context) {
      Rating rating = parse(line, context);
      int key = usersAreKeys ? rating.user() : rating.item();
      long residual = BiasUpdate.residual(rating.halfStars(), mu,
          other.of(usersAreKeys ? rating.item() : rating.user()));
      long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
      sum[0] = BiasUpdate.add(sum[0], residual);
      sum[1]++;
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      IntWritable key = new IntWritable();
      SumAndCount value = new SumAndCount();
      for (Map.Entry<Integer, long[]> entry : sums.entrySet()) {
        key.set(entry.getKey());
        context.write(key, value.set(entry.getValue()[0], entry.getValue()[1]));
      }
    }
  }

  /** The combiner: partial sums of one key added (exactly: they are integers). */
  public static final class PartialSums
      extends Reducer<IntWritable, SumAndCount, IntWritable, SumAndCount> {
    @Override
    protected void reduce(IntWritable key, Iterable<SumAndCount> values, Context context)
        throws IOException, InterruptedException {
      context.write(key, sum(values));
    }
  }

  /** The update: {@code Σ residuals / (λ + n)}, written as {@code id<TAB>fixed-point bias}. */
  public static final class BiasReducer
      extends Reducer<IntWritable, SumAndCount, IntWritable, Text> {
    private double regularisation;

    @Override
    protected void setup(Context context) {
      regularisation = context.getConfiguration().getDouble(REGULARISATION, 0);
    }

    @Override
    protected void reduce(IntWritable key, Iterable<SumAndCount> values, Context context)
        throws IOException, InterruptedException {
      SumAndCount total = sum(values);
      context.write(key, new Text(Long.toString(
          BiasUpdate.bias(total.sum, total.count, regularisation))));
    }
  }
}
