package org.cfmr.eval;

import java.util.List;

/**
 * Ordinary least squares with an intercept written plainly, by another route than the blend's
 * normal equations: the design matrix {@code X = [1 | x_1 … x_p]} is factored {@code X = Q·R} by
 * modified Gram–Schmidt, and {@code R·w = Qᵀ·r} is solved by back substitution. Shares no code
 * with the evaluator.
 */
final class LeastSquaresOracle {
  private LeastSquaresOracle() {}

  /**
   * The weights {@code (w_0, w_1 … w_p)} minimising {@code Σ_n (r_n − w_0 − Σ_k w_k·x_nk)²}.
   *
   * @param rows one {@code (x_n1 … x_np)} per rating
   */
  static double[] fit(List<double[]> rows, List<Double> ratings) {
    int n = rows.size();
    int m = rows.get(0).length + 1;
    double[][] columns = new double[m][n];
    for (int row = 0; row < n; row++) {
      columns[0][row] = 1;
      for (int k = 1; k < m; k++) {
        columns[k][row] = rows.get(row)[k - 1];
      }
    }
    double[][] r = new double[m][m];
    for (int k = 0; k < m; k++) {
      for (int j = 0; j < k; j++) {
        r[j][k] = dot(columns[j], columns[k]);
        for (int row = 0; row < n; row++) {
          columns[k][row] -= r[j][k] * columns[j][row];
        }
      }
      r[k][k] = Math.sqrt(dot(columns[k], columns[k]));
      for (int row = 0; row < n; row++) {
        columns[k][row] /= r[k][k];
      }
    }
    double[] target = new double[n];
    for (int row = 0; row < n; row++) {
      target[row] = ratings.get(row);
    }
    double[] w = new double[m];
    for (int k = m - 1; k >= 0; k--) {
      double sum = dot(columns[k], target);
      for (int j = k + 1; j < m; j++) {
        sum -= r[k][j] * w[j];
      }
      w[k] = sum / r[k][k];
    }
    return w;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
