package org.cfmr.eval;

import java.util.Arrays;
import org.cfmr.core.predict.TrainData;

/**
 * One thread's list of the train items a user has not rated, ascending by index (by id): the
 * candidates of the lists of ALS ({@link FactorRecommender}) and of the blend
 * ({@link BlendRecommender}). The buffer is reused user after user.
 */
final class UnratedItems {
  private final TrainData train;
  private final int[] buffer;

  UnratedItems(TrainData train) {
    this.train = train;
    this.buffer = new int[train.items()];
  }

  /** Train user {@code user}'s unrated items: a walk beside the user's rated items (ascending). */
  int[] of(int user) {
    int size = 0;
    int at = train.userStart(user);
    int end = train.userStart(user + 1);
    for (int item = 0; item < buffer.length; item++) {
      if (at < end && train.itemAt(at) == item) {
        at++;
      } else {
        buffer[size++] = item;
      }
    }
    return Arrays.copyOf(buffer, size);
  }
}
