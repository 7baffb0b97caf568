package org.cfmr.als;

import java.util.Arrays;

/**
 * One row's least-squares problem of ALS-WR and its solve, the kernel both engines call. For a
 * row u (a user, or an item) with ratings {@code r_uj} of the other side's entities j, whose
 * factors {@code y_j} are fixed:
 *
 * <pre>
 *   (Σ_j y_j·y_jᵀ + λ·n_u·I) · x_u = Σ_j r_uj·y_j        (n_u = u's number of ratings)
 * </pre>
 *
 * solved by a Cholesky factorisation ({@code A = UᵀU}) and two triangular solves. The sums run
 * over the row's ratings in the order given (four ratings a step), which both engines give as
 * ascending ids of the other side, so a row's factors are the same doubles whichever engine,
 * task or thread solves it. One instance per thread: it keeps the {@code rank × rank} matrix (upper triangle, row-major)
 * and the right-hand side between rows.
 */
public final class NormalEquations {
  private final int rank;
  private final double[] matrix;
  private final double[] rhs;

  public NormalEquations(int rank) {
    this.rank = rank;
    this.matrix = new double[rank * rank];
    this.rhs = new double[rank];
  }

  /**
   * Solves the row whose ratings are {@code halfStars[from..to)} of the entities at
   * {@code others[from..to)} in {@code fixed} (their vectors at {@code index·rank}), with
   * regularisation {@code reg}, into {@code out[offset .. offset+rank)}.
   */
  public void solve(double[] fixed, int[] others, int[] halfStars, int from, int to, double reg,
      double[] out, int offset) {
    Arrays.fill(matrix, 0);
    Arrays.fill(rhs, 0);
    int at = from;
    for (; at + 4 <= to; at += 4) {
      addFour(fixed, others, halfStars, at);
    }
    for (; at < to; at++) {
      add(fixed, others[at] * rank, halfStars[at] / 2.0);
    }
    double lambda = reg * (to - from);
    for (int i = 0; i < rank; i++) {
      matrix[i * rank + i] += lambda;
    }
    factorise();
    substitute(out, offset);
  }

  /**
   * The next four ratings at once, {@code A += (y1·y1ᵀ + y2·y2ᵀ) + (y3·y3ᵀ + y4·y4ᵀ)}: a
   * quarter of the passes over A (the sums' order is this one in every engine).
   */
  private void addFour(double[] y, int[] others, int[] halfStars, int at) {
    int a = others[at] * rank;
    int b = others[at + 1] * rank;
    int c = others[at + 2] * rank;
    int d = others[at + 3] * rank;
    double ra = halfStars[at] / 2.0;
    double rb = halfStars[at + 1] / 2.0;
    double rc = halfStars[at + 2] / 2.0;
    double rd = halfStars[at + 3] / 2.0;
    for (int i = 0; i < rank; i++) {
      double ai = y[a + i];
      double bi = y[b + i];
      double ci = y[c + i];
      double di = y[d + i];
      rhs[i] += (ra * ai + rb * bi) + (rc * ci + rd * di);
      int row = i * rank;
      for (int j = i; j < rank; j++) {
        matrix[row + j] += (ai * y[a + j] + bi * y[b + j]) + (ci * y[c + j] + di * y[d + j]);
      }
    }
  }

  /** {@code A += y·yᵀ} (upper triangle) and {@code b += r·y} for the vector at {@code y[at..]}. */
  private void add(double[] y, int at, double rating) {
    for (int i = 0; i < rank; i++) {
      double yi = y[at + i];
      rhs[i] += rating * yi;
      int row = i * rank;
      for (int j = i; j < rank; j++) {
        matrix[row + j] += yi * y[at + j];
      }
    }
  }

  /** Overwrites the upper triangle of A with U, A = UᵀU (right-looking, row by row). */
  private void factorise() {
    for (int i = 0; i < rank; i++) {
      int row = i * rank;
      double pivot = matrix[row + i];
      if (!(pivot > 0)) {
        throw new ArithmeticException("the normal equations are not positive definite");
      }
      double diagonal = Math.sqrt(pivot);
      matrix[row + i] = diagonal;
      for (int j = i + 1; j < rank; j++) {
        matrix[row + j] /= diagonal;
      }
      for (int p = i + 1; p < rank; p++) {
        double factor = matrix[row + p];
        int target = p * rank;
        for (int j = p; j < rank; j++) {
          matrix[target + j] -= factor * matrix[row + j];
        }
      }
    }
  }

  /** Solves Uᵀz = b (in place in b), then Ux = z into {@code out}. */
  private void substitute(double[] out, int offset) {
    for (int i = 0; i < rank; i++) {
      int row = i * rank;
      double z = rhs[i] / matrix[row + i];
      rhs[i] = z;
      for (int j = i + 1; j < rank; j++) {
        rhs[j] -= matrix[row + j] * z;
      }
    }
    for (int i = rank - 1; i >= 0; i--) {
      int row = i * rank;
      double sum = rhs[i];
      for (int j = i + 1; j < rank; j++) {
        sum -= matrix[row + j] * out[offset + j];
      }
      out[offset + i] = sum / matrix[row + i];
    }
  }
}
