package org.cfmr.sql;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;
import org.cfmr.core.Rating;

/**
 * The {@code movie_stats} rows, tallied from the train ratings while they are copied: per movie
 * its count of ratings, their sum in stars, their least and greatest value, and its bias in the
 * run's baseline. Computing them
 * here costs a map lookup per rating; {@code INSERT … SELECT … GROUP BY} over a 25M-row staging
 * table took minutes of the server's time.
 */
final class MovieStatsSource {
  /** Per movie: ratings, sum of half stars, least and greatest half stars. */
  private final Map<Integer, long[]> movies = new TreeMap<>();

  void add(Rating rating) {
    long[] stats = movies.computeIfAbsent(rating.item(),
        movie -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
    stats[0]++;
    stats[1] += rating.halfStars();
    stats[2] = Math.min(stats[2], rating.halfStars());
    stats[3] = Math.max(stats[3], rating.halfStars());
  }

  /**
   * One row per movie, by movie id: movie_id, ratings, rating_sum, min_rating, max_rating and the
   * movie's {@code itemBias}.
   */
  void copy(TsvWriter out, IntToLongFunction itemBias) {
    movies.forEach((movie, stats) -> out.plain(movie).plain(stats[0]).plain(stars(stats[1]))
        .plain(Rating.formatValue((int) stats[2])).plain(Rating.formatValue((int) stats[3]))
        .plain(itemBias.applyAsLong(movie)).endRow());
  }

  /** Half stars as stars with one decimal: 7 → {@code 3.5}. */
  private static String stars(long halfStars) {
    return (halfStars / 2) + (halfStars % 2 == 0 ? ".0" : ".5");
  }
}
