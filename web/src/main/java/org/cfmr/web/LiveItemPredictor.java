package org.cfmr.web;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.cfmr.core.baseline.BiasUpdate;
import org.cfmr.core.baseline.FixedPointStars;
import org.cfmr.core.predict.Centring;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.Fallback;
import org.cfmr.core.predict.ItemFormula;

/**
 * The item-based prediction {@code cfmr recommend} made in the run, for whoever rates on the
 * dashboard, with the run's settings ({@code item_predictor}): over the rated prediction
 * neighbours {@code J} of movie {@code i}, walked best first,
 * {@code pred(u,i) = c(u,i) + Σ_{j∈J} sim(i,j)·(r_uj − c(u,j)) / (Σ_{j∈J} |sim(i,j)| + λp)}
 * (the weighted formula drops both centres), clipped to the train range when the run clipped;
 * the fallback when {@code |J|} is below the least neighbours or {@code Σ|sim| = 0}: the clipped
 * baseline {@code b_ui}, or the rater's mean rating.
 *
 * <p>The centre {@code c(u,i)}: knn-baseline's {@code b_ui = μ + b_u + b_i}, with μ and each
 * {@code b_i} as load-mysql fitted them and the rater's {@code b_u} folded in from their ratings
 * now: {@code b_u = Σ_{i∈I_u} (r_ui − μ − b_i) / (λ_u + |I_u|)}, the fit's last step, in its
 * exact fixed point ({@link BiasUpdate}); so a MovieLens user who rated nothing on the dashboard
 * gets the fitted {@code b_u} and the predictions of the run's recommendation file. Mean-centred:
 * the movie's train mean {@code mu_i}.
 */
final class LiveItemPredictor {
  /** A movie's train figures: its mean rating and its bias {@code b_i} (fixed point). */
  record MovieFigures(double mean, long bias) {}

  private final ItemFormula formula;
  private final Centring centring;
  private final double damping;
  private final int minNeighbours;
  private final Clipping clipping;
  private final Fallback fallback;
  private final long globalMean;
  private final long userBias;
  private final double raterMean;

  private LiveItemPredictor(ResultSet settings, Clipping trainRange, RaterSums rater)
      throws SQLException {
    formula = ItemFormula.parse(settings.getString("item_formula"));
    centring = Centring.parse(settings.getString("predictor"));
    damping = settings.getDouble("damping");
    minNeighbours = settings.getInt("min_neighbours");
    clipping = settings.getBoolean("clipped") ? trainRange : Clipping.NONE;
    fallback = Fallback.parse(settings.getString("fallback"));
    globalMean = settings.getLong("global_mean");
    userBias = BiasUpdate.bias(rater.residualSum(globalMean), rater.count(),
        settings.getDouble("baseline_reg_user"));
    raterMean = rater.halfStars() / (2.0 * rater.count());
  }

  /** The predictor of the run loaded, for {@code rater} (who has rated at least one movie). */
  static LiveItemPredictor of(Connection connection, LiveItemRecommendations.Rater rater)
      throws SQLException {
    Clipping trainRange = trainRange(connection);
    RaterSums sums = RaterSums.of(connection, rater);
    try (PreparedStatement query = connection.prepareStatement("SELECT * FROM item_predictor");
        ResultSet row = query.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("item_predictor has no row: run cfmr load-mysql again");
      }
      return new LiveItemPredictor(row, trainRange, sums);
    }
  }

  /**
   * {@code pred(u, movie)} from its rated prediction neighbours {@code terms} (neighbour id,
   * similarity, the rater's rating; best first) and the figures of the movie and its neighbours.
   */
  double predict(int movie, List<double[]> terms, Map<Integer, MovieFigures> figures) {
    double weighted = 0;
    double absSimilarities = 0;
    for (double[] term : terms) {
      weighted += formula.term(term[1], term[2], centre(figures.get((int) term[0])));
      absSimilarities += Math.abs(term[1]);
    }
    MovieFigures own = figures.get(movie);
    if (terms.size() < minNeighbours || absSimilarities == 0) {
      return fallback == Fallback.BASELINE ? clipping.apply(baseline(own)) : raterMean;
    }
    return clipping.apply(formula.combine(centre(own), weighted, absSimilarities + damping));
  }

  private double centre(MovieFigures movie) {
    return centring == Centring.BASELINE ? baseline(movie)
        : movie == null ? Double.NaN : movie.mean();
  }

  /** {@code b_ui = μ + b_u + b_i}; {@code b_i} is 0 for a movie without train ratings. */
  private double baseline(MovieFigures movie) {
    return FixedPointStars.stars(globalMean + userBias + (movie == null ? 0 : movie.bias()));
  }

  /**
   * The rater's ratings summed for the fold-in: their count, their half stars and the biases of
   * the movies rated (0 for a movie without train ratings), all exact.
   */
  private record RaterSums(long count, long halfStars, long itemBiases) {
    static RaterSums of(Connection connection, LiveItemRecommendations.Rater rater)
        throws SQLException {
      try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*),"
          + " SUM(r.rating * 2), SUM(COALESCE(s.baseline_bias, 0)) FROM (" + rater.ratings()
          + ") r LEFT JOIN movie_stats s ON s.movie_id = r.movie_id")) {
        rater.bind(query, 1);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          return new RaterSums(row.getLong(1), exact(row.getBigDecimal(2)),
              exact(row.getBigDecimal(3)));
        }
      }
    }

    /** {@code Σ (r_ui − μ − b_i)} in fixed point. */
    long residualSum(long globalMean) {
      long ratings = Math.multiplyExact(halfStars, FixedPointStars.ofHalfStars(1));
      return Math.subtractExact(Math.subtractExact(ratings, Math.multiplyExact(count, globalMean)),
          itemBiases);
    }

    private static long exact(BigDecimal sum) {
      return sum == null ? 0 : sum.longValueExact();
    }
  }

  private static Clipping trainRange(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT MIN(min_rating), MAX(max_rating) FROM movie_stats");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return new Clipping(rows.getDouble(1), rows.getDouble(2));
    }
  }
}
