package org.cfmr.preprocess.split;

import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.RatingFormat;

/**
 * What the split's tasks need to know, written to and read from the job {@link Configuration} in
 * this one place.
 *
 * @param format the input's format, detected by the driver from the file's first line
 * @param seed the split's seed
 * @param trainFraction the share of ratings that go to train
 */
public record SplitTaskSettings(RatingFormat format, long seed, double trainFraction) {
  private static final String PREFIX = "cfmr.split.";

  public void writeTo(Configuration conf) {
    conf.set(PREFIX + "format", format.name());
    conf.setLong(PREFIX + "seed", seed);
    conf.setDouble(PREFIX + "train-fraction", trainFraction);
  }

  public static SplitTaskSettings readFrom(Configuration conf) {
    return new SplitTaskSettings(
        RatingFormat.valueOf(conf.get(PREFIX + "format")),
        conf.getLong(PREFIX + "seed", SplitSettings.DEFAULT_SEED),
        conf.getDouble(PREFIX + "train-fraction", SplitSettings.DEFAULT_TRAIN_FRACTION));
  }

  /**
   * Whether the rating of {@code item} by {@code user} goes to train: a seeded hash of the pair,
   * so the choice depends on nothing else (input order, splits, tasks).
   */
  public boolean isTrain(int user, int item) {
    return org.cfmr.core.StableHash.unit(seed, user, item) < trainFraction;
  }
}
