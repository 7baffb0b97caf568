package org.cfmr.web;

import java.util.Locale;

/** Numbers as the pages print them (always with a point, whatever the locale). */
public final class Format {
  private Format() {}

  /** A rating in stars: {@code 4.5}, {@code 3.0}. */
  public static String rating(double rating) {
    return String.format(Locale.ROOT, "%.1f", rating);
  }

  /** A predicted rating: two decimals. */
  public static String prediction(double prediction) {
    return String.format(Locale.ROOT, "%.2f", prediction);
  }

  /** A similarity: three decimals. */
  public static String similarity(double similarity) {
    return String.format(Locale.ROOT, "%.3f", similarity);
  }

  /** An evaluation metric (RMSE, nDCG, ...): four decimals. */
  public static String metric(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** A change of a metric, with its sign: {@code +0.0123}, {@code -0.0040}. */
  public static String signedMetric(double change) {
    return String.format(Locale.ROOT, "%+.4f", change);
  }

  /** A recommendation's evidence: how many neighbours back it and their similarity sum. */
  public static String evidence(Evidence evidence, boolean userBased) {
    String who = !userBased ? "of your movies"
        : evidence.support() == 1 ? "similar user" : "similar users";
    return String.format(Locale.ROOT, "%d %s, Σ sim %.3f", evidence.support(), who,
        evidence.similaritySum());
  }

  /** The star ratings a form offers, 0.5 to 5. */
  public static final java.util.List<String> STARS = java.util.List.of(
      "5", "4.5", "4", "3.5", "3", "2.5", "2", "1.5", "1", "0.5");
}
