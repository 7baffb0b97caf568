package org.cfmr.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.HadoopRuntime;

/**
 * {@code cfmr load-mysql}: loads a pipeline output folder into the tables of {@code schema.sql},
 * atomically. Every input file is validated and converted before connecting; then each table is
 * built as {@code <table>__staging} with {@code LOAD DATA LOCAL INFILE}, and one
 * {@code RENAME TABLE} swaps all of them in at once (the old ones become {@code <table>__old} and
 * are dropped). Readers see the previous load or this one, never a mix; a failure or kill before
 * the swap leaves the previous tables as they were, and the next load drops the leftovers.
 * Loading the same folder twice gives the same tables (and one more row in {@code runs}).
 *
 * <p>A staging table is filled without its secondary keys, in the order of its primary key (the
 * order of the files), so that the load appends pages; one {@code ALTER TABLE} then builds the
 * keys by sorting ({@link Schema#addSecondaryKeys}). Filled whole, at ml-32m's size, the table
 * takes the keys' entries row by row in random order, and loads at half the rate.
 */
public final class MysqlLoader {
  static final String STAGING = "__staging";
  static final String OLD = "__old";
  /**
   * Held while loading, with the database's name appended (named locks are the server's): two
   * loads into one database would share the staging tables; loads into two databases may run.
   */
  private static final String LOCK = "CONCAT('cfmr-load-mysql:', DATABASE())";

  private final LoadSettings settings;
  private final Configuration conf;
  private final Schema schema = Schema.load();
  private int failAfterTables = -1;

  MysqlLoader(LoadSettings settings, Configuration conf) {
    this.settings = settings;
    this.conf = conf;
  }

  /** Loads {@code settings.input()} into the database; see the class comment. */
  public static LoadSummary load(LoadSettings settings) {
    return new MysqlLoader(settings, HadoopRuntime.configuration()).run();
  }

  /** For tests: stop dead (as a kill would) after filling {@code tables} staging tables. */
  MysqlLoader failingAfter(int tables) {
    this.failAfterTables = tables;
    return this;
  }

  LoadSummary run() {
    long start = System.nanoTime();
    Path work = createWorkFolder();
    try {
      PreparedLoad prepared = PreparedLoad.prepare(settings, work, conf);
      try (Connection connection = Database.connect(settings.jdbcUrl(), settings.user(),
          settings.password(), work)) {
        return load(connection, prepared, start);
      } catch (SQLException e) {
        throw new CfmrException(UrlPasswords.hide("loading into " + settings.jdbcUrl()
            + " failed: " + Database.firstLine(e.getMessage()), settings.jdbcUrl()), e);
      }
    } finally {
      deleteWorkFolder(work);
    }
  }

