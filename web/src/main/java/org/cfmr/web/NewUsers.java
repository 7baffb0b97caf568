package org.cfmr.web;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cfmr.core.HalfStars;
import org.cfmr.core.predict.Clipping;
import org.cfmr.core.predict.ItemFormula;

/**
 * New users of the dashboard (the seeds' "rate, then recommend" loop, no retraining): each is a
 * random token; their ratings persist in {@code web_new_user_ratings}; their recommendations are
 * the item-based, mean-centred predictions ({@link ItemFormula#CENTRED}, clipped to the train
 * range) over the stored item–item neighbours: a candidate is any movie having a rated movie among
 * its neighbours, {@code J} its rated neighbours, and the means are the train means.
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

  /** The best {@code count} recommendations, by prediction descending then movie id. */
  public List<Recommendation> recommendations(String token, int count) {
    return db.run(connection -> {
      Map<Integer, Double> rated = new HashMap<>();
      for (RatedMovie movie : ratingsOn(connection, token)) {
        rated.put(movie.movie().id(), movie.rating());
      }
      if (rated.isEmpty()) {
        return List.of();
      }
      Map<Integer, List<Reason>> neighbours = ratedNeighbours(connection, token);
      neighbours.keySet().removeAll(rated.keySet());
      Map<Integer, Double> means = trainMeans(connection, token);
      Clipping clipping = trainRange(connection);
      List<Recommendation> scored = new ArrayList<>();
      for (Map.Entry<Integer, List<Reason>> candidate : neighbours.entrySet()) {
        Double itemMean = means.get(candidate.getKey());
        double terms = 0;
        double absSimilarities = 0;
        for (Reason reason : candidate.getValue()) {
          terms += ItemFormula.CENTRED.term(reason.similarity(), reason.rating(),
              means.getOrDefault(reason.id(), Double.NaN));
          absSimilarities += Math.abs(reason.similarity());
        }
        if (itemMean != null && absSimilarities > 0) {
          double prediction =
              clipping.apply(ItemFormula.CENTRED.combine(itemMean, terms, absSimilarities));
          scored.add(new Recommendation(0, new Movie(candidate.getKey(), null, null, null),
              prediction, candidate.getValue()));
        }
      }
      scored.sort(Comparator.comparingDouble(Recommendation::prediction).reversed()
          .thenComparingInt(r -> r.movie().id()));
      return withMovies(connection, scored.subList(0, Math.min(count, scored.size())));
    });
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

  /** For each movie having a rated movie among its neighbours: those rated neighbours, by rank. */
  private static Map<Integer, List<Reason>> ratedNeighbours(Connection connection, String token)
      throws SQLException {
    Map<Integer, List<Reason>> neighbours = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT n.movie_id, n.neighbor_id,"
        + " m.title, n.similarity, r.rating FROM web_new_user_ratings r"
        + " JOIN item_neighbors n ON n.neighbor_id = r.movie_id"
        + " LEFT JOIN movies m ON m.movie_id = n.neighbor_id"
        + " WHERE r.new_user_id = ? ORDER BY n.movie_id, n.neighbor_rank")) {
      query.setString(1, token);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          neighbours.computeIfAbsent(rows.getInt(1), k -> new ArrayList<>()).add(new Reason(
              rows.getInt(2), rows.getString(3), rows.getDouble(4), rows.getDouble(5)));
        }
      }
    }
    return neighbours;
  }

  /** mu_i of the candidates and of the rated movies: sum / count of their train ratings. */
  private static Map<Integer, Double> trainMeans(Connection connection, String token)
      throws SQLException {
    Map<Integer, Double> means = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT t.movie_id,"
        + " SUM(t.rating), COUNT(*) FROM ratings_train t WHERE t.movie_id IN ("
        + " SELECT n.movie_id FROM web_new_user_ratings r"
        + " JOIN item_neighbors n ON n.neighbor_id = r.movie_id WHERE r.new_user_id = ?"
        + " UNION SELECT movie_id FROM web_new_user_ratings WHERE new_user_id = ?)"
        + " GROUP BY t.movie_id")) {
      query.setString(1, token);
      query.setString(2, token);
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
        "SELECT MIN(rating), MAX(rating) FROM ratings_train");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return new Clipping(rows.getDouble(1), rows.getDouble(2));
    }
  }

  private static List<Recommendation> withMovies(Connection connection, List<Recommendation> best)
      throws SQLException {
    Map<Integer, Movie> movies = new HashMap<>();
    for (Recommendation recommendation : best) {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT movie_id, title, year, genres FROM movies WHERE movie_id = ?")) {
        query.setInt(1, recommendation.movie().id());
        try (ResultSet rows = query.executeQuery()) {
          if (rows.next()) {
            movies.put(recommendation.movie().id(), Catalog.movie(rows));
          }
        }
      }
    }
    List<Recommendation> ranked = new ArrayList<>();
    for (Recommendation recommendation : best) {
      int id = recommendation.movie().id();
      ranked.add(new Recommendation(ranked.size() + 1,
          movies.getOrDefault(id, new Movie(id, "movie " + id, null, "")),
          recommendation.prediction(), recommendation.reasons()));
    }
    return ranked;
  }
}
