package org.cfmr.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of {@code sql/schema.sql} (read from the classpath): each table's
 * {@code CREATE TABLE IF NOT EXISTS} statement, in the file's order, and the schema version the file
 * declares ({@code -- schema_version: N}). A statement can be had for the table's own name or for a
 * staging name, so that a load builds its new tables with exactly the schema's structure: either
 * whole, or without its secondary keys and then the statement that adds them (each column and
 * key of a statement is on a line of its own).
 */
public final class Schema {
  static final String RESOURCE = "schema.sql";
  private static final Pattern VERSION = Pattern.compile("(?m)^-- schema_version: (\\d+)$");
  private static final Pattern CREATE =
      Pattern.compile("^CREATE TABLE IF NOT EXISTS (\\w+) \\(", Pattern.CASE_INSENSITIVE);
  /** A line of a statement that defines a secondary key ({@code KEY}, {@code UNIQUE KEY}). */
  private static final Pattern SECONDARY_KEY =
      Pattern.compile("^\\s*(UNIQUE\\s+)?(KEY|INDEX)\\s", Pattern.CASE_INSENSITIVE);

  private final int version;
  private final Map<String, String> createStatements;

  private Schema(int version, Map<String, String> createStatements) {
    this.version = version;
    this.createStatements = createStatements;
  }

  /** The schema shipped with cfmr. */
  public static Schema load() {
    try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  static Schema parse(String text) {
    Matcher version = VERSION.matcher(text);
    if (!version.find()) {
      throw new IllegalStateException(RESOURCE + " declares no '-- schema_version: N'");
    }
    Map<String, String> creates = new LinkedHashMap<>();
    for (String statement : statements(text)) {
      Matcher create = CREATE.matcher(statement);
      if (!create.find()) {
        throw new IllegalStateException(RESOURCE + " holds a statement that is not "
            + "'CREATE TABLE IF NOT EXISTS name (': " + statement.lines().findFirst().orElse(""));
      }
      creates.put(create.group(1), statement);
    }
    return new Schema(Integer.parseInt(version.group(1)), creates);
  }

  /** The statements of the file: comment lines dropped, split at a {@code ;} ending a line. */
  private static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException(RESOURCE + " ends inside a statement");
    }
    return statements;
  }

  public int version() {
    return version;
  }

  /** The table names, in the schema's order. */
  public List<String> tables() {
    return List.copyOf(createStatements.keySet());
  }

  /** The statement creating {@code table} under the name {@code name} (when it does not exist). */
  public String createStatement(String table, String name) {
    String statement = createStatements.get(table);
    if (statement == null) {
      throw new IllegalArgumentException("no table " + table + " in " + RESOURCE);
    }
    return CREATE.matcher(statement).replaceFirst("CREATE TABLE IF NOT EXISTS " + name + " (");
  }

  /**
   * The statement creating {@code table} as {@code name} without its secondary keys. A bulk load
   * fills such a table in primary-key order; {@link #addSecondaryKeys} then builds each key by
   * sorting its entries once, where a table created whole takes them row by row, in the random
   * order of the key, through a buffer pool that at ml-32m's size holds a fraction of the index.
   */
  public String createWithoutSecondaryKeys(String table, String name) {
    List<String> lines = createStatement(table, name).lines().toList();
    if (secondaryKeys(lines).isEmpty()) {
      return createStatement(table, name);
    }
    List<String> definitions = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      if (!SECONDARY_KEY.matcher(line).find()) {
        definitions.add(withoutTrailingComma(line));
      }
    }
    return lines.get(0) + "\n" + String.join(",\n", definitions) + "\n"
        + lines.get(lines.size() - 1);
  }

  /**
   * The {@code ALTER TABLE} that gives {@code name} (made by {@link #createWithoutSecondaryKeys})
   * the secondary keys of {@code table}, all in one statement; empty when it has none.
   */
  public Optional<String> addSecondaryKeys(String table, String name) {
    List<String> keys = secondaryKeys(createStatement(table, name).lines().toList());
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("ALTER TABLE " + name + " "
        + String.join(", ", keys.stream().map(key -> "ADD " + key).toList()));
  }

  private static List<String> secondaryKeys(List<String> lines) {
    return lines.stream().filter(line -> SECONDARY_KEY.matcher(line).find())
        .map(line -> withoutTrailingComma(line).strip()).toList();
  }

  private static String withoutTrailingComma(String line) {
    String stripped = line.stripTrailing();
    return stripped.endsWith(",") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
