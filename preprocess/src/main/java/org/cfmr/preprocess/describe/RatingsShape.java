package org.cfmr.preprocess.describe;

import java.util.Locale;
import org.cfmr.core.Rating;

/**
 * The shape of a ratings file ({@code cfmr describe}, from a {@link DatasetProfile}): counts,
 * min/median/max ratings per user and per movie, the Gini coefficient of movie popularity (over
 * rated movies), the pair counts {@code Σ C(n,2)} that pair generation costs in each mode, and the
 * rating distribution.
 *
 * @param ratingsPerUser each user's count, ascending
 * @param ratingsPerMovie each rated movie's count, ascending
 * @param halfStarCounts how many ratings have each value, index = half stars (0..10)
 */
public record RatingsShape(long ratings, int[] ratingsPerUser, int[] ratingsPerMovie,
    long[] halfStarCounts) {

  public int users() {
    return ratingsPerUser.length;
  }

  public int movies() {
    return ratingsPerMovie.length;
  }

  /** Gini of the rated movies' counts: {@code Σ (2i − k − 1)·x_i / (k·Σ x)}, x ascending, i from 1. */
  public double popularityGini() {
    return gini(ratingsPerMovie);
  }

  static double gini(int[] ascending) {
    double weighted = 0;
    double total = 0;
    int k = ascending.length;
    for (int i = 0; i < k; i++) {
      weighted += (2.0 * (i + 1) - k - 1) * ascending[i];
      total += ascending[i];
    }
    return weighted / (k * total);
  }

  /** {@code Σ_movies C(n_i, 2)}: the pairs user–user pair generation emits (a double: ~1e12). */
  public double userPairs() {
    return pairs(ratingsPerMovie);
  }

  /** {@code Σ_users C(n_u, 2)}: the pairs item–item pair generation emits. */
  public double itemPairs() {
    return pairs(ratingsPerUser);
  }

  private static double pairs(int[] counts) {
    double sum = 0;
    for (int n : counts) {
      sum += (double) n * (n - 1) / 2;
    }
    return sum;
  }

  /** The median of an ascending array (the mean of the two middle values when even). */
  static double median(int[] ascending) {
    int k = ascending.length;
    return k % 2 == 1 ? ascending[k / 2] : (ascending[k / 2 - 1] + ascending[k / 2]) / 2.0;
  }

  public double meanRating() {
    long sum = 0;
    for (int h = 0; h < halfStarCounts.length; h++) {
      sum += h * halfStarCounts[h];
    }
    return sum / (2.0 * ratings);
  }

  /** The table {@code cfmr describe} prints. */
  public String report() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "ratings            %,d%n", ratings));
    text.append(String.format(Locale.ROOT, "users              %,d%n", users()));
    text.append(String.format(Locale.ROOT, "movies rated       %,d%n", movies()));
    text.append(String.format(Locale.ROOT, "per user           min %,d  median %s  max %,d%n",
        ratingsPerUser[0], number(median(ratingsPerUser)), ratingsPerUser[users() - 1]));
    text.append(String.format(Locale.ROOT, "per movie          min %,d  median %s  max %,d%n",
        ratingsPerMovie[0], number(median(ratingsPerMovie)), ratingsPerMovie[movies() - 1]));
    text.append(String.format(Locale.ROOT, "popularity Gini    %.3f%n", popularityGini()));
    text.append(String.format(Locale.ROOT, "pairs user-user    %.3g  (sum over movies of C(n,2))%n",
        userPairs()));
    text.append(String.format(Locale.ROOT, "pairs item-item    %.3g  (sum over users of C(n,2))%n",
        itemPairs()));
    text.append(String.format(Locale.ROOT, "mean rating        %.3f%n", meanRating()));
    text.append("ratings by value  ");
    for (int h = 0; h < halfStarCounts.length; h++) {
      if (halfStarCounts[h] > 0) {
        text.append(String.format(Locale.ROOT, " %s: %.1f%%", Rating.formatValue(h),
            100.0 * halfStarCounts[h] / ratings));
      }
    }
    return text.append(System.lineSeparator()).toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%,.1f", value);
  }
}
