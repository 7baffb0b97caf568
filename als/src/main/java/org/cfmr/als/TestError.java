package org.cfmr.als;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Rating;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.factors.Factors;
import org.cfmr.core.io.RatingsReader;

/**
 * A model's error on held-out ratings, as Spark's {@code RegressionEvaluator} measures ALS with
 * the {@code drop} cold-start strategy: over the test ratings whose user and item both have
 * factors, {@code pred(u,i) = x_u·y_i} (not clipped), {@code RMSE = sqrt(mean((pred − r)²))}
 * and {@code MAE = mean(|pred − r|)}; the others are counted as not covered.
 */
public record TestError(double rmse, double mae, long covered, long total) {

  /** The error of the factors on {@code test} (header-less CSV), summed in file order. */
  public static TestError of(Factors users, Factors items, Path test, Configuration conf) {
    double squares = 0;
    double absolute = 0;
    long covered = 0;
    long total = 0;
    try (RatingsReader reader = RatingsReader.open(test, RatingFormat.PLAIN_CSV, conf)) {
      for (Rating rating = reader.next(); rating != null; rating = reader.next()) {
        total++;
        int user = users.indexOf(rating.user());
        int item = items.indexOf(rating.item());
        if (user >= 0 && item >= 0) {
          double error = users.dot(user, items, item) - rating.value();
          squares += error * error;
          absolute += Math.abs(error);
          covered++;
        }
      }
    }
    return new TestError(Math.sqrt(squares / covered), absolute / covered, covered, total);
  }
}
