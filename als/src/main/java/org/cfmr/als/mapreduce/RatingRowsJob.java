package org.cfmr.als.mapreduce;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.cfmr.core.Rating;
import org.cfmr.core.ratings.RatingLine;
import org.cfmr.core.CfmrException;
import org.cfmr.mapreduce.SplitRatings;

/**
 * The rows job, run once per side before the iterations: groups the train ratings by user (or
 * by item) into {@link RowRatings}, each row's ratings sorted by the other side's id — the order
 * every solve of the row sums in.
 */
public final class RatingRowsJob {
  /** Whether the rows are users (else items). */
  public static final String ROWS_ARE_USERS = "cfmr.als.rows-are-users";

  private RatingRowsJob() {}

  /** A train line to {@code (row id, (other id << 32) | half stars)}. */
  public static final class RatingMapper extends Mapper<LongWritable, Text, IntWritable, LongWritable> {
    private final IntWritable row = new IntWritable();
    private final LongWritable rating = new LongWritable();
    private boolean usersAreRows;
    private SplitRatings lines;

    @Override
    protected void setup(Context context) {
      usersAreRows = context.getConfiguration().getBoolean(ROWS_ARE_USERS, true);
      lines = SplitRatings.of(context.getInputSplit());
    }

    @Override
    protected void map(LongWritable offset, Text line, Context context)
        throws IOException, InterruptedException {
      Rating parsed = lines.next(offset.get(), line.toString());
      int other = usersAreRows ? parsed.item() : parsed.user();
      row.set(usersAreRows ? parsed.user() : parsed.item());
      rating.set(((long) other << 32) | parsed.halfStars());
      context.write(row, rating);
    }
  }

  /** A row's ratings, sorted by the other side's id; a second rating of a pair is an error. */
  public static final class RowReducer extends Reducer<IntWritable, LongWritable, IntWritable, RowRatings> {
    private final RowRatings ratings = new RowRatings();
    private long[] packed = new long[64];
    private boolean usersAreRows;

    @Override
    protected void setup(Context context) {
      usersAreRows = context.getConfiguration().getBoolean(ROWS_ARE_USERS, true);
    }

    @Override
    protected void reduce(IntWritable row, Iterable<LongWritable> values, Context context)
        throws IOException, InterruptedException {
      int count = 0;
      for (LongWritable value : values) {
        if (count == packed.length) {
          packed = Arrays.copyOf(packed, 2 * count);
        }
        packed[count++] = value.get();
      }
      Arrays.sort(packed, 0, count);
      for (int at = 1; at < count; at++) {
        if (packed[at] >>> 32 == packed[at - 1] >>> 32) {
          int other = (int) (packed[at] >>> 32);
          throw new CfmrException("train ratings: " + (usersAreRows
              ? RatingLine.duplicate(row.get(), other) : RatingLine.duplicate(other, row.get())));
        }
      }
      ratings.set(packed, count);
      context.write(row, ratings);
    }
  }
}
