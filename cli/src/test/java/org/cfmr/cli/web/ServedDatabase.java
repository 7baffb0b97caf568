package org.cfmr.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.cfmr.cli.Main;
import org.cfmr.core.testing.TestDatabase;
import org.cfmr.sql.LoadSettings;
import org.cfmr.sql.MysqlLoader;

/**
 * The dashboard's test database, made once per JVM: {@code cfmr pipeline --models knn,als}
 * (in-memory engine) on the bundled data, then {@code cfmr load-mysql} of its output into the
 * database .ci/run prepares for the web tests (CFMR_TEST_WEB_JDBC_URL, CFMR_TEST_DB_USER,
 * CFMR_TEST_DB_PASSWORD; its own database, so that the sql module's tests never clobber it).
 * Under {@code CI=true} a missing variable fails; otherwise the test is skipped with the reason.
 * With {@value #AS_LOADED}{@code =true} the database is taken as it is, e.g. a load of a 32M
 * synthetic run for the load test, and has no output folder.
 */
public final class ServedDatabase {
  public static final String AS_LOADED = "cfmr.served.as-loaded";
  public static final String URL_VARIABLE = "CFMR_TEST_WEB_JDBC_URL";
  public static final String READER_VARIABLE = "CFMR_TEST_WEB_READER";
  private static ServedDatabase instance;

  public final String url = System.getenv(URL_VARIABLE);
  public final String user = System.getenv("CFMR_TEST_DB_USER");
  public final String password = System.getenv("CFMR_TEST_DB_PASSWORD");
  /** The pipeline's output folder (null with {@value #AS_LOADED}). */
  public final Path output;

  private ServedDatabase(Path output) {
    this.output = output;
  }

  /** The loaded database (the first call runs the pipeline and the load, ~20 s). */
  public static synchronized ServedDatabase get() {
    TestDatabase.requirePresent(System.getenv(URL_VARIABLE) != null
        && System.getenv("CFMR_TEST_DB_USER") != null
        && System.getenv("CFMR_TEST_DB_PASSWORD") != null,
        "no web test database: run .ci/run (or set " + URL_VARIABLE
            + ", CFMR_TEST_DB_USER, CFMR_TEST_DB_PASSWORD)");
    if (instance == null && Boolean.getBoolean(AS_LOADED)) {
      instance = new ServedDatabase(null);
    }
    if (instance == null) {
      try {
        Path output = Files.createTempDirectory("cfmr-web-test-").resolve("out");
        assertEquals(0, Main.run("pipeline", "--engine", "memory", "--models", "knn,als",
            "--output", output.toString()));
        ServedDatabase database = new ServedDatabase(output);
        database.dropAllTables();
        MysqlLoader.load(new LoadSettings(database.url, database.user, database.password,
            new org.apache.hadoop.fs.Path(output.toUri()), null, null));
        instance = database;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /**
   * The read-only user of this database that .ci/run creates ({@value #READER_VARIABLE}, SELECT
   * only, the same password); like the database itself, required under {@code CI=true} and
   * otherwise skipping the calling test when unset.
   */
  public String reader() {
    String reader = System.getenv(READER_VARIABLE);
    TestDatabase.requirePresent(reader != null,
        "no read-only test user (" + READER_VARIABLE + "; .ci/run creates one)");
    return reader;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Runs one statement (test set-up: an injected title, a cleared table). */
  public void execute(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void dropAllTables() {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        var tables = statement.executeQuery("SHOW TABLES")) {
      StringBuilder names = new StringBuilder();
      while (tables.next()) {
        names.append(names.length() == 0 ? "" : ", ").append(tables.getString(1));
      }
      if (names.length() > 0) {
        statement.execute("DROP TABLE " + names);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot clear " + url, e);
    }
  }
}
