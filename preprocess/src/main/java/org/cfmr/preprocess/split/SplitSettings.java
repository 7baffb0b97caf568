package org.cfmr.preprocess.split;

import org.apache.hadoop.fs.Path;
import org.cfmr.core.UsageException;
import org.cfmr.core.io.RatingsInput;

/**
 * What {@code cfmr split} is asked to do.
 *
 * @param input a ratings file or a dataset folder (see {@link org.cfmr.core.io.RatingsInput})
 * @param output the folder that receives {@code ratings_train.csv} and {@code ratings_test.csv}
 * @param trainFraction the share of ratings that go to train (default 0.8)
 * @param seed the split's seed: the same seed gives the same split (default 42)
 * @param maxErrors how many bad lines (malformed, or a duplicate {@code (user, item)}) may be
 *     skipped and counted before the split fails (default 0: the first one fails it)
 * @param reducers the number of reduce tasks (default 1); the files do not depend on it
 * @param overwrite whether existing split files may be replaced
 */
public record SplitSettings(Path input, Path output, double trainFraction, long seed,
    long maxErrors, int reducers, boolean overwrite) {
  public static final double DEFAULT_TRAIN_FRACTION = 0.8;
  public static final long DEFAULT_SEED = 42;

  public SplitSettings {
    if (!(trainFraction >= 0 && trainFraction <= 1)) {
      throw new UsageException("--train-fraction must be between 0 and 1, not " + trainFraction);
    }
    if (maxErrors < 0) {
      throw new UsageException("--max-errors must be 0 or more, not " + maxErrors);
    }
    if (reducers < 1) {
      throw new UsageException("--reducers must be 1 or more, not " + reducers);
    }
  }

  /** The defaults for {@code input} into {@code output}: 80/20, seed 42, strict, 1 reducer. */
  public static SplitSettings of(Path input, Path output) {
    return new SplitSettings(input, output, DEFAULT_TRAIN_FRACTION, DEFAULT_SEED, 0, 1, false);
  }
}
