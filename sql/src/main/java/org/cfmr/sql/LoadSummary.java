package org.cfmr.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a load put in the database: the run's id in {@code runs}, the rows of each table (in the
 * schema's order) with the rate they loaded at, the pipeline files that were absent, and the wall
 * time.
 */
public record LoadSummary(int runId, Map<String, TableLoad> tables, List<String> missingFiles,
    double seconds) {

  /** One table: its rows and how fast {@code LOAD DATA} put them in. */
  public record TableLoad(long rows, double seconds) {
    public double rowsPerSecond() {
      return seconds > 0 ? rows / seconds : 0;
    }
  }

  /** The rows now in {@code table}. */
  public long rows(String table) {
    TableLoad load = tables.get(table);
    if (load == null) {
      throw new IllegalArgumentException("no table " + table);
    }
    return load.rows();
  }

  /** The summary printed by {@code cfmr load-mysql}. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "loaded run %d in %.1fs%n", runId, seconds));
    tables.forEach((table, load) -> text.append(String.format(Locale.ROOT,
        "  %-22s %,12d rows  %,12.0f rows/s%n", table, load.rows(), load.rowsPerSecond())));
    if (!missingFiles.isEmpty()) {
      text.append("  not in the output folder (their tables are empty): ")
          .append(String.join(", ", missingFiles)).append(System.lineSeparator());
    }
    return text.toString();
  }
}
