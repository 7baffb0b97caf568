package org.cfmr.core.baseline;

import java.util.HashMap;
import java.util.Map;

/**
 * The baseline fit written as plainly as possible for the tests to compare against: doubles,
 * hash maps keyed by ids, ratings visited in the order given, Surprise's {@code baseline_als}
 * loop (items then users, each epoch).
 */
public final class PlainBaselineOracle {
  public final double mu;
  public final Map<Integer, Double> userBias = new HashMap<>();
  public final Map<Integer, Double> itemBias = new HashMap<>();

  public PlainBaselineOracle(int[] users, int[] items, double[] ratings, double regUser, double regItem,
      int epochs) {
    double sum = 0;
    for (double r : ratings) {
      sum += r;
    }
    mu = sum / ratings.length;
    Map<Integer, Integer> userCount = new HashMap<>();
    Map<Integer, Integer> itemCount = new HashMap<>();
    for (int k = 0; k < users.length; k++) {
      userCount.merge(users[k], 1, Integer::sum);
      itemCount.merge(items[k], 1, Integer::sum);
      userBias.put(users[k], 0.0);
      itemBias.put(items[k], 0.0);
    }
    for (int epoch = 0; epoch < epochs; epoch++) {
      Map<Integer, Double> deviation = new HashMap<>();
      for (int k = 0; k < users.length; k++) {
        deviation.merge(items[k], ratings[k] - mu - userBias.get(users[k]), Double::sum);
      }
      for (Map.Entry<Integer, Double> e : deviation.entrySet()) {
        itemBias.put(e.getKey(), e.getValue() / (regItem + itemCount.get(e.getKey())));
      }
      deviation.clear();
      for (int k = 0; k < users.length; k++) {
        deviation.merge(users[k], ratings[k] - mu - itemBias.get(items[k]), Double::sum);
      }
      for (Map.Entry<Integer, Double> e : deviation.entrySet()) {
        userBias.put(e.getKey(), e.getValue() / (regUser + userCount.get(e.getKey())));
      }
    }
  }

  /** {@code μ + b_u + b_i}, a missing bias counting 0. */
  public double predict(int user, int item) {
    return mu + userBias.getOrDefault(user, 0.0) + itemBias.getOrDefault(item, 0.0);
  }
}
