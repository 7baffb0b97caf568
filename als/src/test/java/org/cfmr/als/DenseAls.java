package org.cfmr.als;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.cfmr.core.StableHash;

/**
 * The test oracle: ALS-WR written plainly from its definition, on a dense ratings matrix
 * ({@code NaN} where there is no rating) with {@code double[][]} factors and each row's normal
 * equations solved by Gaussian elimination with partial pivoting. Shares no code with the
 * engines (only {@link StableHash}, to draw the same initial users).
 */
final class DenseAls {
  final int[] userIds;
  final int[] itemIds;
  final double[][] ratings;
  final double[][] users;
  final double[][] items;
  private final double reg;

  /** {@code triples} are {user, item, halfStars}. */
  DenseAls(List<int[]> triples, int rank, double reg, long seed) {
    userIds = distinct(triples, 0);
    itemIds = distinct(triples, 1);
    ratings = new double[userIds.length][itemIds.length];
    for (double[] row : ratings) {
      Arrays.fill(row, Double.NaN);
    }
    for (int[] t : triples) {
      ratings[Arrays.binarySearch(userIds, t[0])][Arrays.binarySearch(itemIds, t[1])] = t[2] / 2.0;
    }
    this.reg = reg;
    users = new double[userIds.length][rank];
    items = new double[itemIds.length][rank];
    for (int u = 0; u < userIds.length; u++) {
      Random random = new Random(StableHash.hash(seed, 0, userIds[u]));
      double norm = 0;
      for (int f = 0; f < rank; f++) {
        users[u][f] = random.nextGaussian();
        norm += users[u][f] * users[u][f];
      }
      for (int f = 0; f < rank; f++) {
        users[u][f] /= Math.sqrt(norm);
      }
    }
  }

  private static int[] distinct(List<int[]> triples, int field) {
    TreeSet<Integer> ids = new TreeSet<>();
    triples.forEach(t -> ids.add(t[field]));
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** One iteration: every item from the users, then every user from the items. */
  void iterate() {
    for (int i = 0; i < itemIds.length; i++) {
      double[] column = new double[userIds.length];
      for (int u = 0; u < userIds.length; u++) {
        column[u] = ratings[u][i];
      }
      items[i] = solve(column, users);
    }
    for (int u = 0; u < userIds.length; u++) {
      users[u] = solve(ratings[u], items);
    }
  }

  /** argmin_x Σ_rated (r_j − x·y_j)² + reg·n·|x|², from its normal equations. */
  private double[] solve(double[] row, double[][] fixed) {
    int rank = fixed[0].length;
    double[][] a = new double[rank][rank + 1];
    int n = 0;
    for (int j = 0; j < row.length; j++) {
      if (Double.isNaN(row[j])) {
        continue;
      }
      n++;
      for (int p = 0; p < rank; p++) {
        for (int q = 0; q < rank; q++) {
          a[p][q] += fixed[j][p] * fixed[j][q];
        }
        a[p][rank] += row[j] * fixed[j][p];
      }
    }
    for (int p = 0; p < rank; p++) {
      a[p][p] += reg * n;
    }
    return gaussianElimination(a);
  }

  private static double[] gaussianElimination(double[][] a) {
    int n = a.length;
    for (int col = 0; col < n; col++) {
      int best = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[best][col])) {
          best = r;
        }
      }
      double[] swap = a[col];
      a[col] = a[best];
      a[best] = swap;
      for (int r = col + 1; r < n; r++) {
        double factor = a[r][col] / a[col][col];
        for (int c = col; c <= n; c++) {
          a[r][c] -= factor * a[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sum = a[r][n];
      for (int c = r + 1; c < n; c++) {
        sum -= a[r][c] * x[c];
      }
      x[r] = sum / a[r][r];
    }
    return x;
  }

  double trainingRmse() {
    double squares = 0;
    long count = 0;
    for (int u = 0; u < userIds.length; u++) {
      for (int i = 0; i < itemIds.length; i++) {
        if (!Double.isNaN(ratings[u][i])) {
          double prediction = 0;
          for (int f = 0; f < users[u].length; f++) {
            prediction += users[u][f] * items[i][f];
          }
          squares += (ratings[u][i] - prediction) * (ratings[u][i] - prediction);
          count++;
        }
      }
    }
    return Math.sqrt(squares / count);
  }
}
