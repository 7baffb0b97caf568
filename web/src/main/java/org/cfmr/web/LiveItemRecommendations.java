package org.cfmr.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cfmr.core.Neighbour;
import org.cfmr.core.TopNeighbours;

/**
 * Item-based recommendations computed at request time from the stored neighbours, for whoever
 * rated on the dashboard: a new user (their ratings alone) or a MovieLens user (their train
 * ratings, each replaced by the dashboard rating of the same movie when there is one, and their
 * dashboard ratings). Ranked by the similarity sum over the stored ranking neighbours and shown
 * with the run's item-based prediction over the stored prediction neighbours
 * ({@link LiveItemPredictor}).
 */
final class LiveItemRecommendations {
  private LiveItemRecommendations() {}

  /**
   * Whose ratings: {@code ratings()} is a query of {@code (movie_id, rating)} rows, one per
   * movie, whose parameters {@link #bind} sets.
   */
  record Rater(String ratings, List<Object> parameters) {
    static Rater newUser(String token) {
      return new Rater("SELECT movie_id, rating FROM web_new_user_ratings WHERE new_user_id = ?",
          List.of(token));
    }

    static Rater movieLensUser(int user) {
      return new Rater("SELECT movie_id, rating FROM web_user_ratings WHERE user_id = ?"
          + " UNION ALL SELECT t.movie_id, t.rating FROM ratings_train t WHERE t.user_id = ?"
          + " AND NOT EXISTS (SELECT 1 FROM web_user_ratings w"
          + " WHERE w.user_id = t.user_id AND w.movie_id = t.movie_id)", List.of(user, user));
    }

    /** Sets the parameters from index {@code first}; returns the index after them. */
    int bind(PreparedStatement query, int first) throws SQLException {
      for (int k = 0; k < parameters.size(); k++) {
        query.setObject(first + k, parameters.get(k));
      }
      return first + parameters.size();
    }
  }

  /**
   * The best {@code count} recommendations for {@code rater}, ranked as {@code cfmr recommend}
   * ranks item-based lists by default: by the sum of similarities over the rated movies among each
   * candidate's ranking neighbours (exact, in the tables' decimals), kept by core's
   * {@link TopNeighbours} (descending, then by movie id), the selector {@code recommend} uses. A
   * candidate is an unrated movie with a rated movie among its ranking neighbours and
   * {@code Σ|sim| > 0}.
   */
  static List<Recommendation> best(Connection connection, Rater rater, int count)
      throws SQLException {
    Set<Integer> rated = ratedMovies(connection, rater);
    if (rated.isEmpty()) {
      return List.of();
    }
    TopNeighbours top = rank(connection, rater, rated, count);
    List<Integer> listed = top.best().stream().map(Neighbour::id).toList();
    Map<Integer, Backing> backing = backing(connection, rater, listed);
    List<Candidate> best = listed.stream()
        .map(movie -> new Candidate(movie, backing.get(movie))).toList();
    return withPredictionsAndMovies(connection, rater, best);
  }

  /** A movie with the ranking neighbours behind it. */
  private record Candidate(int movie, Backing backing) {}

