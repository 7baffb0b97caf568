package org.cfmr.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;

/**
 * The split files {@code ratings_train.csv} / {@code ratings_test.csv} (header-less
 * {@code userId,movieId,rating,timestamp}) into {@code ratings_train} / {@code ratings_test}
 * rows. A rating that appears twice, in one file or across both, is an error: every rating lands
 * in exactly one split, and the tables' primary keys would otherwise drop it silently.
 */
final class RatingsSource {
  private long[] keys = new long[1 << 16];
  private int size;

  /** Copies one split file, parsed strictly with core's {@link RatingFormat#PLAIN_CSV}. */
  void copy(InputFile in, TsvWriter out) {
    copy(in, out, rating -> { });
  }

  /** Copies one split file, handing each rating to {@code also} too. */
  void copy(InputFile in, TsvWriter out, Consumer<Rating> also) {
    for (String line = in.nextLine(); line != null; line = in.nextLine()) {
      Rating rating;
      try {
        rating = RatingFormat.PLAIN_CSV.parse(line);
      } catch (IllegalArgumentException e) {
        throw in.error(e.getMessage());
      }
      remember(rating);
      also.accept(rating);
      out.plain(rating.user()).plain(rating.item()).plain(Rating.formatValue(rating.halfStars()))
          .plain(rating.timestamp()).endRow();
    }
  }

  private void remember(Rating rating) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
    }
    keys[size++] = key(rating.user(), rating.item());
  }

  static long key(int user, int item) {
    return ((long) user << 32) | item;
  }

  /** Where in {@code file} user {@code user} rates {@code movie}, as {@code file:line} (the error path). */
  static List<String> placesOf(Path file, Configuration conf, int user, int movie) {
    List<String> places = new ArrayList<>();
    try (InputFile in = InputFile.open(file, conf)) {
      for (String line = in.nextLine(); line != null; line = in.nextLine()) {
        Rating rating = RatingFormat.PLAIN_CSV.parse(line);
        if (rating.user() == user && rating.item() == movie) {
          places.add(file + ":" + in.lineNumber());
        }
      }
    }
    return places;
  }

  /** A (user, movie) rated twice over all files copied, as {@link #key}, or -1 when none is. */
  long firstDuplicate() {
    long[] sorted = Arrays.copyOf(keys, size);
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return sorted[i];
      }
    }
    return -1;
  }
}
