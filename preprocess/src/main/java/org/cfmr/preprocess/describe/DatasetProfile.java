package org.cfmr.preprocess.describe;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.CfmrException;
import org.cfmr.core.Rating;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.runtime.Progress;

/**
 * What one pass over a dataset's ratings tells about it: each user's count, each movie's count
 * and rating sum, the count of each rating value and of each month (UTC, from the timestamps).
 * Its {@link #shape()} is the table {@code cfmr describe} prints; the charts are drawn from the
 * rest. A few words per user and per movie: a 32M-rating file takes some 20 MB.
 */
public final class DatasetProfile {
  private final Map<Integer, int[]> perUser = new HashMap<>();
  private final Map<Integer, long[]> perMovie = new HashMap<>();
  private final Map<Integer, long[]> perMonth = new HashMap<>();
  private final long[] halfStars = new long[11];
  private long ratings;

  /** An empty profile, to which {@link #add} adds ratings one by one. */
  public DatasetProfile() {}

  /** The profile of the ratings files {@code inputs}, read one after the other. */
  public static DatasetProfile read(Configuration conf, RatingsInput... inputs) {
    DatasetProfile profile = new DatasetProfile();
    for (RatingsInput input : inputs) {
      try (RatingsReader reader = RatingsReader.open(input, conf);
          Progress progress = new Progress("describe " + input.file().getName(), 0)) {
        for (Rating rating = reader.next(); rating != null; rating = reader.next()) {
          profile.add(rating);
          if (profile.ratings % 1_000_000 == 0) {
            progress.advance(1_000_000);
          }
        }
      }
    }
    return profile;
  }

  /** The profile of ratings held in memory. */
  public static DatasetProfile of(Iterable<Rating> ratings) {
    DatasetProfile profile = new DatasetProfile();
    ratings.forEach(profile::add);
    return profile;
  }

  public void add(Rating rating) {
    perUser.computeIfAbsent(rating.user(), k -> new int[1])[0]++;
    long[] movie = perMovie.computeIfAbsent(rating.item(), k -> new long[2]);
    movie[0]++;
    movie[1] += rating.halfStars();
    perMonth.computeIfAbsent(monthIndex(rating.timestamp()), k -> new long[1])[0]++;
    halfStars[rating.halfStars()]++;
    ratings++;
  }

  private static int monthIndex(long epochSeconds) {
    YearMonth month = YearMonth.from(Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC));
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  /** The counts, medians, Gini and pair counts of the ratings. */
  public RatingsShape shape() {
    if (ratings == 0) {
      throw new CfmrException("no ratings to describe");
    }
    int[] users = perUser.values().stream().mapToInt(count -> count[0]).sorted().toArray();
    int[] movies = perMovie.values().stream().mapToLong(movie -> movie[0])
        .mapToInt(Math::toIntExact).sorted().toArray();
    return new RatingsShape(ratings, users, movies, halfStars.clone());
  }

  /** How many ratings have each value, index = half stars (0..10). */
  public long[] halfStarCounts() {
    return halfStars.clone();
  }

  /** Each count of ratings a user has, mapped to how many users have it (ascending counts). */
  public SortedMap<Integer, Integer> usersByRatings() {
    return histogram(perUser.values().stream().mapToLong(count -> count[0]).toArray());
  }

  /** Each count of ratings a movie has, mapped to how many movies have it (ascending counts). */
  public SortedMap<Integer, Integer> moviesByRatings() {
    return histogram(perMovie.values().stream().mapToLong(movie -> movie[0]).toArray());
  }

  private static SortedMap<Integer, Integer> histogram(long[] counts) {
    SortedMap<Integer, Integer> histogram = new TreeMap<>();
    for (long count : counts) {
      histogram.merge(Math.toIntExact(count), 1, Integer::sum);
    }
    return histogram;
  }

  /** The ratings of each month that has any, in time order. */
  public SortedMap<YearMonth, Long> ratingsPerMonth() {
    SortedMap<YearMonth, Long> months = new TreeMap<>();
    perMonth.forEach((index, count) -> months.put(YearMonth.of(index / 12, index % 12 + 1), count[0]));
    return months;
  }

  /** Each rated movie's ratings and mean rating, by movie id (ascending). */
  public SortedMap<Integer, MovieRatings> movies() {
    SortedMap<Integer, MovieRatings> movies = new TreeMap<>();
    perMovie.forEach((id, movie) -> movies.put(id, new MovieRatings(movie[0], movie[1] / 2.0)));
    return movies;
  }

  /** A movie's count of ratings and their sum in stars. */
  public record MovieRatings(long ratings, double starSum) {
    public double mean() {
      return starSum / ratings;
    }
  }
}