  /**
   * The best {@code count} candidates by their similarity sum, summed by the server (exactly, in
   * the tables' decimals): a candidate's row per rated ranking neighbour would be hundreds of
   * thousands of rows for a user with thousands of ratings.
   */
  private static TopNeighbours rank(Connection connection, Rater rater, Set<Integer> rated,
      int count) throws SQLException {
    TopNeighbours top = new TopNeighbours(count);
    try (PreparedStatement query = connection.prepareStatement("SELECT n.movie_id,"
        + " SUM(n.similarity), MAX(n.similarity <> 0) FROM (" + rater.ratings() + ") r"
        + " JOIN item_ranking_neighbors n ON n.neighbor_id = r.movie_id GROUP BY n.movie_id")) {
      rater.bind(query, 1);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          int movie = rows.getInt(1);
          if (!rated.contains(movie) && rows.getBoolean(3)) {
            top.offer(movie, rows.getBigDecimal(2).doubleValue());
          }
        }
      }
    }
    return top;
  }

  /** The rated ranking neighbours behind each of {@code movies}, in rank order. */
  private static Map<Integer, Backing> backing(Connection connection, Rater rater,
      List<Integer> movies) throws SQLException {
    Map<Integer, Backing> backing = new HashMap<>();
    if (movies.isEmpty()) {
      return backing;
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT n.movie_id, n.neighbor_id,"
        + " COALESCE(m.title, CONCAT('movie ', n.neighbor_id)), n.similarity, r.rating"
        + " FROM (" + rater.ratings() + ") r"
        + " JOIN item_ranking_neighbors n ON n.neighbor_id = r.movie_id"
        + " LEFT JOIN movies m ON m.movie_id = n.neighbor_id"
        + " WHERE n.movie_id IN (" + placeholders(movies.size()) + ")"
        + " ORDER BY n.movie_id, n.neighbor_rank")) {
      bind(query, rater.bind(query, 1), movies);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          backing.computeIfAbsent(rows.getInt(1), k -> new Backing()).add(
              rows.getBigDecimal(4), rows.getInt(2), rows.getString(3), rows.getDouble(5));
        }
      }
    }
    return backing;
  }

  /** The listed candidates with the run's item-based prediction ({@link LiveItemPredictor}). */
  private static List<Recommendation> withPredictionsAndMovies(Connection connection,
      Rater rater, List<Candidate> best) throws SQLException {
    if (best.isEmpty()) {
      return List.of();
    }
    List<Integer> listed = best.stream().map(Candidate::movie).toList();
    Map<Integer, List<double[]>> terms = predictionNeighbours(connection, rater, listed);
    Set<Integer> figuresOf = new HashSet<>(listed);
    terms.values().forEach(movieTerms -> movieTerms.forEach(term -> figuresOf.add((int) term[0])));
    Map<Integer, LiveItemPredictor.MovieFigures> figures =
        movieFigures(connection, List.copyOf(figuresOf));
    Map<Integer, Movie> movies = movies(connection, listed);
    LiveItemPredictor predictor = LiveItemPredictor.of(connection, rater);
    List<Recommendation> ranked = new ArrayList<>();
    for (Candidate candidate : best) {
      int id = candidate.movie();
      double prediction = predictor.predict(id, terms.getOrDefault(id, List.of()), figures);
      ranked.add(new Recommendation(ranked.size() + 1,
          movies.getOrDefault(id, new Movie(id, "movie " + id, null, "")), prediction,
          candidate.backing().evidence(), candidate.backing().reasons()));
    }
    return ranked;
  }

  /** For each listed movie: its rated prediction neighbours (id, similarity, rating), by rank. */
  private static Map<Integer, List<double[]>> predictionNeighbours(Connection connection,
      Rater rater, List<Integer> movies) throws SQLException {
    Map<Integer, List<double[]>> terms = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT n.movie_id, n.neighbor_id,"
        + " n.similarity, r.rating FROM item_neighbors n JOIN (" + rater.ratings() + ") r"
        + " ON r.movie_id = n.neighbor_id"
        + " WHERE n.movie_id IN (" + placeholders(movies.size()) + ")"
        + " ORDER BY n.movie_id, n.neighbor_rank")) {
      bind(query, rater.bind(query, 1), movies);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          terms.computeIfAbsent(rows.getInt(1), k -> new ArrayList<>())
              .add(new double[] {rows.getInt(2), rows.getDouble(3), rows.getDouble(4)});
        }
      }
    }
    return terms;
  }

  /** The movies the rater rated. */
  private static Set<Integer> ratedMovies(Connection connection, Rater rater)
      throws SQLException {
    Set<Integer> rated = new HashSet<>();
    try (PreparedStatement query = connection.prepareStatement(rater.ratings())) {
      rater.bind(query, 1);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          rated.add(rows.getInt(1));
        }
      }
    }
    return rated;
  }

  /**
   * The train figures of {@code movies} as movie_stats holds them: mu_i (sum / count of their
   * train ratings) and b_i.
   */
  private static Map<Integer, LiveItemPredictor.MovieFigures> movieFigures(Connection connection,
      List<Integer> movies) throws SQLException {
    Map<Integer, LiveItemPredictor.MovieFigures> figures = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT movie_id, rating_sum,"
        + " ratings, baseline_bias FROM movie_stats WHERE movie_id IN ("
        + placeholders(movies.size()) + ")")) {
      bind(query, 1, movies);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          figures.put(rows.getInt(1), new LiveItemPredictor.MovieFigures(
              rows.getBigDecimal(2).doubleValue() / rows.getLong(3), rows.getLong(4)));
        }
      }
    }
    return figures;
  }

  private static Map<Integer, Movie> movies(Connection connection, List<Integer> ids)
      throws SQLException {
    Map<Integer, Movie> movies = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT movie_id, title, year,"
        + " genres FROM movies WHERE movie_id IN (" + placeholders(ids.size()) + ")")) {
      bind(query, 1, ids);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          movies.put(rows.getInt("movie_id"), Catalog.movie(rows));
        }
      }
    }
    return movies;
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private static void bind(PreparedStatement query, int first, List<Integer> ids)
      throws SQLException {
    for (int k = 0; k < ids.size(); k++) {
      query.setInt(first + k, ids.get(k));
    }
  }
}