  private LoadSummary load(Connection connection, PreparedLoad prepared, long start)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      lock(statement);
      try {
        dropLeftovers(statement);
        for (String table : schema.tables()) {
          statement.execute(schema.createStatement(table, table));
          statement.execute(schema.createWithoutSecondaryKeys(table, table + STAGING));
        }
        Map<String, LoadSummary.TableLoad> loads = new LinkedHashMap<>();
        int filled = 0;
        for (PreparedLoad.Table table : prepared.tables()) {
          loads.put(table.name(), loadData(statement, table));
          if (++filled == failAfterTables) {
            throw new CfmrException("stopped after " + filled + " tables (test hook)");
          }
        }
        int runId = recordRun(connection, statement, prepared, start);
        for (String table : schema.tables()) {
          if (!loads.containsKey(table)) {
            addSecondaryKeys(statement, table);
          }
        }
        swap(statement);
        return new LoadSummary(runId, loads, List.copyOf(prepared.missing()),
            (System.nanoTime() - start) / 1e9);
      } finally {
        statement.execute("DO RELEASE_LOCK(" + LOCK + ")");
      }
    }
  }

  private void lock(Statement statement) throws SQLException {
    try (ResultSet result = statement.executeQuery("SELECT GET_LOCK(" + LOCK + ", 0)")) {
      if (!result.next() || result.getInt(1) != 1) {
        throw new CfmrException("another cfmr load-mysql is loading "
            + UrlPasswords.shown(settings.jdbcUrl())
            + "; try again when it has finished");
      }
    }
  }

  /** Drops the staging and old tables a failed or killed load left behind. */
  private void dropLeftovers(Statement statement) throws SQLException {
    String names = schema.tables().stream()
        .flatMap(table -> Stream.of(table + STAGING, table + OLD))
        .collect(Collectors.joining(", "));
    statement.execute("DROP TABLE IF EXISTS " + names);
  }

  private LoadSummary.TableLoad loadData(Statement statement, PreparedLoad.Table table)
      throws SQLException {
    long start = System.nanoTime();
    String file = table.data().toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'");
    // The file's columns are the table's, in the schema's order.
    long rows = statement.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE "
        + table.name() + STAGING + " CHARACTER SET utf8mb4"
        + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'");
    SQLWarning warning = statement.getWarnings();
    if (rows != table.rows() || warning != null) {
      throw new CfmrException("loading " + table.name() + ": the database took " + rows + " of "
          + table.rows() + " rows" + (warning == null ? "" : " (" + warning.getMessage() + ")"));
    }
    addSecondaryKeys(statement, table.name());
    LoadSummary.TableLoad load = new LoadSummary.TableLoad(rows, (System.nanoTime() - start) / 1e9);
    System.err.printf(Locale.ROOT, "loaded %s: %,d rows, %.1fs, %,.0f rows/s%n", table.name(),
        rows, load.seconds(), load.rowsPerSecond());
    return load;
  }

  private void addSecondaryKeys(Statement statement, String table) throws SQLException {
    Optional<String> keys = schema.addSecondaryKeys(table, table + STAGING);
    if (keys.isPresent()) {
      statement.execute(keys.get());
    }
  }

  /** Fills the staging {@code schema_version}, {@code runs} and {@code run_files}. */
  private int recordRun(Connection connection, Statement statement, PreparedLoad prepared,
      long start) throws SQLException {
    statement.executeUpdate("INSERT INTO schema_version" + STAGING + " VALUES (" + schema.version() + ")");
    keepRows(statement, "runs");
    keepRows(statement, "run_files");
    int runId;
    try (ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM runs")) {
      result.next();
      runId = result.getInt(1);
    }
    try (PreparedStatement run = connection.prepareStatement("INSERT INTO runs" + STAGING
        + " (id, loaded_at, source, cfmr_version, run_json, metrics_json, missing_files, seconds)"
        + " VALUES (?, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?)")) {
      run.setInt(1, runId);
      run.setString(2, settings.input().toString());
      run.setString(3, prepared.cfmrVersion());
      run.setString(4, prepared.runJson());
      run.setString(5, prepared.metricsJson());
      run.setString(6, String.join(",", prepared.missing()));
      run.setDouble(7, (System.nanoTime() - start) / 1e9);
      run.executeUpdate();
    }
    try (PreparedStatement file = connection.prepareStatement(
        "INSERT INTO run_files" + STAGING + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (PreparedLoad.SourceFile source : prepared.files()) {
        file.setInt(1, runId);
        file.setString(2, source.name());
        file.setString(3, source.table());
        file.setString(4, source.path());
        file.setLong(5, source.bytes());
        file.setString(6, source.sha256());
        file.setLong(7, source.rows());
        file.addBatch();
      }
      file.executeBatch();
    }
    return runId;
  }

  /**
   * Copies the live {@code table}'s rows into its staging table, by the columns both have: tables
   * of an older schema lack the newer columns, which stay NULL for their rows.
   */
  private static void keepRows(Statement statement, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("SELECT live.column_name"
        + " FROM information_schema.columns live JOIN information_schema.columns staging"
        + " ON staging.table_schema = live.table_schema AND staging.column_name = live.column_name"
        + " AND staging.table_name = '" + table + STAGING + "'"
        + " WHERE live.table_schema = DATABASE() AND live.table_name = '" + table + "'"
        + " ORDER BY live.ordinal_position")) {
      while (rows.next()) {
        columns.add(rows.getString(1));
      }
    }
    String list = String.join(", ", columns);
    statement.executeUpdate("INSERT INTO " + table + STAGING + " (" + list + ") SELECT " + list
        + " FROM " + table);
  }

  /** One {@code RENAME TABLE} for all tables: atomic, so readers never see a mix. */
  private void swap(Statement statement) throws SQLException {
    List<String> renames = new ArrayList<>();
    for (String table : schema.tables()) {
      renames.add(table + " TO " + table + OLD);
      renames.add(table + STAGING + " TO " + table);
    }
    statement.execute("RENAME TABLE " + String.join(", ", renames));
    statement.execute("DROP TABLE " + schema.tables().stream().map(table -> table + OLD)
        .collect(Collectors.joining(", ")));
  }

  private static Path createWorkFolder() {
    try {
      return Files.createTempDirectory("cfmr-load-mysql-");
    } catch (IOException e) {
      throw new CfmrException("cannot create a temporary folder: " + e.getMessage(), e);
    }
  }

  private static void deleteWorkFolder(Path work) {
    try (Stream<Path> files = Files.walk(work)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + work, e);
    }
  }
}
