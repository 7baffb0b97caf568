package org.cfmr.preprocess.split;

import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.runtime.JobReport;

/**
 * What a split wrote.
 *
 * @param input the ratings file read and its detected format ({@code input.datasetFolder()} is
 *     where the dataset's movies file is)
 * @param train the number of ratings in {@code trainFile}
 * @param test the number of ratings in {@code testFile}
 * @param skippedLines bad lines skipped under {@code --max-errors} (0 in a strict split)
 * @param firstSkipped the first of them as {@code file:line: reason}, or null
 * @param trainFile {@code ratings_train.csv}, committed
 * @param testFile {@code ratings_test.csv}, committed
 * @param seed the seed used
 * @param job the MapReduce job's counters
 */
public record SplitResult(RatingsInput input, long train, long test, long skippedLines,
    String firstSkipped, Path trainFile, Path testFile, long seed, JobReport job) {

  public long ratings() {
    return train + test;
  }

  /** E.g. {@code split: 100,836 ratings from .../ratings.csv (ratings.csv (with header)) → ...}. */
  public String summary() {
    return String.format(Locale.ROOT,
        "split: %,d ratings from %s (%s) → %,d train (%.1f%%), %,d test, seed %d%s",
        ratings(), input.file(), input.format().description(), train,
        ratings() == 0 ? 0.0 : 100.0 * train / ratings(), test, seed,
        skippedLines == 0 ? "" : String.format(Locale.ROOT, "; %,d bad lines skipped, the first: %s",
            skippedLines, firstSkipped));
  }
}
