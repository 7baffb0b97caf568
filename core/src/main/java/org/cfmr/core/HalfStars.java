package org.cfmr.core;

/**
 * Ratings as whole numbers of half stars ({@code h = 2·r}).
 *
 * <p>Every MovieLens rating is a multiple of 0.5, so {@code 2·r} is an integer and every sum of
 * ratings or of products of ratings over a co-rated set is exact in a {@code long}. That is what
 * makes the pipeline's output independent of the order in which partial sums meet (spec,
 * "Determinism").
 */
public final class HalfStars {
  private HalfStars() {}

  /** The rating {@code r} as half stars; {@code r} must be a multiple of 0.5. */
  public static int of(double rating) {
    double doubled = rating * 2;
    int halfStars = (int) Math.rint(doubled);
    if (halfStars != doubled) {
      throw new IllegalArgumentException("rating " + rating + " is not a multiple of 0.5");
    }
    return halfStars;
  }

  /** The rating, in stars, that {@code halfStars} half stars make. */
  public static double toRating(long halfStars) {
    return halfStars / 2.0;
  }

  /**
   * Parses a decimal rating such as {@code 4}, {@code 3.5} or {@code 4.0} strictly: digits, an
   * optional point and digits, and a value that is a multiple of 0.5.
   *
   * @return the rating in half stars
   * @throws NumberFormatException with a one-line reason when the text is not such a rating
   */
  public static int parse(CharSequence text) {
    int length = text.length();
    int point = -1;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '.' && point < 0) {
        point = i;
      } else if (c < '0' || c > '9') {
        throw new NumberFormatException("rating '" + text + "' is not a number");
      }
    }
    int integerEnd = point < 0 ? length : point;
    if (integerEnd == 0 || integerEnd > 3 || (point >= 0 && point == length - 1)) {
      throw new NumberFormatException("rating '" + text + "' is not a number");
    }
    int whole = 0;
    for (int i = 0; i < integerEnd; i++) {
      whole = whole * 10 + (text.charAt(i) - '0');
    }
    int half = 0;
    if (point >= 0) {
      char first = text.charAt(point + 1);
      if (first == '5') {
        half = 1;
      } else if (first != '0') {
        throw new NumberFormatException("rating '" + text + "' is not a multiple of 0.5");
      }
      for (int i = point + 2; i < length; i++) {
        if (text.charAt(i) != '0') {
          throw new NumberFormatException("rating '" + text + "' is not a multiple of 0.5");
        }
      }
    }
    return whole * 2 + half;
  }
}
