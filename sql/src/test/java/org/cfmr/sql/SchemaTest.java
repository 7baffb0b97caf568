package org.cfmr.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** sql/schema.sql as the loader reads it from the classpath. */
class SchemaTest {
  @Test
  void theShippedSchemaHasEveryTableAndAVersion() {
    Schema schema = Schema.load();
    assertEquals(3, schema.version());
    assertEquals(List.of("schema_version", "runs", "run_files", "movies", "links", "ratings_train",
        "ratings_test", "user_neighbors", "item_neighbors", "user_ranking_neighbors",
        "item_ranking_neighbors", "user_item_predictions"), schema.tables());
    for (String table : schema.tables()) {
      assertTrue(schema.createStatement(table, table).contains("utf8mb4"), table);
    }
  }

  @Test
  void aStagingStatementRenamesOnlyTheTable() {
    Schema schema = Schema.parse("-- schema_version: 3\n-- a comment\n"
        + "CREATE TABLE IF NOT EXISTS movies (\n  movie_id INT -- movies\n);\n");
    assertEquals("CREATE TABLE IF NOT EXISTS movies__staging (\n  movie_id INT -- movies\n)",
        schema.createStatement("movies", "movies__staging"));
    assertEquals(3, schema.version());
  }

  @Test
  void aSchemaWithoutAVersionOrWithOtherStatementsIsRejected() {
    assertThrows(IllegalStateException.class, () -> Schema.parse("CREATE TABLE IF NOT EXISTS a (x INT);\n"));
    assertThrows(IllegalStateException.class,
        () -> Schema.parse("-- schema_version: 1\nDROP TABLE movies;\n"));
    assertThrows(IllegalStateException.class,
        () -> Schema.parse("-- schema_version: 1\nCREATE TABLE IF NOT EXISTS a (x INT)\n"));
  }
}
