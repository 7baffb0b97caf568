package org.cfmr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.cfmr.core.testing.TestDatabase;
import org.cfmr.web.ServeSettings;
import org.cfmr.web.WebApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfmr pipeline --jdbc-url … --user …} on the bundled data, against the real server
 * {@code .ci/run} starts (the password from {@code CFMR_DB_PASSWORD}, as a user runs it): every
 * table holds exactly the rows of its file, the dashboard's queries read back what the files
 * say, in their order, and the dashboard of this run without ALS shows no ALS list.
 */
class PipelineMysqlTest {
  @TempDir static Path dir;
  static TestDatabase database;
  static Path output;

  @BeforeAll
  static void runThePipelineIntoTheDatabase() throws Exception {
    database = new TestDatabase();
    database.dropAllTables();
    output = dir.resolve("out");
    assertEquals(0, Main.run("pipeline", "--output", output.toString(), "--top-n", "20",
        "--jdbc-url", database.url, "--user", database.user));
  }

  @Test
  void everyTableHoldsTheRowsOfItsFile() throws Exception {
    assertEquals(lines(PipelineFiles.TRAIN), database.count("SELECT COUNT(*) FROM ratings_train"));
    assertEquals(lines(PipelineFiles.TEST), database.count("SELECT COUNT(*) FROM ratings_test"));
    assertEquals(neighbours(PipelineFiles.USER_NEIGHBOURS).size(),
        database.count("SELECT COUNT(*) FROM user_neighbors"));
    assertEquals(neighbours(PipelineFiles.ITEM_NEIGHBOURS).size(),
        database.count("SELECT COUNT(*) FROM item_neighbors"));
    assertEquals(lines(PipelineFiles.USER_BASED_RECOMMENDATIONS), database.count(
        "SELECT COUNT(*) FROM user_item_predictions WHERE method = 'user'"));
    assertEquals(lines(PipelineFiles.ITEM_BASED_RECOMMENDATIONS), database.count(
        "SELECT COUNT(*) FROM user_item_predictions WHERE method = 'item'"));
    assertEquals(bundledLines("movies.csv") - 1, database.count("SELECT COUNT(*) FROM movies"));
    assertEquals(bundledLines("links.csv") - 1, database.count("SELECT COUNT(*) FROM links"));
  }

  @Test
  void neighboursOfAUserAndAMovieComeBackInTheFilesOrder() throws Exception {
    assertEquals(neighbours(PipelineFiles.USER_NEIGHBOURS).stream()
            .filter(row -> row.startsWith("1|")).toList(),
        database.rows("SELECT user_id, neighbor_rank, neighbor_id, similarity FROM user_neighbors"
            + " WHERE user_id = 1 ORDER BY neighbor_rank"));
    assertEquals(neighbours(PipelineFiles.ITEM_NEIGHBOURS).stream()
            .filter(row -> row.startsWith("318|")).toList(),
        database.rows("SELECT movie_id, neighbor_rank, neighbor_id, similarity FROM item_neighbors"
            + " WHERE movie_id = 318 ORDER BY neighbor_rank"));
  }

  @Test
  void theRecommendationsOfUserOneAreTheFilesWithTitles() throws Exception {
    List<String> expected = Files.readAllLines(output.resolve(
            PipelineFiles.ITEM_BASED_RECOMMENDATIONS)).stream()
        .filter(line -> line.startsWith("1,")).map(line -> line.split(",")[1]).toList();
    assertEquals(20, expected.size());
    List<String> actual = database.query("SELECT p.movie_id FROM user_item_predictions p"
        + " JOIN movies m ON m.movie_id = p.movie_id"
        + " WHERE p.user_id = 1 AND p.method = 'item' ORDER BY p.prediction_rank");
    assertEquals(expected, actual);
  }

  @Test
  void theRunRecordNamesTheLoadedFiles() throws Exception {
    List<String> files = database.query("SELECT file_name FROM run_files ORDER BY file_name");
    assertTrue(files.containsAll(List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
        PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS)), files.toString());
  }

  @Test
  void theDashboardOfARunWithoutAlsShowsTheKnnListsAndNoAlsList() throws Exception {
    assertTrue(Files.notExists(output.resolve(PipelineFiles.ALS_RECOMMENDATIONS)));
    WebApp app = new WebApp(new ServeSettings(database.url, database.user, database.password,
        "127.0.0.1", 0, null, "http://127.0.0.1:1", "http://127.0.0.1:1/img"));
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + app.start() + "/users/1")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      Document page = Jsoup.parse(response.body());
      assertEquals(20, page.select("#user-based tr[data-movie]").size());
      assertEquals(20, page.select("#item-based tr[data-movie]").size());
      assertTrue(page.select("#als").isEmpty(), "no ALS section");
      String counts = page.select("h1 + p").text();
      assertTrue(counts.contains(" · 20 user-based and 20 item-based recommendations · "), counts);
      assertFalse(counts.contains("ALS"), counts);
    } finally {
      app.stop();
    }
  }

  private static long lines(String name) throws IOException {
    try (Stream<String> lines = Files.lines(output.resolve(name))) {
      return lines.count();
    }
  }

  private static long bundledLines(String name) throws IOException {
    try (Stream<String> lines = Files.lines(SharedData.bundled(name))) {
      return lines.count();
    }
  }

  /** A neighbour file as rows {@code id|rank|neighbour|similarity}, in the file's order. */
  private static List<String> neighbours(String name) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(output.resolve(name))) {
      String[] idAndList = line.split("\t");
      String[] entries = idAndList[1].split(",");
      for (int rank = 1; rank <= entries.length; rank++) {
        String[] neighbourAndSimilarity = entries[rank - 1].split(":");
        rows.add(idAndList[0] + "|" + rank + "|" + neighbourAndSimilarity[0] + "|"
            + neighbourAndSimilarity[1]);
      }
    }
    return rows;
  }
}
