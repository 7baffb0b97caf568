package org.cfmr.web;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * New users of the dashboard (the seeds' "rate, then recommend" loop, no retraining): each is a
 * random token; their ratings persist in {@code web_new_user_ratings}; their recommendations are
 * computed at once from the stored neighbours ({@link LiveItemRecommendations}).
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
    GivenRating given = GivenRating.parse(movieId, ratingText);
    db.run(connection -> {
      WebRatingsTable.NEW_USERS.store(connection, token, given);
      return null;
    });
  }

  /** The new user's ratings, by movie id. */
  public List<RatedMovie> ratings(String token) {
    return db.run(connection -> WebRatingsTable.NEW_USERS.of(connection, token));
  }

  /** The new user's best {@code count} recommendations ({@link LiveItemRecommendations}). */
  public List<Recommendation> recommendations(String token, int count) {
    return db.run(connection -> LiveItemRecommendations.best(connection,
        LiveItemRecommendations.Rater.newUser(token), count));
  }
}
