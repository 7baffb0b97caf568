package org.cfmr.web;

import java.util.Objects;
import org.cfmr.sql.UrlPasswords;

/**
 * What {@code cfmr serve} serves and where: the database loaded by {@code cfmr load-mysql}, the
 * address to listen on (default 127.0.0.1:8080; port 0 picks a free one), and TMDB for posters
 * (no key: placeholders).
 *
 * @param tmdbApiKey null for no posters
 */
public record ServeSettings(String jdbcUrl, String user, String password, String bind, int port,
    String tmdbApiKey, String tmdbApiUrl, String tmdbImageUrl) {

  public ServeSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(tmdbApiUrl, "tmdbApiUrl");
    Objects.requireNonNull(tmdbImageUrl, "tmdbImageUrl");
  }

  /** Secrets never appear in logs or messages. */
  @Override
  public String toString() {
    return "ServeSettings[jdbcUrl=" + UrlPasswords.shown(jdbcUrl) + ", user=" + user + ", bind=" + bind + ", port="
        + port + ", posters=" + (tmdbApiKey != null) + ", tmdbApiUrl=" + tmdbApiUrl + "]";
  }
}
