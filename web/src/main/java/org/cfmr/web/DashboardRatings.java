package org.cfmr.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.cfmr.core.CfmrException;
import org.cfmr.core.HalfStars;
import org.cfmr.core.Rating;

/**
 * The ratings given on the dashboard, as {@code cfmr export-ratings} reads them: MovieLens users'
 * from {@code web_user_ratings} (by user, then movie) and new users' from
 * {@code web_new_user_ratings} (by when each new user was created, then movie), each checked to
 * be a half star in 0.5..5. A database where {@code serve} never ran has none.
 */
final class DashboardRatings {
  /** A new user's ratings: their token and the ratings with user id 0, by movie. */
  record NewUser(String token, List<Rating> ratings) {}

  private DashboardRatings() {}

  static List<Rating> ofMovieLensUsers(Connection connection) throws SQLException {
    List<Rating> ratings = new ArrayList<>();
    if (!exists(connection, "web_user_ratings")) {
      return ratings;
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT user_id, movie_id, rating,"
        + " UNIX_TIMESTAMP(rated_at) FROM web_user_ratings ORDER BY user_id, movie_id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        ratings.add(rating("web_user_ratings", rows.getInt(1), rows));
      }
    }
    return ratings;
  }

  static List<NewUser> ofNewUsers(Connection connection) throws SQLException {
    List<NewUser> users = new ArrayList<>();
    if (!exists(connection, "web_new_user_ratings")) {
      return users;
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT u.id, r.movie_id,"
        + " r.rating, UNIX_TIMESTAMP(r.rated_at) FROM web_new_users u"
        + " JOIN web_new_user_ratings r ON r.new_user_id = u.id"
        + " ORDER BY u.created_at, u.id, r.movie_id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String token = rows.getString(1);
        if (users.isEmpty() || !users.get(users.size() - 1).token().equals(token)) {
          users.add(new NewUser(token, new ArrayList<>()));
        }
        users.get(users.size() - 1).ratings().add(rating("web_new_user_ratings", 0, rows));
      }
    }
    return users;
  }

  /** Columns 2..4 of {@code rows} (movie, rating, epoch seconds) as a rating by {@code user}. */
  private static Rating rating(String table, int user, ResultSet rows) throws SQLException {
    int movie = rows.getInt(2);
    String value = rows.getBigDecimal(3).toPlainString();
    int halfStars;
    try {
      halfStars = HalfStars.parse(value);
    } catch (NumberFormatException e) {
      halfStars = 0;
    }
    if (halfStars < 1 || halfStars > 10 || movie <= 0) {
      throw new CfmrException(table + ": the rating " + value + " of movie " + movie
          + " is not a half star in 0.5..5 of a movie id");
    }
    return new Rating(user, movie, halfStars, rows.getLong(4));
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM"
        + " information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
