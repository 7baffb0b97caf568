package org.cfmr.web;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cfmr.core.HalfStars;
import org.cfmr.core.TopNeighbours;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.ItemFormula;

/**
 * New users of the dashboard (the seeds' "rate, then recommend" loop, no retraining): each is a
 * random token; their ratings persist in {@code web_new_user_ratings}; their recommendations are
 * ranked by the item-based similarity sum over the stored ranking neighbours and show the
 * item-based, mean-centred prediction over the stored prediction neighbours
 * ({@link #recommendations}).
 */
public final class NewUsers {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Db db;

  public NewUsers(Db db) {
    this.db = db;
  }

  /** A new user's token. */
  public String create() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    db.run(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO web_new_users (id) VALUES (?)")) {
        insert.setString(1, token);
        return insert.executeUpdate();
      }
    });
    return token;
  }

  /** Whether {@code token} names a new user. */
  public boolean exists(String token) {
    if (!TOKEN.matcher(token).matches()) {
      return false;
    }
    return db.run(connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT 1 FROM web_new_users WHERE id = ?")) {
        query.setString(1, token);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next();
        }
      }
    });
  }

  /**
   * Records (or replaces) a rating given as text ({@code 4}, {@code 3.5}).
   *
   * @throws IllegalArgumentException when the rating is not a half star in 0.5..5 or the movie
   *     is unknown
   */
  public void rate(String token, int movieId, String ratingText) {
    int halfStars;
    try {
      halfStars = HalfStars.parse(ratingText);
    } catch (NumberFormatException e) {
      halfStars = 0;
    }
    if (halfStars < 1 || halfStars > 10) {
      throw new IllegalArgumentException("a rating is 0.5 to 5 in half stars, not " + ratingText);
    }
    double rating = HalfStars.toRating(halfStars);
    db.run(connection -> {
      try (PreparedStatement movie = connection.prepareStatement(
          "SELECT 1 FROM movies WHERE movie_id = ?")) {
        movie.setInt(1, movieId);
        try (ResultSet rows = movie.executeQuery()) {
          if (!rows.next()) {
            throw new IllegalArgumentException("there is no movie " + movieId);
          }
        }
      }
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO"
          + " web_new_user_ratings (new_user_id, movie_id, rating) VALUES (?, ?, ?)"
          + " ON DUPLICATE KEY UPDATE rating = VALUES(rating), rated_at = CURRENT_TIMESTAMP")) {
        upsert.setString(1, token);
        upsert.setInt(2, movieId);
        upsert.setDouble(3, rating);
        return upsert.executeUpdate();
      }
    });
  }

  /** The new user's ratings, by movie id. */
  public List<RatedMovie> ratings(String token) {
    return db.run(connection -> {
      List<RatedMovie> rated = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement("SELECT r.movie_id, m.title,"
          + " m.year, m.genres, r.rating FROM web_new_user_ratings r"
          + " JOIN movies m ON m.movie_id = r.movie_id WHERE r.new_user_id = ? ORDER BY r.movie_id")) {
        query.setString(1, token);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            rated.add(new RatedMovie(Catalog.movie(rows), rows.getDouble("rating")));
          }
        }
      }
      return rated;
    });
  }

  /**
   * The best {@code count} recommendations, ranked as {@code cfmr recommend} ranks item-based
   * lists by default: by the sum of similarities over the rated movies among each candidate's
   * ranking neighbours (exact, in the tables' decimals), kept by core's {@link TopNeighbours}
   * (descending, then by movie id), the selector {@code recommend} uses. A candidate
   * is an unrated movie with a rated movie among its ranking neighbours and {@code Σ|sim| > 0}.
   */
  public List<Recommendation> recommendations(String token, int count) {
    return db.run(connection -> {
      Map<Integer, Double> rated = new HashMap<>();
      for (RatedMovie movie : ratingsOn(connection, token)) {
        rated.put(movie.movie().id(), movie.rating());
      }
      if (rated.isEmpty()) {
        return List.of();
      }
      Map<Integer, Backing> candidates = rankingEvidence(connection, token);
      candidates.keySet().removeAll(rated.keySet());
      TopNeighbours top = new TopNeighbours(count);
      candidates.forEach((movie, backing) -> {
        if (backing.anyNonZero()) {
          top.offer(movie, backing.evidence().similaritySum().doubleValue());
        }
      });
      List<Candidate> best = top.best().stream()
          .map(n -> new Candidate(n.id(), candidates.get(n.id()))).toList();
      return withPredictionsAndMovies(connection, token, rated, best);
    });
  }

  /** A movie with the ranking neighbours behind it. */
  private record Candidate(int movie, Backing backing) {}

  /** Every movie having a rated movie among its ranking neighbours, with that evidence. */
  private static Map<Integer, Backing> rankingEvidence(Connection connection, String token)
      throws SQLException {
    Map<Integer, Backing> candidates = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT n.movie_id, n.neighbor_id,"
        + " COALESCE(m.title, CONCAT('movie ', n.neighbor_id)), n.similarity, r.rating"
        + " FROM web_new_user_ratings r"
        + " JOIN item_ranking_neighbors n ON n.neighbor_id = r.movie_id"
        + " LEFT JOIN movies m ON m.movie_id = n.neighbor_id"
        + " WHERE r.new_user_id = ? ORDER BY n.movie_id, n.neighbor_rank")) {
      query.setString(1, token);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          candidates.computeIfAbsent(rows.getInt(1), k -> new Backing()).add(
              rows.getBigDecimal(4), rows.getInt(2), rows.getString(3), rows.getDouble(5));
        }
      }
    }
    return candidates;
  }

  /**
   * The listed candidates with their predicted rating: item-based, mean-centred
   * ({@link ItemFormula#CENTRED}) over the rated movies among the movie's prediction neighbours,
   * clipped to the train range; the movie's train mean where no prediction neighbour is rated.
   */
  private static List<Recommendation> withPredictionsAndMovies(Connection connection,
      String token, Map<Integer, Double> rated, List<Candidate> best) throws SQLException {
    if (best.isEmpty()) {
      return List.of();
    }
    List<Integer> listed = best.stream().map(Candidate::movie).toList();
    Map<Integer, List<double[]>> terms = predictionNeighbours(connection, token, listed);
    List<Integer> meansOf = new ArrayList<>(listed);
    meansOf.addAll(rated.keySet());
    Map<Integer, Double> means = trainMeans(connection, meansOf);
    Map<Integer, Movie> movies = movies(connection, listed);
    Clipping clipping = trainRange(connection);
    List<Recommendation> ranked = new ArrayList<>();
    for (Candidate candidate : best) {
      double mean = means.getOrDefault(candidate.movie(), Double.NaN);
      double weighted = 0;
      double absSimilarities = 0;
      for (double[] term : terms.getOrDefault(candidate.movie(), List.of())) {
        weighted += ItemFormula.CENTRED.term(term[1], term[2],
            means.getOrDefault((int) term[0], Double.NaN));
        absSimilarities += Math.abs(term[1]);
      }
      double prediction = absSimilarities > 0
          ? clipping.apply(ItemFormula.CENTRED.combine(mean, weighted, absSimilarities)) : mean;
      int id = candidate.movie();
      ranked.add(new Recommendation(ranked.size() + 1,
          movies.getOrDefault(id, new Movie(id, "movie " + id, null, "")), prediction,
          candidate.backing().evidence(), candidate.backing().reasons()));
    }
    return ranked;
  }

  /** For each listed movie: its rated prediction neighbours (id, similarity, rating), by rank. */
  private static Map<Integer, List<double[]>> predictionNeighbours(Connection connection,
      String token, List<Integer> movies) throws SQLException {
    Map<Integer, List<double[]>> terms = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT n.movie_id, n.neighbor_id,"
        + " n.similarity, r.rating FROM item_neighbors n JOIN web_new_user_ratings r"
        + " ON r.movie_id = n.neighbor_id AND r.new_user_id = ?"
        + " WHERE n.movie_id IN (" + placeholders(movies.size()) + ")"
        + " ORDER BY n.movie_id, n.neighbor_rank")) {
      query.setString(1, token);
      bind(query, 2, movies);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          terms.computeIfAbsent(rows.getInt(1), k -> new ArrayList<>())
              .add(new double[] {rows.getInt(2), rows.getDouble(3), rows.getDouble(4)});
        }
      }
    }
    return terms;
  }

  private List<RatedMovie> ratingsOn(Connection connection, String token) throws SQLException {
    List<RatedMovie> rated = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT movie_id, rating FROM web_new_user_ratings WHERE new_user_id = ?")) {
      query.setString(1, token);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          rated.add(new RatedMovie(new Movie(rows.getInt(1), null, null, null), rows.getDouble(2)));
        }
      }
    }
    return rated;
  }

  /** mu_i of {@code movies}: sum / count of their train ratings, as movie_stats holds them. */
  private static Map<Integer, Double> trainMeans(Connection connection, List<Integer> movies)
      throws SQLException {
    Map<Integer, Double> means = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT movie_id, rating_sum,"
        + " ratings FROM movie_stats WHERE movie_id IN (" + placeholders(movies.size()) + ")")) {
      bind(query, 1, movies);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          means.put(rows.getInt(1), rows.getBigDecimal(2).doubleValue() / rows.getLong(3));
        }
      }
    }
    return means;
  }

  private static Clipping trainRange(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT MIN(min_rating), MAX(max_rating) FROM movie_stats");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return new Clipping(rows.getDouble(1), rows.getDouble(2));
    }
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
