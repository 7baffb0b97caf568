package org.cfmr.core.ratings;

import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;

/**
 * The rules for one line of a ratings file, shared by every reader (the streaming
 * {@code RatingsReader} and the MapReduce mappers that read the same files split by split): a
 * byte-order mark is ignored on the first line, a format with a header must start with it, and
 * every other line must be one strict rating (a blank line is an error, not something to skip).
 */
public final class RatingLine {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private RatingLine() {}

  /** The first line of a file without its byte-order mark, if it has one. */
  public static String withoutByteOrderMark(String firstLine) {
    return firstLine.startsWith(BYTE_ORDER_MARK) ? firstLine.substring(1) : firstLine;
  }

  /**
   * Whether the first line of a file is the format's header (to be skipped).
   *
   * @throws IllegalArgumentException when the format has a header and the line is something else
   */
  public static boolean isHeader(RatingFormat format, String firstLine) {
    if (!format.hasHeader()) {
      return false;
    }
    if (!withoutByteOrderMark(firstLine).strip().equalsIgnoreCase(format.header())) {
      throw new IllegalArgumentException("expected the header '" + format.header() + "'");
    }
    return true;
  }

  /**
   * Parses a data line strictly.
   *
   * @throws IllegalArgumentException with a one-line reason (the caller adds file and line)
   */
  public static Rating parse(RatingFormat format, String line) {
    if (line.isBlank()) {
      throw new IllegalArgumentException("empty line");
    }
    return format.parse(line);
  }

  /** The reason given for a second rating of the same pair. */
  public static String duplicate(int user, int item) {
    return "duplicate rating of movie " + item + " by user " + user;
  }
}
