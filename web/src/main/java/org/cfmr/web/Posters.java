package org.cfmr.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Movie posters from TMDB, optional: with an API key, a movie's poster path is fetched once by its
 * tmdbId ({@code GET <api>/3/movie/<tmdbId>?api_key=…}) and cached in {@code web_posters} (also
 * "TMDB has none"); without a key, or when TMDB fails or is slow (3 s), the page shows a
 * placeholder and the next view tries again. The API and image base URLs are configurable (tests
 * point them at a local stub).
 */
public final class Posters {
  public static final String DEFAULT_API = "https://api.themoviedb.org";
  public static final String DEFAULT_IMAGES = "https://image.tmdb.org/t/p/w342";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Db db;
  private final String apiKey;
  private final String apiBase;
  private final String imageBase;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NORMAL).build();

  /** @param apiKey null: no posters */
  public Posters(Db db, String apiKey, String apiBase, String imageBase) {
    this.db = db;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.apiBase = stripSlash(apiBase);
    this.imageBase = stripSlash(imageBase);
  }

  /** The poster's URL, or null for the placeholder. */
  public String url(Integer tmdbId) {
    if (apiKey == null || tmdbId == null) {
      return null;
    }
    Optional<Optional<String>> cached = db.writable() ? cached(tmdbId) : Optional.empty();
    Optional<String> path = cached.isPresent() ? cached.get() : fetch(tmdbId);
    return path == null ? null : path.map(p -> imageBase + p).orElse(null);
  }

  /** Empty: not cached; a cached empty: TMDB has no poster. */
  private Optional<Optional<String>> cached(int tmdbId) {
    return db.run(connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT poster_path FROM web_posters WHERE tmdb_id = ?")) {
        query.setInt(1, tmdbId);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? Optional.of(Optional.ofNullable(rows.getString(1))) : Optional.empty();
        }
      }
    });
  }

  /** The poster path from TMDB (cached), empty when it has none, null when TMDB failed. */
  private Optional<String> fetch(int tmdbId) {
    Optional<String> path;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + "/3/movie/" + tmdbId
              + "?api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8)))
          .timeout(Duration.ofSeconds(3)).header("Accept", "application/json").GET().build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        path = Optional.empty();
      } else if (response.statusCode() != 200) {
        System.err.println("cfmr serve: TMDB answered " + response.statusCode() + " for movie " + tmdbId);
        return null;
      } else {
        JsonNode poster = JSON.readTree(response.body()).path("poster_path");
        path = poster.isTextual() && poster.asText().startsWith("/")
            ? Optional.of(poster.asText()) : Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("cfmr serve: TMDB failed for movie " + tmdbId + ": " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    store(tmdbId, path);
    return path;
  }

  private void store(int tmdbId, Optional<String> path) {
    if (!db.writable()) {
      return;
    }
    db.run(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO web_posters"
          + " (tmdb_id, poster_path) VALUES (?, ?) ON DUPLICATE KEY UPDATE"
          + " poster_path = VALUES(poster_path), fetched_at = CURRENT_TIMESTAMP")) {
        insert.setInt(1, tmdbId);
        insert.setString(2, path.orElse(null));
        return insert.executeUpdate();
      } catch (SQLException e) {
        return 0;
      }
    });
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
