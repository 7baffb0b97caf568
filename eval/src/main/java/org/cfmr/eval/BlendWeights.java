package org.cfmr.eval;

import java.util.List;
import java.util.Locale;
import org.cfmr.core.CfmrException;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.runtime.Progress;

/**
 * The blend's weights: ordinary least squares with an intercept over the parts' values
 * {@code x_k(u,i)} ({@link BlendParts}) of the validation ratings V,
 *
 * <pre>
 * w = argmin_w Σ_{(u,i)∈V} (r_ui − w_0 − Σ_{k=1..p} w_k·x_k(u,i))²
 * </pre>
 *
 * that is the solution of the normal equations {@code (XᵀX)·w = Xᵀr}, X's row of (u,i) being
 * {@code (1, x_1(u,i), …, x_p(u,i))}, solved by a Cholesky factorisation. The parts predict V on
 * many threads, each rating into its own slot; {@code XᵀX} and {@code Xᵀr} are then summed on
 * one thread in V's order (users ascending, each user's items ascending), so the weights are the
 * same doubles for any number of threads. A rating of V whose user or item the parts' train
 * split lacks is left out: the blend does not predict such a rating (the fallback does).
 */
public final class BlendWeights {
  private final List<String> names;
  private final double[] weights;
  private final long ratings;

  private BlendWeights(List<String> names, double[] weights, long ratings) {
    this.names = List.copyOf(names);
    this.weights = weights;
    this.ratings = ratings;
  }

  /**
   * Fits the weights of {@code parts} to {@code validation} (ratings outside the parts' train
   * split), predicting on {@code threads} threads.
   *
   * @throws CfmrException when no validation rating can be predicted or the parts' values are
   *     linearly dependent (no unique weights)
   */
  public static BlendWeights fit(BlendParts parts, TestRatings validation, int threads) {
    int p = parts.size();
    double[] values = new double[validation.size() * p];
    boolean[] predicted = new boolean[validation.size()];
    TrainData train = parts.train();
    try (Progress progress = new Progress("blend: the parts predict the validation ratings",
        validation.users())) {
      ByUser.parallel(threads, validation.users(), progress, () -> {
        BlendParts.Scorers scorers = parts.newScorers();
        double[] row = new double[p];
        return group -> predictUser(train, validation, group, scorers, row, values, predicted);
      });
    }
    return leastSquares(parts.names(), values, predicted, validation);
  }

  private static void predictUser(TrainData train, TestRatings validation, int group,
      BlendParts.Scorers scorers, double[] row, double[] values, boolean[] predicted) {
    int user = train.userIndex(validation.userId(group));
    if (user < 0) {
      return;
    }
    scorers.startUser(user);
    for (int at = validation.start(group); at < validation.start(group + 1); at++) {
      int item = train.itemIndex(validation.itemAt(at));
      if (item >= 0) {
        scorers.predict(item, row);
        System.arraycopy(row, 0, values, at * row.length, row.length);
        predicted[at] = true;
      }
    }
  }

  /**
   * The least-squares weights of the {@code predicted} ratings of {@code validation}, whose
   * parts' values are {@code values} (one row of {@code names.size()} values per rating).
   */
  static BlendWeights leastSquares(List<String> names, double[] values, boolean[] predicted,
      TestRatings validation) {
    int size = names.size() + 1;
    double[][] gram = new double[size][size];
    double[] moments = new double[size];
    double[] x = new double[size];
    x[0] = 1;
    long count = 0;
    for (int at = 0; at < predicted.length; at++) {
      if (predicted[at]) {
        System.arraycopy(values, at * (size - 1), x, 1, size - 1);
        addRow(gram, moments, x, validation.ratingAt(at));
        count++;
      }
    }
    if (count == 0) {
      throw new CfmrException("blend: no validation rating has its user and movie in the rest "
          + "of the train split, so there is nothing to fit the weights on");
    }
    return new BlendWeights(names, solve(gram, moments, names), count);
  }

  /** Adds {@code x·xᵀ} to the upper triangle of {@code gram} and {@code r·x} to {@code moments}. */
  private static void addRow(double[][] gram, double[] moments, double[] x, double rating) {
    for (int a = 0; a < x.length; a++) {
      for (int b = a; b < x.length; b++) {
        gram[a][b] += x[a] * x[b];
      }
      moments[a] += rating * x[a];
    }
  }

  /**
   * Solves {@code gram·w = moments} ({@code gram} symmetric, its upper triangle given) by the
   * Cholesky factorisation {@code gram = L·Lᵀ} and two triangular solves.
   */
  private static double[] solve(double[][] gram, double[] moments, List<String> names) {
    int size = moments.length;
    double[][] lower = new double[size][size];
    for (int j = 0; j < size; j++) {
      double pivot = gram[j][j];
      for (int k = 0; k < j; k++) {
        pivot -= lower[j][k] * lower[j][k];
      }
      if (!(pivot > 1e-12 * gram[j][j])) {
        throw new CfmrException("blend: the values of " + String.join(", ", names) + " on the "
            + "validation ratings are linearly dependent, so the weights are not unique");
      }
      lower[j][j] = Math.sqrt(pivot);
      for (int i = j + 1; i < size; i++) {
        double sum = gram[j][i];
        for (int k = 0; k < j; k++) {
          sum -= lower[i][k] * lower[j][k];
        }
        lower[i][j] = sum / lower[j][j];
      }
    }
    double[] y = new double[size];
    for (int i = 0; i < size; i++) {
      double sum = moments[i];
      for (int k = 0; k < i; k++) {
        sum -= lower[i][k] * y[k];
      }
      y[i] = sum / lower[i][i];
    }
    double[] w = new double[size];
    for (int i = size - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < size; k++) {
        sum -= lower[k][i] * w[k];
      }
      w[i] = sum / lower[i][i];
    }
    return w;
  }

  /** The blend of one rating's part values: {@code w_0 + Σ_k w_k·x_k}, added in part order. */
  public double apply(double[] values) {
    double sum = weights[0];
    for (int k = 0; k < values.length; k++) {
      sum += weights[k + 1] * values[k];
    }
    return sum;
  }

  /** The parts' names, in the order of their weights. */
  public List<String> names() {
    return names;
  }

  public double intercept() {
    return weights[0];
  }

  /** Part k's weight (0-based, in the order of {@link #names}). */
  public double weight(int k) {
    return weights[k + 1];
  }

  /** How many validation ratings the weights are fitted on. */
  public long ratings() {
    return ratings;
  }

  /** The formula, e.g. {@code 0.0412 + 0.2113·user-based + … − 0.1010·baseline}. */
  public String describe() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.4f", intercept()));
    for (int k = 0; k < names.size(); k++) {
      double weight = weight(k);
      text.append(String.format(Locale.ROOT, " %s %.4f·%s", weight < 0 ? "−" : "+",
          Math.abs(weight), names.get(k)));
    }
    return text.toString();
  }
}
