package org.cfmr.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.web.Posters;
import org.cfmr.web.ServeSettings;
import org.cfmr.web.WebApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's handlers against a real MariaDB loaded by {@code cfmr load-mysql} from a
 * {@code cfmr pipeline} run on the bundled data, checked against the pipeline's own files read
 * plainly ({@link PipelineOracle}) and the bundled movies.csv.
 */
class ServeHandlersTest {
  private static ServedDatabase database;
  private static PipelineOracle oracle;
  private static WebApp app;
  private static String base;
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    database = ServedDatabase.get();
    oracle = new PipelineOracle(database.output);
    app = new WebApp(settings(database.url, null, "http://127.0.0.1:1"));
    base = "http://127.0.0.1:" + app.start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private static ServeSettings settings(String url, String tmdbKey, String tmdbUrl) {
    return new ServeSettings(url, database.user, database.password, "127.0.0.1", 0, tmdbKey,
        tmdbUrl, tmdbUrl + "/img");
  }

  private HttpResponse<String> get(String url) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private Document page(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + "\n" + response.body());
    return Jsoup.parse(response.body());
  }

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return browser.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<Integer> ids(Document page, String rows, String attribute) {
    return page.select(rows).stream().map(row -> Integer.parseInt(row.attr(attribute))).toList();
  }

  @Test
  void userOnesDashboardListsExactlyTheirRatingsRecommendationsAndNeighbours() throws Exception {
    Document page = page("/users/1");
    Map<Integer, Double> rated = oracle.byUser.get(1);
    Map<Integer, String> shown = new LinkedHashMap<>();
    for (Element row : page.select("#rated tr[data-movie]")) {
      shown.put(Integer.parseInt(row.attr("data-movie")), row.select("td").last().text());
    }
    assertEquals(rated.size(), shown.size());
    rated.forEach((movie, rating) ->
        assertEquals(String.format(Locale.ROOT, "%.1f", rating), shown.get(movie), "movie " + movie));
    assertEquals(oracle.recommendations(PipelineFiles.USER_BASED_RECOMMENDATIONS, 1).subList(0, 30),
        ids(page, "#user-based tr[data-movie]", "data-movie"));
    assertEquals(oracle.recommendations(PipelineFiles.ITEM_BASED_RECOMMENDATIONS, 1).subList(0, 30),
        ids(page, "#item-based tr[data-movie]", "data-movie"));
    assertEquals(50, page.select("#similar-users tr[data-user]").size());
    assertTrue(page.text().contains("Toy Story (1995)"), "titles are shown");
  }

  /**
   * The pipeline ran with {@code --models knn,als}: beside the kNN lists, ALS's, the first 30 lines
   * of the user's in recommendations_als.csv with their titles and predictions, and no neighbours.
   */
  @Test
  void theAlsListIsTheUsersFirstLinesOfTheAlsFile() throws Exception {
    List<String[]> lines = oracle.recommendationLines(PipelineFiles.ALS_RECOMMENDATIONS);
    int user = Integer.parseInt(lines.get(0)[0]);
    Document page = page("/users/" + user);
    assertEquals("Recommended by ALS", page.select("#als h2").text());
    List<Element> rows = page.select("#als tr[data-movie]");
    assertEquals(BundledMovie.title(Integer.parseInt(lines.get(0)[1])),
        rows.get(0).select("td a").first().text());
    List<String[]> usersLines = lines.stream()
        .filter(line -> line[0].equals(String.valueOf(user))).limit(30).toList();
    assertEquals(30, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<Element> cells = rows.get(i).select("td");
      assertEquals(String.valueOf(i + 1), cells.get(0).text());
      assertEquals(usersLines.get(i)[1], rows.get(i).attr("data-movie"));
      assertEquals(PipelineOracle.twoDecimals(Double.parseDouble(usersLines.get(i)[2])),
          cells.get(2).text());
    }
    assertTrue(page.select("#als .reason, #als .evidence").isEmpty(), "no neighbours behind ALS");
    assertTrue(page.text().contains("30 user-based, 30 item-based and 30 ALS recommendations"),
        page.select("h1 + p").text());
  }

  /**
   * Each item-based recommendation is backed by the user's rated movies among its ranking
   * neighbours (how many, and the first three by rank); each user-based one by the ranking
   * neighbours who rated it.
   */
  @Test
  void eachRecommendationShowsTheRankingNeighboursBehindIt() throws Exception {
    Document page = page("/users/1");
    int reasons = 0;
    for (Element row : page.select("#item-based tr[data-movie]")) {
      int movie = Integer.parseInt(row.attr("data-movie"));
      List<Integer> backing = oracle.itemRankingNeighbours.get(movie).stream()
          .map(PipelineOracle.Neighbour::id).filter(oracle.byUser.get(1)::containsKey).toList();
      assertEquals(backing.stream().limit(3).toList(), row.select(".reason").stream()
          .map(reason -> Integer.parseInt(reason.attr("data-id"))).toList(), "reasons of movie " + movie);
      assertEquals(String.valueOf(backing.size()), row.select(".evidence").attr("data-support"));
      reasons += backing.size();
    }
    assertTrue(reasons > 0);
    for (Element row : page.select("#user-based tr[data-movie]")) {
      int movie = Integer.parseInt(row.attr("data-movie"));
      List<Integer> backing = oracle.userRankingNeighbours.get(1).stream()
          .map(PipelineOracle.Neighbour::id)
          .filter(v -> oracle.byUser.get(v).containsKey(movie)).toList();
      assertEquals(backing.stream().limit(3).toList(), row.select(".reason").stream()
          .map(reason -> Integer.parseInt(reason.attr("data-id"))).toList(), "reasons of movie " + movie);
      assertEquals(String.valueOf(backing.size()), row.select(".evidence").attr("data-support"));
    }
  }

  @Test
  void aMoviePageShowsItsNeighboursInRankOrderWithSupportAndItsRatings() throws Exception {
    Document page = page("/movies/1");
    assertEquals("Toy Story (1995)", page.select("#title").text());
    List<PipelineOracle.Neighbour> neighbours = oracle.itemNeighbours.get(1);
    assertEquals(neighbours.stream().map(PipelineOracle.Neighbour::id).toList(),
        ids(page, "#similar-movies tr[data-movie]", "data-movie"));
    List<Element> rows = page.select("#similar-movies tr[data-movie]");
    for (int i = 0; i < rows.size(); i++) {
      List<Element> cells = rows.get(i).select("td");
      assertEquals(String.valueOf(i + 1), cells.get(0).text());
      assertEquals(String.format(Locale.ROOT, "%.3f", neighbours.get(i).similarity()),
          cells.get(3).text());
      assertEquals(String.valueOf(oracle.support(1, neighbours.get(i).id())), cells.get(4).text());
    }
    assertEquals(oracle.byMovie.get(1).size() + " ratings in train, mean "
        + PipelineOracle.twoDecimals(oracle.mean(1)), page.select("#stats").text());
    assertEquals("https://www.imdb.com/title/tt0114709/", page.select("a:contains(IMDb)").attr("href"));
    assertEquals("https://www.themoviedb.org/movie/862", page.select("a:contains(TMDB)").attr("href"));
    assertFalse(page.select(".placeholder").isEmpty(), "no TMDB key: the placeholder");
  }

  @Test
  void searchFindsTitlesWithWordsBeginningWithTheQuerysFiltersByGenreAndPages() throws Exception {
    List<String[]> movies = new ArrayList<>();
    for (BundledMovie line : BundledMovie.read()) {
      movies.add(new String[] {line.id(), line.title(), line.genres()});
    }
    for (String[] search : new String[][] {{"toy", ""}, {"LOVE", "Comedy"}, {"the", "Drama"},
        {"50%", ""}, {"", "Film-Noir"}, {"toy sto", ""}, {"amelie", ""}, {"star WARS", "Sci-Fi"},
        {"wars, star", ""}}) {
      Set<Integer> expected = new TreeSet<>();
      for (String[] movie : movies) {
        if (titleMatches(movie[1], search[0])
            && (search[1].isEmpty() || List.of(movie[2].split("\\|")).contains(search[1]))) {
          expected.add(Integer.parseInt(movie[0]));
        }
      }
      Set<Integer> found = new TreeSet<>();
      int pages = 1;
      for (int p = 1; p <= pages; p++) {
        Document page = page("/library?q=" + URLEncoder.encode(search[0], StandardCharsets.UTF_8)
            + "&genre=" + search[1] + "&page=" + p);
        String summary = page.select("#found").text();
        assertTrue(summary.startsWith(expected.size() + " movies"), summary);
        pages = Integer.parseInt(summary.replaceAll(".* of ", ""));
        List<Integer> rows = ids(page, "#movies tr[data-movie]", "data-movie");
        assertTrue(rows.size() <= 25);
        found.addAll(rows);
      }
      assertEquals(expected, found, "search " + List.of(search));
    }
    assertEquals(400, get("/library?genre=Nonsense").statusCode());
  }

  /** Whether each word of {@code query} begins a word of {@code title}. */
  private static boolean titleMatches(String title, String query) {
    List<String> titleWords = searchWords(title);
    return searchWords(query).stream()
        .allMatch(word -> titleWords.stream().anyMatch(titleWord -> titleWord.startsWith(word)));
  }

  /** Letters and digits between the other characters, in lower case, accents taken off. */
  private static List<String> searchWords(String text) {
    String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{Mn}", "").toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    folded.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c)) {
        word.appendCodePoint(c);
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    });
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /** metrics.json's value of {@code key} for {@code model}, with four decimals. */
  private static String metric(com.fasterxml.jackson.databind.JsonNode metrics, String model,
      String key) {
    return String.format(Locale.ROOT, "%.4f", metrics.get(model).get(key).asDouble());
  }

  private static com.fasterxml.jackson.databind.JsonNode metricsFile() throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        java.nio.file.Files.readString(database.output.resolve(PipelineFiles.METRICS)));
  }

  @Test
  void theRunsPageListsTheLoadedRunWithItsMetrics() throws Exception {
    Document page = page("/runs");
    Element current = page.select("#runs tr[data-run]").first();
    assertNotNull(current, page.html());
    assertTrue(current.text().contains("current"), current.text());
    com.fasterxml.jackson.databind.JsonNode metrics = metricsFile();
    List<String> cells = current.select("td.num").eachText();
    assertEquals(List.of(metric(metrics, "user", "rmse"), metric(metrics, "item", "rmse"),
        metric(metrics, "user", "ndcg_at_n"), metric(metrics, "item", "ndcg_at_n")), cells);
  }

  /** A second run (its source marked up, one setting and one metric changed) against the first. */
  @Test
  void twoRunsComparedShowEachMetricItsChangeAndTheSettingsThatDiffer() throws Exception {
    int first = Integer.parseInt(page("/runs").select("#runs tr[data-run]").first().attr("data-run"));
    com.fasterxml.jackson.databind.JsonNode metrics = metricsFile();
    double userRmse = metrics.get("user").get("rmse").asDouble();
    String changedMetrics = java.nio.file.Files.readString(database.output.resolve(
        PipelineFiles.METRICS)).replaceFirst("\"rmse\"\\s*:\\s*[0-9.]+", "\"rmse\" : 1.25");
    String changedRun = java.nio.file.Files.readString(database.output.resolve(PipelineFiles.RUN))
        .replaceFirst("\"k\"\\s*:\\s*50", "\"k\" : 30");
    int second = first + 1;
    try (java.sql.Connection connection = database.connect();
        java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO runs (id,"
            + " loaded_at, source, cfmr_version, run_json, metrics_json, missing_files, seconds)"
            + " VALUES (?, CURRENT_TIMESTAMP, '<b>elsewhere</b>', 'test', ?, ?, '', 1)")) {
      insert.setInt(1, second);
      insert.setString(2, changedRun);
      insert.setString(3, changedMetrics);
      insert.executeUpdate();
    }
    try {
      HttpResponse<String> response = get("/runs?a=" + first + "&b=" + second);
      assertFalse(response.body().contains("<b>elsewhere</b>"), "the source is escaped");
      Document page = Jsoup.parse(response.body());
      assertEquals(List.of(second, first), ids(page, "#runs tr[data-run]", "data-run"));
      String firstModel = metrics.fieldNames().next();
      String name = metrics.get(firstModel).get("model").asText();
      Element changed = page.select("#compared-metrics tr[data-model='" + name + "'][data-metric=rmse]").first();
      assertNotNull(changed, page.select("#compared-metrics").html());
      assertEquals(metric(metrics, firstModel, "rmse"), changed.select(".a").text());
      assertEquals("1.2500", changed.select(".b").text());
      assertEquals(String.format(Locale.ROOT, "%+.4f",
          1.25 - metrics.get(firstModel).get("rmse").asDouble()), changed.select(".change").text());
      Element userRow = page.select("#compared-metrics tr[data-model=user-based][data-metric=rmse]").first();
      assertEquals(String.format(Locale.ROOT, "%.4f", userRmse), userRow.select(".b").text(),
          "only the first rmse was changed");
      assertEquals("+0.0000", userRow.select(".change").text());
      assertTrue(page.select("#compared-metrics tr[data-model=popularity][data-metric=rmse]").isEmpty(),
          "popularity has no RMSE, so no RMSE row");
      assertEquals(List.of("neighbours.k"), page.select("#compared-settings tr[data-setting]")
          .stream().filter(row -> row.select("td.changed").size() == 2)
          .map(row -> row.attr("data-setting")).toList());
      assertEquals(404, get("/runs?a=" + first + "&b=999999").statusCode());
    } finally {
      database.execute("DELETE FROM runs WHERE id = " + second);
    }
  }

  @Test
  void theDatasetPageShowsDescribesChartsOfTheLoadedRatings() throws Exception {
    Document page = page("/dataset");
    assertEquals(org.cfmr.report.DatasetCharts.names(true),
        page.select("figure").eachAttr("id"));
    Set<String> values = new TreeSet<>();
    for (String file : List.of(PipelineFiles.TRAIN, PipelineFiles.TEST)) {
      for (String line : java.nio.file.Files.readAllLines(database.output.resolve(file))) {
        values.add(line.split(",")[2]);
      }
    }
    Element byValue = page.select("figure#ratings-by-value").first();
    assertEquals("Ratings by value", byValue.attr("aria-label"));
    List<String> labels = byValue.select("svg text").eachText();
    for (String value : values) {
      assertTrue(labels.contains(value), value + " labels a bar: " + labels);
    }
  }

  @Test
  void unknownIdsArePagesNotFound() throws Exception {
    for (String path : List.of("/users/999999", "/users/abc", "/movies/999999999", "/movies/-1",
        "/new/nobody", "/new/AAAAAAAAAAAAAAAAAAAAAA", "/no/such/page")) {
      HttpResponse<String> response = get(path);
      assertEquals(404, response.statusCode(), path);
      assertTrue(response.body().contains("Not found"), path);
    }
  }

  @Test
  void aNewUserRatesThreeMoviesAndGetsTheItemBasedRecommendationsAtOnce() throws Exception {
    page("/");
    assertEquals(403, post("/new", Map.of()).statusCode(), "a POST without the token");
    assertEquals(403, post("/new", Map.of("csrf", "AAAAAAAAAAAAAAAAAAAAAA")).statusCode());
    HttpResponse<String> created = post("/new", Map.of("csrf", csrf()));
    assertEquals(303, created.statusCode());
    String newUser = created.headers().firstValue("Location").orElseThrow();
    Map<Integer, Double> rated = Map.of(1, 5.0, 260, 4.5, 296, 2.0);
    for (Map.Entry<Integer, Double> rating : rated.entrySet()) {
      assertEquals(303, post(newUser + "/ratings", Map.of("csrf", csrf(), "movieId",
          rating.getKey().toString(), "rating", rating.getValue().toString())).statusCode());
    }
    assertEquals(400, post(newUser + "/ratings", Map.of("csrf", csrf(), "movieId", "1",
        "rating", "7")).statusCode());
    assertEquals(400, post(newUser + "/ratings", Map.of("csrf", csrf(), "movieId", "999999999",
        "rating", "3")).statusCode());
    Document page = page(newUser);
    assertEquals(new TreeSet<>(rated.keySet()),
        new TreeSet<>(ids(page, "#your-ratings tr[data-movie]", "data-movie")));
    List<PipelineOracle.Ranked> expected = oracle.liveRecommendations(rated).subList(0, 30);
    List<Element> rows = page.select("#new-user-recommendations tr[data-movie]");
    assertEquals(expected.stream().map(PipelineOracle.Ranked::movie).toList(),
        rows.stream().map(row -> Integer.parseInt(row.attr("data-movie"))).toList());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(PipelineOracle.twoDecimals(expected.get(i).prediction()),
          rows.get(i).select("td").get(2).text());
      assertEquals(String.valueOf(expected.get(i).support()),
          rows.get(i).select(".evidence").attr("data-support"));
    }
    String csv = get(newUser + "/ratings.csv").body();
    assertEquals(List.of("movieId,title,rating", "1,Toy Story (1995),5.0",
        "260,Star Wars: Episode IV - A New Hope (1977),4.5", "296,Pulp Fiction (1994),2.0"),
        csv.lines().toList());
  }

  /**
   * User 1 rates their first item-based recommendation and a movie they rated in train: the page
   * lists both as rated here, and the item-based list is the one over all their ratings.
   */
  @Test
  void aMovieLensUserRatesAndTheirListIsComputedFromAllTheirRatings() throws Exception {
    Document before = page("/users/1");
    int recommended = Integer.parseInt(before.select("#item-based tr[data-movie]").first()
        .attr("data-movie"));
    int userBasedFirst = Integer.parseInt(before.select("#user-based tr[data-movie]").first()
        .attr("data-movie"));
    int trainRated = oracle.byUser.get(1).keySet().iterator().next();
    try {
      for (Map.Entry<Integer, String> rating : Map.of(recommended, "5", trainRated, "0.5",
          userBasedFirst, "3.5").entrySet()) {
        HttpResponse<String> posted = post("/users/1/ratings", Map.of("csrf", csrf(),
            "movieId", String.valueOf(rating.getKey()), "rating", rating.getValue()));
        assertEquals(303, posted.statusCode(), posted.body());
      }
      Document page = page("/users/1");
      assertEquals(new TreeSet<>(List.of(recommended, trainRated, userBasedFirst)),
          new TreeSet<>(ids(page, "#rated-here tr[data-movie]", "data-movie")));
      assertFalse(page.select("#live").isEmpty());
      Map<Integer, Double> rated = new java.util.HashMap<>(oracle.byUser.get(1));
      rated.put(recommended, 5.0);
      rated.put(trainRated, 0.5);
      rated.put(userBasedFirst, 3.5);
      List<PipelineOracle.Ranked> expected = oracle.liveRecommendations(rated).subList(0, 30);
      List<Element> rows = page.select("#item-based tr[data-movie]");
      assertEquals(expected.stream().map(PipelineOracle.Ranked::movie).toList(),
          rows.stream().map(row -> Integer.parseInt(row.attr("data-movie"))).toList());
      for (int k = 0; k < rows.size(); k++) {
        assertEquals(PipelineOracle.twoDecimals(expected.get(k).prediction()),
            rows.get(k).select("td").get(2).text());
      }
      assertFalse(ids(page, "#user-based tr[data-movie]", "data-movie").contains(userBasedFirst),
          "a movie rated here leaves the stored lists");
      assertEquals(400, post("/users/1/ratings", Map.of("csrf", csrf(), "movieId",
          String.valueOf(recommended), "rating", "6")).statusCode());
      assertEquals(404, post("/users/999999/ratings", Map.of("csrf", csrf(), "movieId",
          String.valueOf(recommended), "rating", "4")).statusCode());
      assertEquals(403, post("/users/1/ratings", Map.of("csrf", "forged", "movieId",
          String.valueOf(recommended), "rating", "4")).statusCode());
    } finally {
      database.execute("DELETE FROM web_user_ratings WHERE user_id = 1");
    }
  }

  /**
   * User 1 rates a movie on the dashboard as they rated it in train: their ratings are the same,
   * so the live list, ranked and predicted from the tables, is the run's item-based
   * recommendation file, movie for movie and prediction for prediction: the scorer of
   * {@code cfmr recommend} with the baseline that load-mysql fitted and the b_u folded in.
   */
  @Test
  void aMovieLensUserWhoseRatingsAreUnchangedGetsTheRunsItemBasedList() throws Exception {
    Map.Entry<Integer, Double> trainRating = oracle.byUser.get(1).entrySet().iterator().next();
    page("/users/1");
    try {
      assertEquals(303, post("/users/1/ratings", Map.of("csrf", csrf(), "movieId",
          trainRating.getKey().toString(), "rating", trainRating.getValue().toString()))
          .statusCode());
      Document page = page("/users/1");
      assertFalse(page.select("#live").isEmpty());
      List<String[]> file = oracle.recommendationLines(PipelineFiles.ITEM_BASED_RECOMMENDATIONS)
          .stream().filter(line -> line[0].equals("1")).toList().subList(0, 30);
      List<Element> rows = page.select("#item-based tr[data-movie]");
      assertEquals(file.stream().map(line -> line[1]).toList(),
          rows.stream().map(row -> row.attr("data-movie")).toList());
      for (int k = 0; k < rows.size(); k++) {
        assertEquals(PipelineOracle.twoDecimals(Double.parseDouble(file.get(k)[2])),
            rows.get(k).select("td").get(2).text(), "movie " + file.get(k)[1]);
      }
    } finally {
      database.execute("DELETE FROM web_user_ratings WHERE user_id = 1");
    }
  }

  @Test
  void aReadOnlyUserBrowsesAndIsToldThatNewUsersNeedWriteRights() throws Exception {
    WebApp readOnly = new WebApp(new ServeSettings(database.url, database.reader(),
        database.password, "127.0.0.1", 0, null, "http://127.0.0.1:1", "http://127.0.0.1:1/img"));
    String readOnlyBase = "http://127.0.0.1:" + readOnly.start();
    try {
      for (String path : List.of("/", "/users/1", "/movies/1", "/library?q=toy&genre=Comedy")) {
        assertEquals(200, get(readOnlyBase + path).statusCode(), path);
      }
      HttpResponse<String> refused = post(readOnlyBase + "/new", Map.of("csrf", csrf()));
      assertEquals(403, refused.statusCode());
      assertTrue(refused.body().contains("may not write"), refused.body());
      Document user = Jsoup.parse(get(readOnlyBase + "/users/1").body());
      assertTrue(user.select("#rating-off").text().contains("Rating is off"), user.html());
      assertTrue(user.select("form.rate").isEmpty(), "no rating forms");
      HttpResponse<String> rating = post(readOnlyBase + "/users/1/ratings", Map.of("csrf", csrf(),
          "movieId", "1", "rating", "4"));
      assertEquals(403, rating.statusCode());
      assertTrue(rating.body().contains("may not write"), rating.body());
    } finally {
      readOnly.stop();
    }
  }

  private String csrf() {
    return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("cfmr_csrf")).findFirst().orElseThrow().getValue();
  }

  @Test
  void htmlInATitleOrAQueryIsRenderedInert() throws Exception {
    database.execute("INSERT INTO movies VALUES (999001, '<script>alert(1)</script> \"x\" (2000)',"
        + " 2000, 'Drama', 999001)");
    database.execute("INSERT INTO movie_title_words VALUES ('script', 999001), ('alert', 999001)");
    try {
      HttpResponse<String> movie = get("/movies/999001");
      assertEquals(200, movie.statusCode());
      assertFalse(movie.body().contains("<script>"), "no live script tag");
      assertTrue(movie.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
      assertEquals("<script>alert(1)</script> \"x\" (2000)", Jsoup.parse(movie.body())
          .select("#title").text());
      HttpResponse<String> search = get("/library?q="
          + URLEncoder.encode("<script>alert", StandardCharsets.UTF_8));
      assertFalse(search.body().contains("<script>"));
      assertEquals(1, Jsoup.parse(search.body()).select("#movies tr[data-movie]").size());
    } finally {
      database.execute("DELETE FROM movies WHERE movie_id = 999001");
      database.execute("DELETE FROM movie_title_words WHERE movie_id = 999001");
    }
  }

  @Test
  void tablesOfAnotherSchemaVersionAreA503PageThatSaysToLoadAgain() throws Exception {
    int current = org.cfmr.sql.Schema.load().version();
    database.execute("UPDATE schema_version SET version = " + (current - 1));
    WebApp older = new WebApp(settings(database.url, null, "http://127.0.0.1:1"));
    String olderBase = "http://127.0.0.1:" + older.start();
    try {
      HttpResponse<String> refused = get(olderBase + "/movies/1");
      assertEquals(503, refused.statusCode());
      assertTrue(refused.body().contains("schema version " + (current - 1) + ", and this cfmr reads"
          + " version " + current + ": run cfmr load-mysql again"), refused.body());
      database.execute("UPDATE schema_version SET version = " + current);
      assertEquals(200, get(olderBase + "/movies/1").statusCode());
    } finally {
      database.execute("UPDATE schema_version SET version = " + current);
      older.stop();
    }
  }

  @Test
  void aDatabaseOutageIsA503PageAndTheAppRecoversWhenItReturns() throws Exception {
    URI url = URI.create(database.url.substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(url.getPort())) {
      WebApp proxied = new WebApp(settings("jdbc:mysql://127.0.0.1:" + proxy.port() + url.getPath(),
          null, "http://127.0.0.1:1"));
      String proxiedBase = "http://127.0.0.1:" + proxied.start();
      try {
        HttpResponse<String> down = get(proxiedBase + "/users/1");
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("Database unavailable"), down.body());
        proxy.open();
        assertEquals(200, get(proxiedBase + "/users/1").statusCode());
        proxy.close();
        assertEquals(503, get(proxiedBase + "/movies/1").statusCode());
        proxy.open();
        assertEquals(200, get(proxiedBase + "/movies/1").statusCode());
      } finally {
        proxied.stop();
      }
    }
  }

  @Test
  void postersComeFromTmdbOnceThenFromTheCacheAndFailuresShowThePlaceholder() throws Exception {
    database.execute("DELETE FROM web_posters");
    AtomicInteger calls = new AtomicInteger();
    HttpServer tmdb = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tmdb.createContext("/3/movie/", exchange -> {
      calls.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      boolean keyed = "api_key=test-key".equals(exchange.getRequestURI().getQuery());
      int status = !keyed ? 401 : path.endsWith("/862") ? 200 : path.endsWith("/8844") ? 404 : 500;
      byte[] body = (status == 200 ? "{\"id\": 862, \"poster_path\": \"/toy.jpg\"}" : "{}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    tmdb.start();
    String stub = "http://127.0.0.1:" + tmdb.getAddress().getPort();
    WebApp withPosters = new WebApp(settings(database.url, "test-key", stub));
    String postersBase = "http://127.0.0.1:" + withPosters.start();
    try {
      for (int view = 0; view < 2; view++) {
        Document toyStory = Jsoup.parse(get(postersBase + "/movies/1").body());
        assertEquals(stub + "/img/toy.jpg", toyStory.select("img.poster").attr("src"));
      }
      assertEquals(1, calls.get(), "the second view reads the cache");
      for (int movie : new int[] {2, 3}) {   // TMDB: 404 (cached as none), 500 (tried again)
        HttpResponse<String> response = get(postersBase + "/movies/" + movie);
        assertEquals(200, response.statusCode());
        assertNotNull(Jsoup.parse(response.body()).selectFirst(".placeholder"));
        get(postersBase + "/movies/" + movie);
      }
      assertEquals(1 + 1 + 2, calls.get());
    } finally {
      withPosters.stop();
      tmdb.stop(0);
    }
  }
}
