package org.cfmr.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cfmr.cli.Main;
import org.cfmr.core.StableHash;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.SharedData;
import org.cfmr.core.testing.TestDatabase;
import org.cfmr.web.ServeSettings;
import org.cfmr.web.WebApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rating loop end to end: a pipeline run on the bundled data loaded into MariaDB, ratings
 * given on the dashboard by user 1 and by a new user, {@code cfmr export-ratings}, and the next
 * pipeline run on the exported dataset, whose split holds every one of them. The expected lines
 * are derived from the bundled ratings.csv read plainly.
 */
class ExportRatingsTest {
  @TempDir static Path dir;
  private static TestDatabase database;
  private static List<String> bundled;
  private static int newMovie;
  private static int replacedMovie;
  private static final List<Integer> NEW_USER_MOVIES = List.of(1, 260, 296);

  @BeforeAll
  static void rateOnTheDashboard() throws Exception {
    database = new TestDatabase();
    database.dropAllTables();
    assertEquals(0, Main.run("pipeline", "--output", dir.resolve("first").toString(),
        "--jdbc-url", database.url, "--user", database.user));
    bundled = Files.readAllLines(SharedData.bundled("ratings.csv"));
    List<Integer> ratedByOne = new ArrayList<>();
    for (String line : bundled.subList(1, bundled.size())) {
      if (line.startsWith("1,")) {
        ratedByOne.add(Integer.parseInt(line.split(",")[1]));
      }
    }
    replacedMovie = ratedByOne.get(0);
    List<String> movies = Files.readAllLines(SharedData.bundled("movies.csv"));
    newMovie = movies.subList(1, movies.size()).stream()
        .map(line -> Integer.parseInt(line.split(",")[0]))
        .filter(movie -> !ratedByOne.contains(movie) && StableHash.unit(42, 1, movie) < 0.8)
        .findFirst().orElseThrow();
    WebApp app = new WebApp(new ServeSettings(database.url, database.user, database.password,
        "127.0.0.1", 0, null, "http://127.0.0.1:1", "http://127.0.0.1:1/img"));
    String base = "http://127.0.0.1:" + app.start();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    try {
      browser.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      post(browser, base + "/users/1/ratings", Map.of("movieId", String.valueOf(newMovie),
          "rating", "4.5"));
      post(browser, base + "/users/1/ratings", Map.of("movieId", String.valueOf(replacedMovie),
          "rating", "0.5"));
      String newUser = post(browser, base + "/new", Map.of()).headers().firstValue("Location")
          .orElseThrow();
      for (int movie : NEW_USER_MOVIES) {
        post(browser, base + newUser + "/ratings", Map.of("movieId", String.valueOf(movie),
            "rating", "3"));
      }
    } finally {
      app.stop();
    }
  }

  private static HttpResponse<String> post(HttpClient browser, String url, Map<String, String> form)
      throws Exception {
    String csrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore()
        .getCookies().stream().filter(c -> c.getName().equals("cfmr_csrf")).findFirst()
        .orElseThrow().getValue();
    Map<String, String> fields = new java.util.HashMap<>(form);
    fields.put("csrf", csrf);
    String body = fields.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(303, response.statusCode(), url + ": " + response.body());
    return response;
  }

  /** {@code user,movie,} of a line, the key a rating replaces. */
  private static String pair(String line) {
    String[] fields = line.split(",");
    return fields[0] + "," + fields[1] + ",";
  }

  private static int highestUser() {
    return bundled.subList(1, bundled.size()).stream()
        .mapToInt(line -> Integer.parseInt(line.split(",")[0])).max().orElseThrow();
  }

  @Test
  void theExportHoldsTheDatasetWithTheDashboardsRatingsAndTheNextSplitKeepsThem()
      throws Exception {
    Path next = dir.resolve("next");
    assertEquals(0, Main.run("export-ratings", "--jdbc-url", database.url, "--user",
        database.user, "--input", SharedData.bundled("ratings.csv").getParent().toString(),
        "--output", next.resolve("ratings.csv").toString()));

    List<String> exported = Files.readAllLines(next.resolve("ratings.csv"));
    assertEquals("userId,movieId,rating,timestamp", exported.get(0));
    int newUser = highestUser() + 1;
    List<String> pairs = exported.subList(1, exported.size()).stream()
        .map(ExportRatingsTest::pair).toList();
    List<String> expectedPairs = new ArrayList<>(bundled.subList(1, bundled.size()).stream()
        .map(ExportRatingsTest::pair).filter(p -> !p.equals("1," + replacedMovie + ",")).toList());
    expectedPairs.add("1," + newMovie + ",");
    expectedPairs.add("1," + replacedMovie + ",");
    NEW_USER_MOVIES.forEach(movie -> expectedPairs.add(newUser + "," + movie + ","));
    assertEquals(expectedPairs.stream().sorted().toList(), pairs.stream().sorted().toList());
    assertTrue(exported.stream().anyMatch(line -> line.startsWith("1," + replacedMovie + ",0.5,")));
    for (String name : List.of("movies.csv", "links.csv")) {
      assertEquals(-1, Files.mismatch(SharedData.bundled(name), next.resolve(name)), name);
    }

    Path second = dir.resolve("second");
    assertEquals(0, Main.run("pipeline", "--input", next.resolve("ratings.csv").toString(),
        "--output", second.toString()));
    List<String> train = Files.readAllLines(second.resolve(PipelineFiles.TRAIN));
    List<String> split = new ArrayList<>(train);
    split.addAll(Files.readAllLines(second.resolve(PipelineFiles.TEST)));
    assertTrue(train.stream().anyMatch(line -> line.startsWith("1," + newMovie + ",4.5,")),
        "user 1's new rating is in the next train split");
    assertTrue(split.stream().anyMatch(line -> line.startsWith("1," + replacedMovie + ",0.5,")));
    for (int movie : NEW_USER_MOVIES) {
      assertTrue(split.stream().anyMatch(line -> line.startsWith(newUser + "," + movie + ",3.0,")),
          "the new user's rating of " + movie);
    }
    assertEquals(exported.size() - 1, split.size());
  }

  @Test
  void anExistingOutputIsKeptWithoutOverwrite() throws Exception {
    Path taken = dir.resolve("taken");
    Files.createDirectories(taken);
    Files.writeString(taken.resolve("ratings.csv"), "mine\n");
    assertNotEquals(0, Main.run("export-ratings", "--jdbc-url", database.url, "--user",
        database.user, "--input", SharedData.bundled("ratings.csv").toString(),
        "--output", taken.resolve("ratings.csv").toString()));
    assertEquals("mine\n", Files.readString(taken.resolve("ratings.csv")));
  }
}
