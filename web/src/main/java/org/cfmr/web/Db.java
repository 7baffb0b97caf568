package org.cfmr.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cfmr.sql.Database;
import org.cfmr.sql.UrlPasswords;

/**
 * The app's database: one short-lived JDBC connection per unit of work (no pool: a down server
 * fails fast after a 3 s connect timeout, and the next request connects afresh once it is back).
 * A failure to connect, a broken connection or a missing table becomes {@link DatabaseUnavailable}
 * (a 503 page). On the first successful connection the app's own tables ({@code app-tables.sql}:
 * new users' ratings, the poster cache) are created when missing; a user without CREATE rights
 * (a read-only user) still browses, and the pages that write say so.
 */
public final class Db {
  /** A unit of work on one connection. */
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String jdbcUrl;
  private final Properties properties = new Properties();
  private final AtomicBoolean tablesChecked = new AtomicBoolean();
  private volatile boolean writable;

  public Db(String jdbcUrl, String user, String password) {
    this.jdbcUrl = Database.driverUrl(jdbcUrl);
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("characterEncoding", "UTF-8");
    properties.setProperty("connectTimeout", "3000");
    properties.setProperty("socketTimeout", "60000");
  }

  /** Runs {@code work} on a fresh connection; see the class comment for the failures. */
  public <T> T run(Work<T> work) {
    try (Connection connection = connect()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Whether the app's tables exist and this user may write them (connects once to find out). */
  public boolean writable() {
    if (!tablesChecked.get()) {
      run(connection -> null);
    }
    return writable;
  }

  private Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection(jdbcUrl, properties);
    if (!tablesChecked.get()) {
      createAppTables(connection);
    }
    return connection;
  }

  private void createAppTables(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      for (String create : appTables().split(";\\s*\n")) {
        if (!create.isBlank()) {
          statement.execute(create);
        }
      }
      writable = true;
    } catch (SQLException e) {
      writable = false;
      System.err.println("cfmr serve: cannot create the app's tables ("
          + Database.firstLine(e.getMessage())
          + "); new users cannot rate and posters are not cached");
    }
    tablesChecked.set(true);
  }

  private static String appTables() {
    try (InputStream in = Db.class.getResourceAsStream("app-tables.sql")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.strip().startsWith("--"))
          .reduce("", (all, line) -> all + line + "\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read app-tables.sql", e);
    }
  }

  /** Connection failures and missing tables are the database being unavailable; others are bugs. */
  private RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String reason = UrlPasswords.hide(Database.firstLine(e.getMessage()), jdbcUrl);
    String database = "the database at " + UrlPasswords.shown(jdbcUrl);
    if (state.startsWith("08") || e instanceof java.sql.SQLTransientConnectionException
        || e instanceof java.sql.SQLNonTransientConnectionException
        || e.getClass().getName().contains("CommunicationsException")) {
      return new DatabaseUnavailable(database + " cannot be reached: " + reason, e);
    }
    if (state.equals("42S02")) {
      return new DatabaseUnavailable(database + " holds no cfmr tables yet (" + reason
          + "): run cfmr load-mysql", e);
    }
    if (e.getErrorCode() == 1045 || e.getErrorCode() == 1044) {
      return new DatabaseUnavailable(database + " refused the user: " + reason, e);
    }
    return new IllegalStateException("database error: " + reason, e);
  }
}
