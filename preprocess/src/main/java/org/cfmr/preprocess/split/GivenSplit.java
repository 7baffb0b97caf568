package org.cfmr.preprocess.split;

import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.io.RatingsInput;

/**
 * A split the user gave as two files ({@link Split#writeGivenStaged}), validated and written as
 * the result's split files.
 *
 * @param trainInput the given train file and its detected format
 * @param testInput the given test file and its detected format
 * @param train the number of ratings in {@code trainFile}
 * @param test the number of ratings in {@code testFile}
 * @param trainFile the staged {@code ratings_train.csv}
 * @param testFile the staged {@code ratings_test.csv}
 */
public record GivenSplit(RatingsInput trainInput, RatingsInput testInput, long train, long test,
    Path trainFile, Path testFile) {

  /** E.g. {@code split: given, 80,000 train ratings from .../u1.base (u.data), 20,000 test ...}. */
  public String summary() {
    return String.format(Locale.ROOT,
        "split: given, %,d train ratings from %s (%s), %,d test ratings from %s (%s)", train,
        trainInput.file(), trainInput.format().description(), test, testInput.file(),
        testInput.format().description());
  }
}
