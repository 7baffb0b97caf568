package org.cfmr.cli.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One visitor of the dashboard for the load tests, as a browser would be: its own cookies (so its
 * own CSRF token, repeated in every POST), a new user of its own, then one request at a time, each
 * a user's dashboard, a movie, a library search or a rating of a movie it has not rated before
 * (so that every acknowledged rating has exactly one expected value in the database).
 */
final class DashboardVisitor {
  /** What a request asked for. */
  enum Page { USER, MOVIE, SEARCH, RATING }

  /**
   * One request: its status (0 when it failed without an answer, {@code error} then says why) and
   * when it started and ended ({@link System#nanoTime}).
   */
  record Outcome(Page page, int status, long startNanos, long endNanos, String error) {
    long millis() {
      return (endNanos - startNanos) / 1_000_000;
    }
  }

  private static final List<String> SEARCHES = List.of("the", "love", "star", "man", "war", "of",
      "day", "night", "");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final List<Integer> users;
  private final List<Integer> movies;
  private final List<Integer> toRate;
  private final Random random;
  private final HttpClient http;
  private final Map<Integer, Double> acknowledged = new LinkedHashMap<>();
  private String newUser;

  /**
   * @param users ids of users with train ratings
   * @param movies ids of movies, shuffled into this visitor's rating order
   */
  DashboardVisitor(String base, List<Integer> users, List<Integer> movies, long seed) {
    this.base = base;
    this.users = users;
    this.movies = movies;
    this.random = new Random(seed);
    this.toRate = new ArrayList<>(movies);
    Collections.shuffle(toRate, random);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT).build();
  }

  /** Opens the home page (the CSRF cookie) and becomes a new user; returns the new user's path. */
  String becomeNewUser() throws IOException, InterruptedException {
    HttpResponse<String> home = send(HttpRequest.newBuilder(URI.create(base + "/")));
    require(home.statusCode() == 200, "home page: " + home.statusCode());
    HttpResponse<String> created = send(post("/new", Map.of("csrf", csrf())));
    require(created.statusCode() == 303, "POST /new: " + created.statusCode());
    newUser = created.headers().firstValue("Location").orElseThrow();
    return newUser;
  }

  /** The ratings whose POST was answered with the redirect: movie id → rating. */
  Map<Integer, Double> acknowledged() {
    return acknowledged;
  }

  String newUser() {
    return newUser;
  }

  /** One request of a random kind (users and movies 30 % each, searches 25 %, ratings 15 %). */
  Outcome visit() {
    int draw = random.nextInt(100);
    if (draw < 30) {
      return get(Page.USER, "/users/" + users.get(random.nextInt(users.size())));
    }
    if (draw < 60) {
      return get(Page.MOVIE, "/movies/" + movies.get(random.nextInt(movies.size())));
    }
    if (draw < 85 || toRate.isEmpty()) {
      return get(Page.SEARCH, "/library?q=" + URLEncoder.encode(
          SEARCHES.get(random.nextInt(SEARCHES.size())), StandardCharsets.UTF_8)
          + "&page=" + (1 + random.nextInt(3)));
    }
    return rate();
  }

  private Outcome rate() {
    int movie = toRate.remove(toRate.size() - 1);
    double rating = (1 + random.nextInt(10)) / 2.0;
    Outcome outcome = request(Page.RATING, post(newUser + "/ratings", Map.of("csrf", csrf(),
        "movieId", String.valueOf(movie), "rating", String.valueOf(rating))));
    if (outcome.status() == 303) {
      acknowledged.put(movie, rating);
    }
    return outcome;
  }

  private Outcome get(Page page, String path) {
    return request(page, HttpRequest.newBuilder(URI.create(base + path)));
  }

  private Outcome request(Page page, HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      int status = send(request).statusCode();
      return new Outcome(page, status, start, System.nanoTime(), null);
    } catch (IOException e) {
      return new Outcome(page, 0, start, System.nanoTime(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(page, 0, start, System.nanoTime(), e.toString());
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder post(String path, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name)
        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private String csrf() {
    return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("cfmr_csrf")).findFirst().orElseThrow().getValue();
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("a visitor could not start: " + what);
    }
  }
}
