package org.cfmr.eval;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.CfmrException;

/**
 * Whether a test split belongs with the train split it is evaluated against, judged by the share
 * of test ratings whose user or movie train does not have (a few percent in a real 80/20 split:
 * movies rated once). Above {@link #WARN_ABOVE} it warns; above {@link #REFUSE_ABOVE} the files
 * are taken to be from different datasets or runs, and refused unless the user insists.
 */
final class SplitsMatch {
  static final double WARN_ABOVE = 0.10;
  static final double REFUSE_ABOVE = 0.50;

  private SplitsMatch() {}

  /**
   * Warns on {@code err} or refuses (unless {@code allowUnknown}) when too many test ratings have
   * a user or movie unknown to {@code train}.
   *
   * @throws CfmrException past {@link #REFUSE_ABOVE} without {@code allowUnknown}
   */
  static void check(Path trainFile, TrainData train, Path testFile, TestRatings test,
      boolean allowUnknown, PrintStream err) {
    long unknown = test.unknownTo(train);
    double share = test.size() == 0 ? 0 : unknown / (double) test.size();
    if (share <= WARN_ABOVE) {
      return;
    }
    String finding = String.format(Locale.ROOT, "%,d of the %,d ratings in %s (%.1f%%) have a "
        + "user or movie that %s does not have: are these a train and test split of one run?",
        unknown, test.size(), testFile, 100 * share, trainFile);
    if (share > REFUSE_ABOVE && !allowUnknown) {
      throw new CfmrException(finding + " (--allow-unknown evaluates them anyway)");
    }
    err.println("cfmr: warning: " + finding);
  }
}
