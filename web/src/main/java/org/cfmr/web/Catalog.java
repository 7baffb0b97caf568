package org.cfmr.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cfmr.sql.PredictionMethod;
import org.cfmr.sql.TitleWords;

/**
 * The read-only queries of the dashboard over the tables {@code cfmr load-mysql} fills, every one
 * parameterised. Recommendations come from {@code user_item_predictions} (top {@value #TOP} per
 * method) with their reasons: for user-based, the user's neighbours who rated the movie; for
 * item-based, the user's rated movies among the movie's neighbours (best {@value #REASONS} shown).
 * ALS's, ordered by the factors' {@code x_u·y_i}, have no neighbours behind them; they are read
 * when the loaded run has them.
 */
public final class Catalog {
  public static final int TOP = 30;
  public static final int REASONS = 3;
  /** MovieLens' genres, for the library's filter. */
  public static final List<String> GENRES = List.of("Action", "Adventure", "Animation", "Children",
      "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical",
      "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

  private static final String MOVIE_COLUMNS =
      "COALESCE(m.title, CONCAT('movie ', %1$s)) AS title, m.year, COALESCE(m.genres, '') AS genres";

  private final Db db;

  public Catalog(Db db) {
    this.db = db;
  }

  /** A few users with recommendations, for the home page (the smallest ids). */
  public List<Integer> suggestedUsers(int count) {
    return db.run(connection -> {
      List<Integer> users = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT DISTINCT user_id FROM user_item_predictions ORDER BY user_id LIMIT ?")) {
        query.setInt(1, count);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            users.add(rows.getInt(1));
          }
        }
      }
      return users;
    });
  }

  /** The {@code count} movies with the most train ratings (ties by id), for new users to rate. */
  public List<Movie> popular(int count) {
    return db.run(connection -> {
      List<Movie> movies = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement("SELECT m.movie_id, m.title,"
          + " m.year, m.genres FROM movie_stats s JOIN movies m ON m.movie_id = s.movie_id"
          + " ORDER BY s.ratings DESC, s.movie_id LIMIT ?")) {
        query.setInt(1, count);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            movies.add(movie(rows));
          }
        }
      }
      return movies;
    });
  }

  /** The user's page, or empty when the user has no train ratings. */
  public Optional<Dashboard> dashboard(int userId) {
    return db.run(connection -> {
      List<RatedMovie> rated = rated(connection, userId);
      if (rated.isEmpty()) {
        return Optional.empty();
      }
      List<RatedMovie> ratedHere = MovieLensRatings.of(connection, userId);
      Set<Integer> ratedHereIds = ratedHere.stream().map(movie -> movie.movie().id())
          .collect(Collectors.toSet());
      List<Recommendation> itemBased = ratedHere.isEmpty()
          ? recommendations(connection, userId, PredictionMethod.ITEM, ITEM_EVIDENCE)
          : LiveItemRecommendations.best(connection,
              LiveItemRecommendations.Rater.movieLensUser(userId), TOP);
      return Optional.of(new Dashboard(userId, rated, ratedHere,
          without(recommendations(connection, userId, PredictionMethod.USER, USER_EVIDENCE),
              ratedHereIds), itemBased, !ratedHere.isEmpty(),
          alsRecommendations(connection, userId).map(als -> without(als, ratedHereIds)),
          similarUsers(connection, userId)));
    });
  }

  /** {@code recommendations} but those of {@code rated} movies. */
  private static List<Recommendation> without(List<Recommendation> recommendations,
      Set<Integer> rated) {
    return recommendations.stream().filter(r -> !rated.contains(r.movie().id())).toList();
  }

  private static List<RatedMovie> rated(Connection connection, int userId) throws SQLException {
    List<RatedMovie> rated = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT r.movie_id, "
        + String.format(MOVIE_COLUMNS, "r.movie_id") + ", r.rating FROM ratings_train r"
        + " LEFT JOIN movies m ON m.movie_id = r.movie_id WHERE r.user_id = ?"
        + " ORDER BY r.rating DESC, title, r.movie_id")) {
      query.setInt(1, userId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          rated.add(new RatedMovie(movie(rows), rows.getDouble("rating")));
        }
      }
    }
    return rated;
  }

  /** The evidence of user-based recommendations: the ranking neighbours (by rank) who rated it. */
  private static final String USER_EVIDENCE = "SELECT p.movie_id, un.neighbor_id AS id,"
      + " NULL AS title, un.similarity, r.rating FROM user_item_predictions p"
      + " JOIN user_ranking_neighbors un ON un.user_id = p.user_id"
      + " JOIN ratings_train r ON r.user_id = un.neighbor_id AND r.movie_id = p.movie_id"
      + " WHERE p.user_id = ? AND p.method = 'user' AND p.prediction_rank <= ?"
      + " ORDER BY p.prediction_rank, un.neighbor_rank";

  /**
   * The evidence of item-based recommendations: the user's rated movies among the movie's ranking
   * neighbours (by rank).
   */
  private static final String ITEM_EVIDENCE = "SELECT p.movie_id, n.neighbor_id AS id,"
      + " COALESCE(m.title, CONCAT('movie ', n.neighbor_id)) AS title, n.similarity, r.rating"
      + " FROM user_item_predictions p JOIN item_ranking_neighbors n ON n.movie_id = p.movie_id"
      + " JOIN ratings_train r ON r.user_id = p.user_id AND r.movie_id = n.neighbor_id"
      + " LEFT JOIN movies m ON m.movie_id = n.neighbor_id"
      + " WHERE p.user_id = ? AND p.method = 'item' AND p.prediction_rank <= ?"
      + " ORDER BY p.prediction_rank, n.neighbor_rank";

  /**
   * Whether the loaded run has ALS rows: its {@code run_files} (swapped in with the tables it
   * describes) list rows from the ALS recommendations file.
   */
  private static final String LOADED_ALS = "SELECT COUNT(*) FROM run_files"
      + " WHERE run_id = (SELECT MAX(id) FROM runs) AND file_name = ?"
      + " AND table_name = 'user_item_predictions' AND row_count > 0";

  /** The user's ALS recommendations, or empty when the loaded run has no ALS rows. */
  private static Optional<List<Recommendation>> alsRecommendations(Connection connection,
      int userId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(LOADED_ALS)) {
      query.setString(1, PredictionMethod.ALS.file());
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        if (rows.getInt(1) == 0) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(ranked(connection, userId, PredictionMethod.ALS, Map.of()));
  }

  private static List<Recommendation> recommendations(Connection connection, int userId,
      PredictionMethod method, String evidenceQuery) throws SQLException {
    return ranked(connection, userId, method, backing(connection, userId, evidenceQuery));
  }

  /** The ranking neighbours behind each of the user's top recommendations, by movie. */
  private static Map<Integer, Backing> backing(Connection connection, int userId,
      String evidenceQuery) throws SQLException {
    Map<Integer, Backing> backing = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(evidenceQuery)) {
      query.setInt(1, userId);
      query.setInt(2, TOP);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          backing.computeIfAbsent(rows.getInt(1), k -> new Backing()).add(
              rows.getBigDecimal("similarity"), rows.getInt("id"), rows.getString("title"),
              rows.getDouble("rating"));
        }
      }
    }
    return backing;
  }

  /** The user's top recommendations by {@code method}, each with the neighbours behind it. */
  private static List<Recommendation> ranked(Connection connection, int userId,
      PredictionMethod method, Map<Integer, Backing> backing) throws SQLException {
    List<Recommendation> recommendations = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT p.prediction_rank,"
        + " p.movie_id, " + String.format(MOVIE_COLUMNS, "p.movie_id") + ", p.prediction"
        + " FROM user_item_predictions p LEFT JOIN movies m ON m.movie_id = p.movie_id"
        + " WHERE p.user_id = ? AND p.method = ? AND p.prediction_rank <= ?"
        + " ORDER BY p.prediction_rank")) {
      query.setInt(1, userId);
      query.setString(2, method.value());
      query.setInt(3, TOP);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Movie movie = movie(rows);
          Backing behind = backing.getOrDefault(movie.id(), new Backing());
          recommendations.add(new Recommendation(rows.getInt("prediction_rank"), movie,
              rows.getDouble("prediction"), behind.evidence(), behind.reasons()));
        }
      }
    }
    return recommendations;
  }

  private static List<SimilarUser> similarUsers(Connection connection, int userId)
      throws SQLException {
    List<SimilarUser> similar = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT neighbor_rank, neighbor_id,"
        + " similarity FROM user_neighbors WHERE user_id = ? ORDER BY neighbor_rank")) {
      query.setInt(1, userId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          similar.add(new SimilarUser(rows.getInt(1), rows.getInt(2), rows.getDouble(3)));
        }
      }
    }
    return similar;
  }

  /** The movie's page, or empty when no table knows the movie. */
  public Optional<MovieDetails> movie(int movieId) {
    return db.run(connection -> {
      Movie movie = null;
      String imdb = null;
      Integer tmdb = null;
      try (PreparedStatement query = connection.prepareStatement("SELECT m.movie_id, m.title,"
          + " m.year, m.genres, l.imdb_id, l.tmdb_id FROM movies m"
          + " LEFT JOIN links l ON l.movie_id = m.movie_id WHERE m.movie_id = ?")) {
        query.setInt(1, movieId);
        try (ResultSet rows = query.executeQuery()) {
          if (rows.next()) {
            movie = movie(rows);
            imdb = rows.getString("imdb_id");
            tmdb = (Integer) rows.getObject("tmdb_id", Integer.class);
          }
        }
      }
      if (movie == null) {
        return Optional.empty();
      }
      int ratings;
      Double mean;
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT ratings, rating_sum FROM movie_stats WHERE movie_id = ?")) {
        query.setInt(1, movieId);
        try (ResultSet rows = query.executeQuery()) {
          boolean rated = rows.next();
          ratings = rated ? rows.getInt(1) : 0;
          mean = rated ? rows.getDouble(2) / ratings : null;
        }
      }
      return Optional.of(new MovieDetails(movie, imdb, tmdb, ratings, mean,
          similarMovies(connection, movieId)));
    });
  }

  private static List<SimilarMovie> similarMovies(Connection connection, int movieId)
      throws SQLException {
    List<SimilarMovie> similar = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT n.neighbor_rank,"
        + " n.neighbor_id AS movie_id, " + String.format(MOVIE_COLUMNS, "n.neighbor_id") + ","
        + " n.similarity, n.support"
        + " FROM item_neighbors n LEFT JOIN movies m ON m.movie_id = n.neighbor_id"
        + " WHERE n.movie_id = ? ORDER BY n.neighbor_rank")) {
      query.setInt(1, movieId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          similar.add(new SimilarMovie(rows.getInt("neighbor_rank"), movie(rows),
              rows.getDouble("similarity"), rows.getInt("support")));
        }
      }
    }
    return similar;
  }

  /**
   * The library: movies in whose title every word of {@code text} begins a word (its
   * {@link TitleWords}: any case, accents ignored; all movies when the text has no words), of
   * {@code genre} when it is not empty, by title ({@code title_order}), {@code pageSize} a page.
   * Each word is a range of {@code movie_title_words}' primary key, not a scan of the titles.
   */
  public SearchPage search(String text, String genre, int page, int pageSize) {
    List<String> words = List.copyOf(TitleWords.of(text));
    StringBuilder where = new StringBuilder(" FROM movies m"
        + " WHERE (? = '' OR CONCAT('|', m.genres, '|') LIKE CONCAT('%|', ?, '|%'))");
    for (int i = 0; i < words.size(); i++) {
      where.append(" AND m.movie_id IN (SELECT w.movie_id FROM movie_title_words w"
          + " WHERE w.word LIKE ?)");
    }
    return db.run(connection -> {
      int total;
      try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*)" + where)) {
        bindSearch(query, genre, words);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          total = rows.getInt(1);
        }
      }
      List<Movie> movies = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement("SELECT m.movie_id, m.title,"
          + " m.year, m.genres" + where + " ORDER BY m.title_order LIMIT ? OFFSET ?")) {
        int next = bindSearch(query, genre, words);
        query.setInt(next, pageSize);
        query.setLong(next + 1, (long) (page - 1) * pageSize);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            movies.add(movie(rows));
          }
        }
      }
      return new SearchPage(text, genre, page, pageSize, total, movies);
    });
  }

  /** Binds the genre and each word's prefix pattern; returns the next parameter's index. */
  private static int bindSearch(PreparedStatement query, String genre, List<String> words)
      throws SQLException {
    query.setString(1, genre);
    query.setString(2, genre);
    int next = 3;
    for (String word : words) {
      query.setString(next++, word + "%");
    }
    return next;
  }

  /** The dataset's charts load-mysql drew, in their order. */
  public List<StoredChart> datasetCharts() {
    return db.run(connection -> {
      List<StoredChart> charts = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT name, title, svg FROM dataset_charts ORDER BY chart_order");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          charts.add(new StoredChart(rows.getString(1), rows.getString(2), rows.getString(3)));
        }
      }
      return charts;
    });
  }

  static Movie movie(ResultSet rows) throws SQLException {
    return new Movie(rows.getInt("movie_id"), rows.getString("title"),
        (Integer) rows.getObject("year", Integer.class), rows.getString("genres"));
  }
}
