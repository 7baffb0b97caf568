package org.cfmr.core;

/**
 * An entity's train ratings summed exactly: how many, and their sum in half stars. Its mean is
 * what Pearson centres on.
 */
public record EntityTotals(long count, long halfStarSum) {
  public static final EntityTotals NONE = new EntityTotals(0, 0);

  public EntityTotals plus(EntityTotals other) {
    return new EntityTotals(count + other.count, halfStarSum + other.halfStarSum);
  }

  /** The mean rating in stars. */
  public double mean() {
    return halfStarSum / (2.0 * count);
  }
}
