package org.cfmr.preprocess.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.cfmr.core.Rating;
import org.cfmr.core.ratings.RatingLine;

/**
 * Receives the ratings sorted by {@code (user, item)}, so every copy of a pair meets here: a pair
 * rated once goes to {@code train/} or {@code test/} (by {@link SplitTaskSettings#isTrain}); a
 * pair rated on several lines is an input error naming the second line and the first, and under
 * {@code --max-errors} every one of those lines is dropped and counted.
 */
public final class SplitReducer extends Reducer<LongWritable, RatingValue, NullWritable, Text> {
  static final String TRAIN = "train";
  static final String TEST = "test";

  private final Text line = new Text();
  private SplitTaskSettings settings;
  private MultipleOutputs<NullWritable, Text> outputs;
  private BadLines badLines;

  @Override
  protected void setup(Context context) {
    settings = SplitTaskSettings.readFrom(context.getConfiguration());
    outputs = new MultipleOutputs<>(context);
    badLines = new BadLines(outputs);
  }

  @Override
  protected void reduce(LongWritable key, Iterable<RatingValue> values, Context context)
      throws IOException, InterruptedException {
    int user = RatingKey.user(key.get());
    int item = RatingKey.item(key.get());
    List<RatingValue> copies = new ArrayList<>(1);
    for (RatingValue value : values) {
      copies.add(new RatingValue(value.halfStars(), value.timestamp(), value.offset()));
    }
    if (copies.size() > 1) {
      copies.sort(Comparator.comparingLong(RatingValue::offset));
      BadLine duplicate = new BadLine(copies.get(1).offset(),
          RatingLine.duplicate(user, item), copies.get(0).offset());
      badLines.add(duplicate, copies.size(), SplitCounter.DUPLICATE_LINES, context);
      return;
    }
    RatingValue value = copies.get(0);
    boolean train = settings.isTrain(user, item);
    line.set(new Rating(user, item, value.halfStars(), value.timestamp()).toCsv());
    String side = train ? TRAIN : TEST;
    outputs.write(side, NullWritable.get(), line, side + "/part");
    context.getCounter(train ? SplitCounter.TRAIN : SplitCounter.TEST).increment(1);
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    badLines.writeFirst();
    outputs.close();
  }
}
