package org.cfmr.core;

/** One rating: user, item (movie), value in half stars, and the timestamp (seconds). */
public record Rating(int user, int item, int halfStars, long timestamp) {

  public double value() {
    return HalfStars.toRating(halfStars);
  }

  /** The pipeline's interchange format: header-less {@code userId,movieId,rating,timestamp}. */
  public String toCsv() {
    return user + "," + item + "," + formatValue(halfStars) + "," + timestamp;
  }

  /** A rating printed with one decimal, as MovieLens' CSV files print it ({@code 4.0}, {@code 3.5}). */
  public static String formatValue(int halfStars) {
    return (halfStars / 2) + ((halfStars & 1) == 0 ? ".0" : ".5");
  }
}
