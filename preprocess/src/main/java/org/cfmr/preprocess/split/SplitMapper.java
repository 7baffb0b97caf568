package org.cfmr.preprocess.split;

import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.cfmr.core.Rating;
import org.cfmr.core.ratings.RatingLine;

/**
 * Parses each line of its split strictly and emits {@code (user, item) → (rating, timestamp,
 * byte offset)}. The header (the line at offset 0 of a format with one) is checked and skipped;
 * a bad line is counted and reported to the driver ({@link BadLines}).
 */
public final class SplitMapper extends Mapper<LongWritable, Text, LongWritable, RatingValue> {
  private final LongWritable key = new LongWritable();
  private final RatingValue value = new RatingValue();
  private SplitTaskSettings settings;
  private MultipleOutputs<LongWritable, RatingValue> outputs;
  private BadLines badLines;

  @Override
  protected void setup(Context context) {
    settings = SplitTaskSettings.readFrom(context.getConfiguration());
    outputs = new MultipleOutputs<>(context);
    badLines = new BadLines(outputs);
  }

  @Override
  protected void map(LongWritable offset, Text text, Context context)
      throws IOException, InterruptedException {
    String line = text.toString();
    try {
      if (offset.get() == 0) {
        line = RatingLine.withoutByteOrderMark(line);
        if (RatingLine.isHeader(settings.format(), line)) {
          return;
        }
      }
      Rating rating = RatingLine.parse(settings.format(), line);
      key.set(RatingKey.pack(rating.user(), rating.item()));
      value.set(rating.halfStars(), rating.timestamp(), offset.get());
      context.getCounter(SplitCounter.RATINGS_READ).increment(1);
      context.write(key, value);
    } catch (IllegalArgumentException e) {
      badLines.add(BadLine.malformed(offset.get(), e.getMessage()), 1,
          SplitCounter.MALFORMED_LINES, context);
    }
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    badLines.writeFirst();
    outputs.close();
  }
}
