package org.cfmr.sql;

import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * What {@code cfmr load-mysql} loads and where: the database (a {@code jdbc:mysql://} URL, user,
 * password), the pipeline output folder, and optionally the {@code movies.csv} / {@code links.csv}
 * to load instead of those of the run's dataset (by default the one {@code run.json} names, else
 * the bundled ml-latest-small).
 *
 * @param movies null for the run's dataset's {@code movies.csv}
 * @param links null for the run's dataset's {@code links.csv}
 */
public record LoadSettings(String jdbcUrl, String user, String password, Path input, Path movies,
    Path links) {

  public LoadSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(input, "input");
  }

  /** The password never appears in logs or messages. */
  @Override
  public String toString() {
    return "LoadSettings[jdbcUrl=" + UrlPasswords.shown(jdbcUrl) + ", user=" + user + ", input=" + input
        + ", movies=" + movies + ", links=" + links + "]";
  }
}
