package org.cfmr.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.cfmr.core.CfmrException;
import org.cfmr.core.UsageException;

/**
 * Opens the JDBC connection of a load (MySQL Connector/J, which also speaks to MariaDB). Local
 * files are readable by {@code LOAD DATA LOCAL INFILE} only inside the load's own work folder
 * ({@code allowLoadLocalInfileInPath}); a failure is one line naming the URL, never the password
 * (nor one written inside the URL: {@link UrlPasswords}).
 * The URL check is shared with {@code cfmr serve}.
 */
public final class Database {
  private Database() {}

  /** A connection that reads and writes, with no access to local files. */
  public static Connection connect(String jdbcUrl, String user, String password) {
    return connect(jdbcUrl, user, password, null);
  }

  static Connection connect(String jdbcUrl, String user, String password,
      java.nio.file.Path localInfileFolder) {
    String driverUrl = driverUrl(jdbcUrl);
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    if (localInfileFolder != null) {
      properties.setProperty("allowLoadLocalInfileInPath", localInfileFolder.toString());
    }
    properties.setProperty("characterEncoding", "UTF-8");
    properties.setProperty("connectTimeout", "10000");
    properties.setProperty("useCursorFetch", "false");
    try {
      Connection connection = DriverManager.getConnection(driverUrl, properties);
      if (connection.getCatalog() == null || connection.getCatalog().isEmpty()) {
        connection.close();
        throw new CfmrException("--jdbc-url " + UrlPasswords.shown(jdbcUrl)
            + " names no database (jdbc:mysql://HOST:PORT/DATABASE)");
      }
      return connection;
    } catch (SQLException e) {
      throw new CfmrException(UrlPasswords.hide("cannot connect to " + jdbcUrl + ": "
          + firstLine(e.getMessage()), jdbcUrl), e);
    }
  }

  /**
   * The URL to give MySQL Connector/J for {@code --jdbc-url}: {@code jdbc:mysql://…} as is,
   * {@code jdbc:mariadb://…} rewritten to it.
   *
   * @throws CfmrException when the URL is neither, before any connection is tried
   */
  public static String driverUrl(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:mysql://") && !jdbcUrl.startsWith("jdbc:mariadb://")) {
      throw new UsageException("--jdbc-url " + UrlPasswords.shown(jdbcUrl)
          + " is not a jdbc:mysql://HOST:PORT/DATABASE URL");
    }
    return jdbcUrl.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
  }

  /** The first line of a driver message (connection failures add paragraphs of advice). */
  public static String firstLine(String message) {
    return message == null ? "unknown error" : message.strip().lines().findFirst().orElse("");
  }
}
