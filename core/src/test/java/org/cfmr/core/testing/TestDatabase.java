package org.cfmr.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The test database {@code .ci/run} prepares (CFMR_TEST_JDBC_URL, CFMR_TEST_DB_USER,
 * CFMR_TEST_DB_PASSWORD). Under {@code CI=true} a missing one fails the test; otherwise the test
 * is skipped with the reason shown.
 */
public final class TestDatabase {
  public final String url = System.getenv("CFMR_TEST_JDBC_URL");
  public final String user = System.getenv("CFMR_TEST_DB_USER");
  public final String password = System.getenv("CFMR_TEST_DB_PASSWORD");

  public TestDatabase() {
    requirePresent(url != null && user != null && password != null, "no test database: run "
        + ".ci/run (or set CFMR_TEST_JDBC_URL, CFMR_TEST_DB_USER, CFMR_TEST_DB_PASSWORD)");
  }

  /**
   * When {@code present} is false, fails the calling test under {@code CI=true} and skips it
   * otherwise, either way with {@code reason}: the rule of every test database variable.
   */
  public static void requirePresent(boolean present, String reason) {
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(present, "CI=true but " + reason);
    } else {
      assumeTrue(present, "skipped: " + reason);
    }
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Drops every table of the test database, so that each test starts from nothing. */
  public void dropAllTables() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      List<String> tables = strings(statement, "SHOW TABLES");
      if (!tables.isEmpty()) {
        statement.execute("DROP TABLE " + String.join(", ", tables));
      }
    }
  }

  /** The first column of every row of {@code sql}, as text. */
  public List<String> query(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      return strings(statement, sql);
    }
  }

  /** Every row of {@code sql}, its columns joined by {@code |}. */
  public List<String> rows(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
      return rows;
    }
  }

  public long count(String sql) throws SQLException {
    return Long.parseLong(query(sql).get(0));
  }

  private static List<String> strings(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }
}
