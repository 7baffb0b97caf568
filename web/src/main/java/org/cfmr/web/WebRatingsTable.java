package org.cfmr.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the app's tables of ratings given on the dashboard, one row per rater and movie (rating
 * again replaces the rating): {@code web_new_user_ratings} by a new user's token,
 * {@code web_user_ratings} by a MovieLens user id.
 */
record WebRatingsTable(String table, String raterColumn) {
  static final WebRatingsTable NEW_USERS = new WebRatingsTable("web_new_user_ratings", "new_user_id");
  static final WebRatingsTable MOVIELENS_USERS = new WebRatingsTable("web_user_ratings", "user_id");

  /** Records (or replaces) {@code rater}'s rating, its movie checked to be in {@code movies}. */
  void store(Connection connection, Object rater, GivenRating given) throws SQLException {
    given.requireMovie(connection);
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " ("
        + raterColumn + ", movie_id, rating) VALUES (?, ?, ?)"
        + " ON DUPLICATE KEY UPDATE rating = VALUES(rating), rated_at = CURRENT_TIMESTAMP")) {
      upsert.setObject(1, rater);
      upsert.setInt(2, given.movieId());
      upsert.setDouble(3, given.rating());
      upsert.executeUpdate();
    }
  }

  /** {@code rater}'s ratings with their movies, by movie id. */
  List<RatedMovie> of(Connection connection, Object rater) throws SQLException {
    List<RatedMovie> rated = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT r.movie_id, m.title,"
        + " m.year, m.genres, r.rating FROM " + table + " r"
        + " JOIN movies m ON m.movie_id = r.movie_id WHERE r." + raterColumn + " = ?"
        + " ORDER BY r.movie_id")) {
      query.setObject(1, rater);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          rated.add(new RatedMovie(Catalog.movie(rows), rows.getDouble("rating")));
        }
      }
    }
    return rated;
  }
}
