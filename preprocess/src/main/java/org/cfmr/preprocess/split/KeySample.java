package org.cfmr.preprocess.split;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;
import org.apache.hadoop.mapreduce.lib.partition.InputSampler;
import org.cfmr.core.Rating;
import org.cfmr.core.ratings.RatingLine;

/**
 * The reducers' key boundaries for {@link KeyRangePartitioner}, from Hadoop's
 * {@link InputSampler.SplitSampler} (the first lines of every input split: a MovieLens file
 * sorted by user is sampled across its whole range, a shuffled one at random) reading the input
 * through {@link KeysFormat}, which yields each parsable line's packed {@code (user, item)}.
 */
final class KeySample {
  private static final int SAMPLES = 20_000;

  private KeySample() {}

  /** {@code reducers − 1} ascending boundaries (empty for one reducer or an unparsable input). */
  static long[] boundaries(Job job, int reducers) throws IOException, InterruptedException {
    if (reducers <= 1) {
      return new long[0];
    }
    InputSampler.SplitSampler<LongWritable, NullWritable> sampler =
        new InputSampler.SplitSampler<>(SAMPLES, Integer.MAX_VALUE);
    // getSample's array is an Object[] whatever its declared type: read it as one.
    Object[] sample = sampler.getSample(new KeysFormat(), job);
    long[] keys = Arrays.stream(sample).mapToLong(key -> ((LongWritable) key).get()).sorted().toArray();
    if (keys.length == 0) {
      return new long[0];
    }
    long[] boundaries = new long[reducers - 1];
    for (int r = 1; r < reducers; r++) {
      boundaries[r - 1] = keys[(int) ((long) r * keys.length / reducers)];
    }
    return boundaries;
  }

  /** Text input whose records are the packed keys of the lines that parse (others are skipped). */
  static final class KeysFormat extends FileInputFormat<LongWritable, NullWritable> {
    @Override
    public RecordReader<LongWritable, NullWritable> createRecordReader(InputSplit split,
        TaskAttemptContext context) {
      return new KeysReader();
    }
  }

  private static final class KeysReader extends RecordReader<LongWritable, NullWritable> {
    private final LineRecordReader lines = new LineRecordReader();
    private final LongWritable key = new LongWritable();
    private SplitTaskSettings settings;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
      settings = SplitTaskSettings.readFrom(context.getConfiguration());
      lines.initialize(split, context);
    }

    @Override
    public boolean nextKeyValue() throws IOException {
      while (lines.nextKeyValue()) {
        try {
          Rating rating = RatingLine.parse(settings.format(), lines.getCurrentValue().toString());
          key.set(RatingKey.pack(rating.user(), rating.item()));
          return true;
        } catch (IllegalArgumentException e) {
          // a header or a bad line: the job itself reports bad lines
        }
      }
      return false;
    }

    @Override
    public LongWritable getCurrentKey() {
      return key;
    }

    @Override
    public NullWritable getCurrentValue() {
      return NullWritable.get();
    }

    @Override
    public float getProgress() throws IOException {
      return lines.getProgress();
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }
}
