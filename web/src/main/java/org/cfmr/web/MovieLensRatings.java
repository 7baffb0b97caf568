package org.cfmr.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Ratings that MovieLens users (the ids of {@code ratings_train}) give on the dashboard, kept in
 * {@code web_user_ratings} (rating a movie again replaces the rating) until
 * {@code cfmr export-ratings} merges them into the dataset for the next run.
 */
public final class MovieLensRatings {
  private final Db db;

  public MovieLensRatings(Db db) {
    this.db = db;
  }

  /**
   * Records (or replaces) user {@code userId}'s rating of {@code movieId}, given as text.
   *
   * @throws PageNotFound when the user has no train ratings
   * @throws IllegalArgumentException when the rating is not a half star in 0.5..5 or the movie is
   *     unknown
   */
  public void rate(int userId, int movieId, String ratingText) {
    GivenRating given = GivenRating.parse(movieId, ratingText);
    db.run(connection -> {
      requireUser(connection, userId);
      WebRatingsTable.MOVIELENS_USERS.store(connection, userId, given);
      return null;
    });
  }

  private static void requireUser(Connection connection, int userId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT 1 FROM ratings_train WHERE user_id = ? LIMIT 1")) {
      query.setInt(1, userId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new PageNotFound("There is no user " + userId + " with train ratings.");
        }
      }
    }
  }

  /**
   * The user's dashboard ratings with their movies, by movie id; none when the app's tables do
   * not exist (a read-only user serving a database where no writer has run serve).
   */
  static List<RatedMovie> of(Connection connection, int userId) throws SQLException {
    try {
      return WebRatingsTable.MOVIELENS_USERS.of(connection, userId);
    } catch (SQLException e) {
      if (!"42S02".equals(e.getSQLState())) {
        throw e;
      }
      return List.of();
    }
  }
}
