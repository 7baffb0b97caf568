package org.cfmr.mapreduce.chain;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.cfmr.core.EntityTotals;
import org.cfmr.core.PivotSampler;
import org.cfmr.core.Rating;
import org.cfmr.core.CfmrException;
import org.cfmr.mapreduce.SplitRatings;
import org.cfmr.mapreduce.chain.TaggedId.Tag;

/**
 * Job 1, co-ratings: groups the train ratings by pivot (by movie for user–user, by user for
 * item–item) into {@link PivotVector}s, capped to a seeded sample where a pivot has more ratings
 * than {@code --max-pivot-ratings}, and sums every entity's train totals (count, half-star sum)
 * into the side output {@value #TOTALS}, which Pearson's centring and job 4's partitioning read.
 */
public final class CoRatingsJob {
  /** The named side output holding {@code entity → PartialTotalsWritable}. */
  public static final String TOTALS = "totals";

  /** Job 1's counters. */
  public enum Counter { RATINGS, PIVOTS, PIVOTS_CAPPED, RATINGS_LEFT_OUT_BY_CAP, ENTITIES }

  private CoRatingsJob() {}

  /**
   * Parses {@code userId,movieId,rating,timestamp} lines; emits each rating under its pivot, and
   * each entity's totals under the entity (in-mapper combining: one record per entity and split
   * instead of one per rating).
   */
  public static final class RatingMapper extends Mapper<LongWritable, Text, TaggedId, PartialTotalsWritable> {
    private final Map<Integer, long[]> entityTotals = new HashMap<>();
    private final TaggedId key = new TaggedId();
    private final PartialTotalsWritable value = new PartialTotalsWritable();
    private boolean usersAreEntities;
    private SplitRatings lines;

    @Override
    protected void setup(Context context) {
      usersAreEntities = ChainSettings.readFrom(context.getConfiguration()).usersAreEntities();
      lines = SplitRatings.of(context.getInputSplit());
    }

    @Override
    protected void map(LongWritable offset, Text line, Context context)
        throws IOException, InterruptedException {
      Rating rating = lines.next(offset.get(), line.toString());
      int entity = usersAreEntities ? rating.user() : rating.item();
      int pivot = usersAreEntities ? rating.item() : rating.user();
      context.write(key.set(Tag.PIVOT, pivot), value.set(entity, 1, rating.halfStars()));
      long[] totals = entityTotals.computeIfAbsent(entity, e -> new long[2]);
      totals[0]++;
      totals[1] += rating.halfStars();
      context.getCounter(Counter.RATINGS).increment(1);
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      for (Map.Entry<Integer, long[]> entry : entityTotals.entrySet()) {
        long[] totals = entry.getValue();
        context.write(key.set(Tag.ENTITY, entry.getKey()),
            value.set(entry.getKey(), totals[0], totals[1]));
      }
    }
  }

  /**
   * For a pivot: its ratings sorted by entity, checked for duplicates, sampled down to the cap
   * ({@link PivotSampler}), as a {@link PivotVector}; pivots with fewer than two kept ratings make
   * no pair and are dropped. For an entity: its totals summed, to the side output.
   */
  public static final class PivotReducer
      extends Reducer<TaggedId, PartialTotalsWritable, IntWritable, PivotVector> {
    private final IntWritable outKey = new IntWritable();
    private ChainSettings settings;
    private MultipleOutputs<IntWritable, PivotVector> sideOutputs;
    private long[] packed = new long[1024];
    private int[] entities = new int[1024];
    private int[] halfStars = new int[1024];

    @Override
    protected void setup(Context context) {
      settings = ChainSettings.readFrom(context.getConfiguration());
      sideOutputs = new MultipleOutputs<>(context);
    }

    @Override
    protected void reduce(TaggedId key, Iterable<PartialTotalsWritable> values, Context context)
        throws IOException, InterruptedException {
      if (key.tag() == Tag.ENTITY) {
        writeEntityTotals(key.id(), values, context);
      } else {
        writePivot(key.id(), values, context);
      }
    }

    private void writeEntityTotals(int entity, Iterable<PartialTotalsWritable> values, Context context)
        throws IOException, InterruptedException {
      long count = 0;
      long sum = 0;
      for (PartialTotalsWritable partial : values) {
        count += partial.count();
        sum += partial.halfStarSum();
      }
      outKey.set(entity);
      sideOutputs.write(TOTALS, outKey, new PartialTotalsWritable(entity, count, sum), TOTALS + "/part");
      context.getCounter(Counter.ENTITIES).increment(1);
    }

    private void writePivot(int pivot, Iterable<PartialTotalsWritable> values, Context context)
        throws IOException, InterruptedException {
      int size = sortByEntity(values);
      long sum = 0;
      for (int i = 0; i < size; i++) {
        if (i > 0 && entities[i] == entities[i - 1]) {
          throw new CfmrException(settings.train() + ": duplicate rating of "
              + (settings.usersAreEntities() ? "movie " + pivot + " by user " + entities[i]
                  : "movie " + entities[i] + " by user " + pivot));
        }
        sum += halfStars[i];
      }
      context.getCounter(Counter.PIVOTS).increment(1);
      int[] kept = PivotSampler.keep(settings.similarity().seed(), pivot, entities, size,
          settings.similarity().maxPivotRatings());
      if (kept.length < size) {
        context.getCounter(Counter.PIVOTS_CAPPED).increment(1);
        context.getCounter(Counter.RATINGS_LEFT_OUT_BY_CAP).increment(size - kept.length);
      }
      if (kept.length < 2) {
        return;
      }
      for (int i = 0; i < kept.length; i++) {
        entities[i] = entities[kept[i]];
        halfStars[i] = halfStars[kept[i]];
      }
      outKey.set(pivot);
      context.write(outKey,
          new PivotVector(new EntityTotals(size, sum), entities, halfStars, kept.length));
    }

    /** Fills {@code entities} and {@code halfStars} sorted by entity; returns how many. */
    private int sortByEntity(Iterable<PartialTotalsWritable> values) {
      int size = 0;
      for (PartialTotalsWritable rating : values) {
        if (size == packed.length) {
          packed = Arrays.copyOf(packed, size * 2);
        }
        packed[size++] = ((long) rating.id() << 8) | rating.halfStarSum();
      }
      Arrays.sort(packed, 0, size);
      if (entities.length < size) {
        entities = new int[packed.length];
        halfStars = new int[packed.length];
      }
      for (int i = 0; i < size; i++) {
        entities[i] = (int) (packed[i] >>> 8);
        halfStars[i] = (int) (packed[i] & 0xff);
      }
      return size;
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
      sideOutputs.close();
    }
  }
}
