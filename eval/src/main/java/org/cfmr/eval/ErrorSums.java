package org.cfmr.eval;

/** RMSE and MAE from their sums: {@code RMSE = sqrt(Σ(pred − r)² / n)}, {@code MAE = Σ|pred − r| / n}. */
final class ErrorSums {
  long count;
  double squared;
  double absolute;

  void add(double prediction, double rating) {
    double error = prediction - rating;
    count++;
    squared += error * error;
    absolute += Math.abs(error);
  }

  void add(ErrorSums other) {
    count += other.count;
    squared += other.squared;
    absolute += other.absolute;
  }

  /** NaN when nothing was predicted. */
  double rmse() {
    return count == 0 ? Double.NaN : Math.sqrt(squared / count);
  }

  double mae() {
    return count == 0 ? Double.NaN : absolute / count;
  }
}
