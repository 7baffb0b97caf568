package org.cfmr.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cfmr.sql.Database;
import org.cfmr.sql.Schema;
import org.cfmr.sql.UrlPasswords;

/**
 * The app's database through a pool of at most {@value #POOL_SIZE} connections (HikariCP): a unit
 * of work borrows a connection and gives it back, so a burst of requests shares a few connections
 * instead of opening one each. The pool opens a connection only when a request needs one (serve
 * starts while the database is down) and keeps none idle past 10 minutes.
 *
 * <p>A request that gets no connection within {@value #WAIT_MILLIS} ms (the server is down, or
 * every connection is busy), a broken connection or a missing table becomes
 * {@link DatabaseUnavailable} (a 503 page). Broken connections leave the pool, and once the server
 * is back the next connection attempt succeeds (the pool retries a down server at most 5 s apart),
 * so the app recovers without a restart. Statements run in autocommit: a write that returned is
 * committed before the page that acknowledges it is sent.
 *
 * <p>On the first connection the loaded tables' schema version is checked (tables of another
 * version are a 503 page that says to load again), and the app's own tables ({@code app-tables.sql}: new users' ratings, the
 * poster cache) are created when missing; a user without CREATE rights (a read-only user) still
 * browses, and the pages that write say so.
 */
public final class Db implements AutoCloseable {
  /** The most connections serve holds at once. */
  public static final int POOL_SIZE = 10;
  /** How long a request waits for a connection (or for the server to answer a connect). */
  static final int WAIT_MILLIS = 3000;
  /** The schema version this cfmr's queries are written for. */
  private static final int SCHEMA_VERSION = Schema.load().version();

  /** A unit of work on one connection. */
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String jdbcUrl;
  private final HikariDataSource pool;
  private final AtomicBoolean tablesChecked = new AtomicBoolean();
  private volatile boolean writable;

  public Db(String jdbcUrl, String user, String password) {
    this.jdbcUrl = Database.driverUrl(jdbcUrl);
    this.pool = new HikariDataSource(poolSettings(this.jdbcUrl, user, password));
  }

  private static HikariConfig poolSettings(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("cfmr-serve");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.addDataSourceProperty("characterEncoding", "UTF-8");
    config.addDataSourceProperty("connectTimeout", String.valueOf(WAIT_MILLIS));
    config.addDataSourceProperty("socketTimeout", "60000");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0);  // no background reconnect loop while the server is down
    config.setConnectionTimeout(WAIT_MILLIS);
    config.setValidationTimeout(1000);
    config.setInitializationFailTimeout(-1);  // start without the database
    config.setAutoCommit(true);
    return config;
  }

  /** Runs {@code work} on a pooled connection; see the class comment for the failures. */
  public <T> T run(Work<T> work) {
    try (Connection connection = borrow()) {
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

  /** Closes the pool's connections. */
  @Override
  public void close() {
    pool.close();
  }

  private Connection borrow() throws SQLException {
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException e) {
      throw noConnection(e);
    }
    if (!tablesChecked.get()) {
      try {
        checkSchemaVersion(connection);
        createAppTables(connection);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }
    return connection;
  }

  /**
   * Refuses tables that another cfmr loaded with another {@link Schema} version (their columns
   * differ from the queries'); a database with no cfmr tables yet passes, and its pages say so.
   */
  private void checkSchemaVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      int loaded = rows.next() ? rows.getInt(1) : 0;
      if (loaded != SCHEMA_VERSION) {
        throw new DatabaseUnavailable("the database at " + UrlPasswords.shown(jdbcUrl)
            + " holds cfmr tables of schema version " + loaded + ", and this cfmr reads version "
            + SCHEMA_VERSION + ": run cfmr load-mysql again", null);
      }
    } catch (SQLException e) {
      if (!"42S02".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  /** The pool gave no connection in time: why, from the last failure to connect, if any. */
  private RuntimeException noConnection(SQLException timeout) {
    if (timeout.getCause() instanceof SQLException failure) {
      RuntimeException translated = translate(failure);
      return translated instanceof DatabaseUnavailable ? translated
          : new DatabaseUnavailable("the database at " + UrlPasswords.shown(jdbcUrl)
              + " refused the connection: "
              + UrlPasswords.hide(Database.firstLine(failure.getMessage()), jdbcUrl), timeout);
    }
    return new DatabaseUnavailable("the database at " + UrlPasswords.shown(jdbcUrl)
        + " gave no connection within "
        + WAIT_MILLIS / 1000 + " s (all " + POOL_SIZE + " busy, or it does not answer)", timeout);
  }

  /** Creates the app's tables; a refusal means a read-only user, a lost connection is rethrown. */
  private void createAppTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String create : appTables().split(";\\s*\n")) {
        if (!create.isBlank()) {
          statement.execute(create);
        }
      }
      writable = true;
    } catch (SQLException e) {
      if (unreachable(e)) {
        throw e;
      }
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

  /**
   * Whether {@code e} or one of its causes is a lost or refused connection: an SQL state of
   * class 08, a connection exception, the driver's communications exception, or an I/O error
   * (a connection the server dropped while a result was read).
   */
  private static boolean unreachable(SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
      if (cause instanceof java.sql.SQLTransientConnectionException
          || cause instanceof java.sql.SQLNonTransientConnectionException
          || cause instanceof IOException
          || cause.getClass().getName().contains("CommunicationsException")) {
        return true;
      }
    }
    return false;
  }

  /** Connection failures and missing tables are the database being unavailable; others are bugs. */
  private RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String reason = UrlPasswords.hide(Database.firstLine(e.getMessage()), jdbcUrl);
    String database = "the database at " + UrlPasswords.shown(jdbcUrl);
    if (unreachable(e)) {
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
