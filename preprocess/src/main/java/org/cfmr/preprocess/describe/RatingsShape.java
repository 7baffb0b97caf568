package org.cfmr.preprocess.synth;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.Progress;

/**
 * The shape of a ratings file ({@code cfmr synth --describe}): counts, min/median/max ratings per
 * user and per movie, the Gini coefficient of movie popularity (over rated movies), the pair
 * counts {@code Σ C(n,2)} that pair generation costs in each mode, and the rating distribution.
 *
 * @param ratingsPerUser each user's count, ascending
 * @param ratingsPerMovie each rated movie's count, ascending
 * @param halfStarCounts how many ratings have each value, index = half stars (0..10)
 */
public record RatingsShape(long ratings, int[] ratingsPerUser, int[] ratingsPerMovie,
    long[] halfStarCounts) {

  /** Reads any MovieLens ratings file (format detected from its first line). */
  public static RatingsShape of(Path file, Configuration conf) {
    Tally tally = new Tally();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
            file.getFileSystem(conf).open(file), StandardCharsets.UTF_8), 1 << 16);
        Progress progress = new Progress("describe " + file.getName(), 0)) {
      String first = in.readLine();
      if (first == null) {
        throw new CfmrException(file + ": empty file");
      }
      RatingFormat format = detect(file, first);
      long lineNumber = 1;
      String line = first;
      if (format.hasHeader()) {
        line = in.readLine();
        lineNumber++;
      }
      for (; line != null; line = in.readLine(), lineNumber++) {
        Rating rating = parse(format, line, file, lineNumber);
        tally.add(rating);
        if (tally.ratings % 1_000_000 == 0) {
          progress.advance(1_000_000);
        }
      }
    } catch (FileNotFoundException e) {
      throw new CfmrException("no such ratings file: " + file);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return tally.shape();
  }

  /** The shape of ratings held in memory. */
  public static RatingsShape of(Iterable<Rating> ratings) {
    Tally tally = new Tally();
    ratings.forEach(tally::add);
    return tally.shape();
  }

  /** Counts per user, per movie and per value. */
  private static final class Tally {
    private final Map<Integer, int[]> perUser = new HashMap<>();
    private final Map<Integer, int[]> perMovie = new HashMap<>();
    private final long[] halfStars = new long[11];
    private long ratings;

    void add(Rating rating) {
      perUser.computeIfAbsent(rating.user(), k -> new int[1])[0]++;
      perMovie.computeIfAbsent(rating.item(), k -> new int[1])[0]++;
      halfStars[rating.halfStars()]++;
      ratings++;
    }

    RatingsShape shape() {
      if (ratings == 0) {
        throw new CfmrException("no ratings to describe");
      }
      return new RatingsShape(ratings, sortedCounts(perUser), sortedCounts(perMovie), halfStars);
    }
  }

  private static RatingFormat detect(Path file, String first) {
    try {
      return RatingFormat.detect(first);
    } catch (IllegalArgumentException e) {
      throw CfmrException.atLine(file.toString(), 1, e.getMessage());
    }
  }

  private static Rating parse(RatingFormat format, String line, Path file, long lineNumber) {
    try {
      return format.parse(line);
    } catch (IllegalArgumentException e) {
      throw CfmrException.atLine(file.toString(), lineNumber, e.getMessage());
    }
  }

  private static int[] sortedCounts(Map<Integer, int[]> counts) {
    int[] sorted = counts.values().stream().mapToInt(c -> c[0]).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

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

  /** The report {@code cfmr synth --describe} prints. */
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
