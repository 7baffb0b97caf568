package org.cfmr.core.baseline;

import java.util.Arrays;

/**
 * A fitted baseline {@code b_ui = μ + b_u + b_i} (Koren 2010, §2.1): the train mean and one bias
 * per train user and per train item, in fixed point ({@link FixedPointStars}), indexed like the
 * ids given (ascending, as {@code TrainData}'s dense indices). A user or item without train
 * ratings has bias 0: {@code b_ui} is then {@code μ + b_i}, {@code μ + b_u} or {@code μ}.
 */
public final class Baseline {
  private final long globalMean;
  private final int[] userIds;
  private final long[] userBias;
  private final int[] itemIds;
  private final long[] itemBias;

  /** The arrays are kept, not copied. */
  public Baseline(long globalMean, int[] userIds, long[] userBias, int[] itemIds,
      long[] itemBias) {
    if (userIds.length != userBias.length || itemIds.length != itemBias.length) {
      throw new IllegalArgumentException("one bias per id");
    }
    this.globalMean = globalMean;
    this.userIds = userIds;
    this.userBias = userBias;
    this.itemIds = itemIds;
    this.itemBias = itemBias;
  }

  /** {@code b_ui} in stars for dense indices; -1 stands for a user or item without train ratings. */
  public double predict(int user, int item) {
    long sum = globalMean + (user >= 0 ? userBias[user] : 0) + (item >= 0 ? itemBias[item] : 0);
    return FixedPointStars.stars(sum);
  }

  /** {@code μ} in stars. */
  public double globalMean() {
    return FixedPointStars.stars(globalMean);
  }

  public long globalMeanFixed() {
    return globalMean;
  }

  /** {@code b_u} in fixed point, by dense index. */
  public long userBiasFixed(int user) {
    return userBias[user];
  }

  /** {@code b_i} in fixed point, by dense index. */
  public long itemBiasFixed(int item) {
    return itemBias[item];
  }

  public int users() {
    return userIds.length;
  }

  public int items() {
    return itemIds.length;
  }

  public int userId(int user) {
    return userIds[user];
  }

  public int itemId(int item) {
    return itemIds[item];
  }

  /** The dense index of user {@code id}, or -1. */
  public int userIndex(int id) {
    int at = Arrays.binarySearch(userIds, id);
    return at < 0 ? -1 : at;
  }

  /** The dense index of item {@code id}, or -1. */
  public int itemIndex(int id) {
    int at = Arrays.binarySearch(itemIds, id);
    return at < 0 ? -1 : at;
  }
}
