package org.cfmr.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.cfmr.core.HalfStars;

/** What a rating form posts, checked: a half star in 0.5..5 of a movie the tables know. */
record GivenRating(int movieId, double rating) {

  /**
   * The rating of {@code movieId} given as text ({@code 4}, {@code 3.5}).
   *
   * @throws IllegalArgumentException when it is not a half star in 0.5..5
   */
  static GivenRating parse(int movieId, String text) {
    int halfStars;
    try {
      halfStars = HalfStars.parse(text);
    } catch (NumberFormatException e) {
      halfStars = 0;
    }
    if (halfStars < 1 || halfStars > 10) {
      throw new IllegalArgumentException("a rating is 0.5 to 5 in half stars, not " + text);
    }
    return new GivenRating(movieId, HalfStars.toRating(halfStars));
  }

  /** @throws IllegalArgumentException when {@code movies} has no such movie */
  void requireMovie(Connection connection) throws SQLException {
    try (PreparedStatement movie = connection.prepareStatement(
        "SELECT 1 FROM movies WHERE movie_id = ?")) {
      movie.setInt(1, movieId);
      try (ResultSet rows = movie.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException("there is no movie " + movieId);
        }
      }
    }
  }
}
