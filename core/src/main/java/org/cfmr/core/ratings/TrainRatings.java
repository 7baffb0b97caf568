package org.cfmr.core.ratings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.runtime.CfmrException;

/** A train split ({@code ratings_train.csv}, header-less CSV) read into parallel primitive arrays. */
public final class TrainRatings {
  public int[] users = new int[1 << 16];
  public int[] items = new int[1 << 16];
  public int[] halfStars = new int[1 << 16];
  public int size;

  public static TrainRatings read(Path file, Configuration conf) {
    TrainRatings ratings = new TrainRatings();
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(fs.open(file), StandardCharsets.UTF_8), 1 << 16)) {
        long lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lineNumber++;
          try {
            ratings.add(RatingFormat.PLAIN_CSV.parse(line));
          } catch (IllegalArgumentException e) {
            throw CfmrException.atLine(file.toString(), lineNumber, e.getMessage());
          }
        }
      }
    } catch (java.io.FileNotFoundException e) {
      throw new CfmrException("no such train file: " + file);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (ratings.size == 0) {
      throw new CfmrException(file + ": no ratings");
    }
    return ratings;
  }

  private void add(Rating rating) {
    if (size == users.length) {
      users = Arrays.copyOf(users, size * 2);
      items = Arrays.copyOf(items, size * 2);
      halfStars = Arrays.copyOf(halfStars, size * 2);
    }
    users[size] = rating.user();
    items[size] = rating.item();
    halfStars[size] = rating.halfStars();
    size++;
  }

  /** The matrix whose rows are users (user–user) or items (item–item). */
  public RatingMatrix matrix(boolean usersAreRows) {
    try {
      return usersAreRows
          ? RatingMatrix.of(users, items, halfStars, size)
          : RatingMatrix.of(items, users, halfStars, size);
    } catch (IllegalArgumentException e) {
      throw new CfmrException("train ratings: " + e.getMessage());
    }
  }
}
