package org.cfmr.core;

import java.util.Locale;

/**
 * The MovieLens ratings formats, each with its separator, header and rating scale. Every line
 * holds {@code user, item, rating, timestamp}.
 */
public enum RatingFormat {
  /** ml-100k {@code u.data}: tab-separated, whole stars 1–5. */
  U_DATA("u.data (tab-separated)", "\t", null, 2, 10, false),
  /** ml-1m / ml-10m {@code ratings.dat}: {@code ::}-separated (ml-10m has half stars, 0.5–5). */
  DAT("ratings.dat (::-separated)", "::", null, 1, 10, true),
  /** ml-latest, ml-20m, ml-25m, ml-32m {@code ratings.csv}: a header line, half stars 0.5–5. */
  CSV("ratings.csv (with header)", ",", "userId,movieId,rating,timestamp", 1, 10, true),
  /** cfmr's own header-less {@code userId,movieId,rating,timestamp}, half stars 0.5–5. */
  PLAIN_CSV("header-less CSV", ",", null, 1, 10, true);

  private final String description;
  private final String separator;
  private final String header;
  private final int minHalfStars;
  private final int maxHalfStars;
  private final boolean halfStarsAllowed;

  RatingFormat(String description, String separator, String header, int minHalfStars,
      int maxHalfStars, boolean halfStarsAllowed) {
    this.description = description;
    this.separator = separator;
    this.header = header;
    this.minHalfStars = minHalfStars;
    this.maxHalfStars = maxHalfStars;
    this.halfStarsAllowed = halfStarsAllowed;
  }

  public String description() {
    return description;
  }

  /** The header line this format starts with, or null. */
  public String header() {
    return header;
  }

  public boolean hasHeader() {
    return header != null;
  }

  /** The scale as text, for error messages. */
  public String scale() {
    return Rating.formatValue(minHalfStars) + "–" + Rating.formatValue(maxHalfStars)
        + (halfStarsAllowed ? " in half stars" : " in whole stars");
  }

  /**
   * Detects the format from a file's first line.
   *
   * @throws IllegalArgumentException when the line fits no format
   */
  public static RatingFormat detect(String firstLine) {
    String line = firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
    if (line.contains("::")) return DAT;
    if (line.contains("\t")) return U_DATA;
    if (line.toLowerCase(Locale.ROOT).startsWith("userid,")) return CSV;
    if (line.contains(",")) return PLAIN_CSV;
    throw new IllegalArgumentException("the first line fits no MovieLens ratings format "
        + "(u.data, ratings.dat, ratings.csv or header-less CSV)");
  }

  /**
   * Parses one data line strictly.
   *
   * @throws IllegalArgumentException with a one-line reason (no file or line number: the caller
   *     adds those)
   */
  public Rating parse(String line) {
    String[] fields = split(line);
    int user = parseId(fields[0], "userId");
    int item = parseId(fields[1], "movieId");
    int halfStars;
    try {
      halfStars = HalfStars.parse(fields[2]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    if (halfStars < minHalfStars || halfStars > maxHalfStars
        || (!halfStarsAllowed && halfStars % 2 != 0)) {
      throw new IllegalArgumentException(
          "rating " + fields[2] + " is outside the scale " + scale());
    }
    long timestamp = parseTimestamp(fields[3]);
    return new Rating(user, item, halfStars, timestamp);
  }

  private String[] split(String line) {
    String[] fields = new String[4];
    int start = 0;
    for (int i = 0; i < 4; i++) {
      int end = line.indexOf(separator, start);
      if (i == 3) {
        if (end >= 0) {
          throw tooMany();
        }
        end = line.length();
      } else if (end < 0) {
        throw new IllegalArgumentException("expected 4 fields separated by '"
            + printable(separator) + "' but found " + (i + 1));
      }
      fields[i] = line.substring(start, end).strip();
      start = end + separator.length();
    }
    return fields;
  }

  private IllegalArgumentException tooMany() {
    return new IllegalArgumentException(
        "expected 4 fields separated by '" + printable(separator) + "' but found more");
  }

  private static String printable(String separator) {
    return separator.equals("\t") ? "\\t" : separator;
  }

  private static int parseId(String text, String what) {
    if (text.isEmpty() || !allDigits(text)) {
      throw new IllegalArgumentException(what + " '" + text + "' is not a non-negative integer");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + text + "' is too large");
    }
  }

  private static long parseTimestamp(String text) {
    if (text.isEmpty() || !allDigits(text) || text.length() > 18) {
      throw new IllegalArgumentException("timestamp '" + text + "' is not a non-negative integer");
    }
    return Long.parseLong(text);
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }
}
