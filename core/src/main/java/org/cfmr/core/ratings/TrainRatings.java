package org.cfmr.core.ratings;

import java.util.Arrays;
import org.cfmr.core.Rating;
import org.cfmr.core.CfmrException;

/**
 * A train split ({@code ratings_train.csv}) in parallel primitive arrays; {@code
 * RatingsReader.readTrain} reads one.
 */
public final class TrainRatings {
  public int[] users = new int[1 << 16];
  public int[] items = new int[1 << 16];
  public int[] halfStars = new int[1 << 16];
  public int size;

  /** Appends one rating. */
  public void add(Rating rating) {
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
