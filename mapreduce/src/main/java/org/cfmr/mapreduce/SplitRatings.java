package org.cfmr.mapreduce;

import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.ratings.RatingLine;
import org.cfmr.core.CfmrException;

/**
 * A map task's train lines ({@code userId,movieId,rating,timestamp}), parsed with errors that
 * name the file and the line; past the file's first split, where line numbers are not known, the
 * byte offset. One per task, fed every line of its split in order.
 */
public final class SplitRatings {
  private final String file;
  private final boolean startsTheFile;
  private long lineNumber;

  private SplitRatings(String file, boolean startsTheFile) {
    this.file = file;
    this.startsTheFile = startsTheFile;
  }

  /** The lines of {@code split}. */
  public static SplitRatings of(InputSplit split) {
    if (split instanceof FileSplit fileSplit) {
      return new SplitRatings(fileSplit.getPath().toString(), fileSplit.getStart() == 0);
    }
    return new SplitRatings(String.valueOf(split), false);
  }

  /** The rating on the split's next line, which starts at byte {@code offset} of the file. */
  public Rating next(long offset, String line) {
    lineNumber++;
    try {
      return RatingLine.parse(RatingFormat.PLAIN_CSV, line);
    } catch (IllegalArgumentException e) {
      throw startsTheFile
          ? CfmrException.atLine(file, lineNumber, e.getMessage())
          : new CfmrException(file + " at byte " + offset + ": " + e.getMessage());
    }
  }
}
