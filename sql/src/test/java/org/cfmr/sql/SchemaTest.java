package org.cfmr.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** sql/schema.sql as the loader reads it from the classpath. */
class SchemaTest {
  @Test
  void theShippedSchemaHasEveryTableAndAVersion() {
    Schema schema = Schema.load();
    assertEquals(6, schema.version());
    assertEquals(List.of("schema_version", "runs", "run_files", "movies",
        "movie_title_words", "links", "ratings_train",
        "ratings_test", "movie_stats", "item_predictor", "dataset_charts", "user_neighbors", "item_neighbors", "user_ranking_neighbors",
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
  void secondaryKeysCanBeLeftOutAndAddedAfterwards() {
    Schema schema = Schema.parse("-- schema_version: 1\n"
        + "CREATE TABLE IF NOT EXISTS r (\n  u INT NOT NULL,\n  m DECIMAL(2,1) NOT NULL,\n"
        + "  PRIMARY KEY (u),\n  KEY r_by_m (m),\n  UNIQUE KEY r_by_m_u (m, u)\n) ENGINE=InnoDB;\n"
        + "CREATE TABLE IF NOT EXISTS plain (\n  x INT NOT NULL PRIMARY KEY\n);\n");
    assertEquals("CREATE TABLE IF NOT EXISTS r__staging (\n  u INT NOT NULL,\n"
        + "  m DECIMAL(2,1) NOT NULL,\n  PRIMARY KEY (u)\n) ENGINE=InnoDB",
        schema.createWithoutSecondaryKeys("r", "r__staging"));
    assertEquals(Optional.of("ALTER TABLE r__staging ADD KEY r_by_m (m),"
        + " ADD UNIQUE KEY r_by_m_u (m, u)"), schema.addSecondaryKeys("r", "r__staging"));
    assertEquals(schema.createStatement("plain", "p2"),
        schema.createWithoutSecondaryKeys("plain", "p2"));
    assertEquals(Optional.empty(), schema.addSecondaryKeys("plain", "p2"));
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
