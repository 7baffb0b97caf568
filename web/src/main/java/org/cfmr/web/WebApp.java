package org.cfmr.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The dashboard's pages, rendered on the server (no JavaScript): home (pick a user or start as a
 * new one), a user's dashboard, a movie, the library, a new user's rate-then-recommend page, the
 * loaded runs (two of them compared) and the dataset's charts.
 * Every form is protected against cross-site posts by a double-submit token (an HttpOnly,
 * SameSite=Lax cookie that every POST must repeat); an unknown id is a 404 page, an unreachable
 * database a 503 page, and the app recovers on its own when the database returns.
 */
public final class WebApp {
  static final String CSRF_COOKIE = "cfmr_csrf";
  private static final int PAGE_SIZE = 25;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Db db;
  private final Catalog catalog;
  private final NewUsers newUsers;
  private final RunHistory runs;
  private final MovieLensRatings movieLensRatings;
  private final Posters posters;
  private final AtomicReference<List<Movie>> popular = new AtomicReference<>();
  private final Javalin javalin;

  public WebApp(ServeSettings settings) {
    this.db = new Db(settings.jdbcUrl(), settings.user(), settings.password());
    this.catalog = new Catalog(db);
    this.newUsers = new NewUsers(db);
    this.runs = new RunHistory(db);
    this.movieLensRatings = new MovieLensRatings(db);
    this.posters = new Posters(db, settings.tmdbApiKey(), settings.tmdbApiUrl(),
        settings.tmdbImageUrl());
    this.javalin = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jetty.defaultHost = settings.bind();
      config.jetty.defaultPort = settings.port();
    });
    routes();
  }

  /** Starts serving; returns the port (the chosen one when the settings said 0). */
  public int start() {
    javalin.start();
    return javalin.port();
  }

  /** Stops serving, then closes the database connections. */
  public void stop() {
    javalin.stop();
    db.close();
  }

  private void routes() {
    javalin.before(this::protect);
    javalin.get("/", ctx -> page(ctx, "home.jte", Map.of("suggestions", catalog.suggestedUsers(8))));
    javalin.get("/users", ctx -> ctx.redirect("/users/" + id(ctx.queryParam("id"), "user")));
    javalin.get("/users/{id}", ctx -> {
      int id = id(ctx.pathParam("id"), "user");
      Dashboard dashboard = catalog.dashboard(id).orElseThrow(() ->
          new PageNotFound("There is no user " + id + " with train ratings."));
      page(ctx, "user.jte", Map.of("d", dashboard, "writable", db.writable()));
    });
    javalin.post("/users/{id}/ratings", ctx -> {
      int user = id(ctx.pathParam("id"), "user");
      if (!db.writable()) {
        throw new Forbidden("This database user may not write, so ratings cannot be kept: "
            + "serve with a user allowed to CREATE, INSERT and UPDATE.");
      }
      movieLensRatings.rate(user, id(ctx.formParam("movieId"), "movie"),
          String.valueOf(ctx.formParam("rating")));
      ctx.redirect("/users/" + user, io.javalin.http.HttpStatus.SEE_OTHER);
    });
    javalin.get("/movies/{id}", ctx -> {
      int id = id(ctx.pathParam("id"), "movie");
      MovieDetails movie = catalog.movie(id).orElseThrow(() ->
          new PageNotFound("There is no movie " + id + "."));
      Map<String, Object> model = new HashMap<>();
      model.put("m", movie);
      model.put("poster", posters.url(movie.tmdbId()));
      page(ctx, "movie.jte", model);
    });
    javalin.get("/library", ctx -> page(ctx, "library.jte", Map.of("s", search(ctx),
        "genres", Catalog.GENRES)));
    javalin.get("/runs", this::runsPage);
    javalin.get("/dataset", ctx -> page(ctx, "dataset.jte", Map.of("charts", catalog.datasetCharts())));
    javalin.post("/new", ctx -> {
      if (!db.writable()) {
        throw new Forbidden("This database user may not write, so new users cannot be kept: "
            + "serve with a user allowed to CREATE, INSERT and UPDATE.");
      }
      ctx.redirect("/new/" + newUsers.create(), io.javalin.http.HttpStatus.SEE_OTHER);
    });
    javalin.get("/new/{token}", this::newUserPage);
    javalin.post("/new/{token}/ratings", ctx -> {
      String token = newUser(ctx);
      int movie = id(ctx.formParam("movieId"), "movie");
      newUsers.rate(token, movie, String.valueOf(ctx.formParam("rating")));
      String q = ctx.formParam("q");
      ctx.redirect("/new/" + token + (q == null || q.isEmpty() ? "" : "?q="
          + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)), io.javalin.http.HttpStatus.SEE_OTHER);
    });
    javalin.get("/new/{token}/ratings.csv", ctx -> {
      String token = newUser(ctx);
      ctx.contentType("text/csv; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"cfmr-ratings.csv\"");
      ctx.result(csv(newUsers.ratings(token)));
    });
    javalin.exception(PageNotFound.class, (e, ctx) -> fail(ctx, 404, e.getMessage()));
    javalin.exception(DatabaseUnavailable.class, (e, ctx) -> fail(ctx, 503,
        "The database is unavailable: " + e.getMessage() + ". This page works again when it is back."));
    javalin.exception(Forbidden.class, (e, ctx) -> fail(ctx, 403, e.getMessage()));
    javalin.exception(IllegalArgumentException.class, (e, ctx) -> fail(ctx, 400, e.getMessage()));
    javalin.exception(Exception.class, (e, ctx) -> {
      System.err.println("cfmr serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
      fail(ctx, 500, "Something went wrong on the server.");
    });
    for (int status : new int[] {400, 403, 404, 405, 500, 503}) {
      javalin.error(status, this::errorPage);
    }
  }

  /** Every loaded run; with {@code ?a=ID&b=ID}, those two compared. */
  private void runsPage(Context ctx) {
    String first = ctx.queryParam("a");
    String second = ctx.queryParam("b");
    Map<String, Object> model = new HashMap<>();
    model.put("runs", runs.all());
    if (first != null && second != null) {
      model.put("comparison", new RunComparison(loadedRun(first), loadedRun(second)));
    }
    page(ctx, "runs.jte", model);
  }

  private LoadedRun loadedRun(String id) {
    int run = id(id, "run");
    return runs.get(run).orElseThrow(() -> new PageNotFound("There is no loaded run " + run + "."));
  }

  private void newUserPage(Context ctx) {
    String token = newUser(ctx);
    String q = ctx.queryParamAsClass("q", String.class).getOrDefault("").strip();
    List<Movie> toRate = q.isEmpty() ? popular() : catalog.search(q, "", 1, 20).movies();
    Map<String, Object> model = new HashMap<>();
    model.put("token", token);
    model.put("ratings", newUsers.ratings(token));
    model.put("recommendations", newUsers.recommendations(token, Catalog.TOP));
    model.put("toRate", toRate);
    model.put("q", q);
    model.put("writable", db.writable());
    page(ctx, "newuser.jte", model);
  }

  /** The 20 movies with the most train ratings, asked once. */
  private List<Movie> popular() {
    List<Movie> movies = popular.get();
    if (movies == null) {
      movies = catalog.popular(20);
      popular.set(movies);
    }
    return movies;
  }

  private String newUser(Context ctx) {
    String token = ctx.pathParam("token");
    if (!newUsers.exists(token)) {
      throw new PageNotFound("There is no new user " + token + ".");
    }
    return token;
  }

  private SearchPage search(Context ctx) {
    String q = ctx.queryParamAsClass("q", String.class).getOrDefault("").strip();
    String genre = ctx.queryParamAsClass("genre", String.class).getOrDefault("");
    if (!genre.isEmpty() && !Catalog.GENRES.contains(genre)) {
      throw new IllegalArgumentException("unknown genre " + genre);
    }
    int page = ctx.queryParamAsClass("page", Integer.class).check(p -> p >= 1 && p <= 100_000,
        "a page from 1").getOrDefault(1);
    return catalog.search(q, genre, page, PAGE_SIZE);
  }

  /** A positive id, else a 404 (a malformed id names nothing either). */
  private static int id(String text, String what) {
    try {
      int id = Integer.parseInt(text == null ? "" : text.strip());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the 404
    }
    throw new PageNotFound("There is no " + what + " " + text + ".");
  }

  /**
   * Before every request: the security headers, the CSRF cookie (made on the first visit), and on
   * a POST the check that the form repeats it.
   */
  private void protect(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Content-Security-Policy",
        "default-src 'self'; img-src * data:; style-src 'self' 'unsafe-inline'; form-action 'self'");
    String cookie = ctx.cookie(CSRF_COOKIE);
    String token = cookie;
    if (token == null || !token.matches("[A-Za-z0-9_-]{22}")) {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      ctx.header("Set-Cookie", CSRF_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Lax");
    }
    ctx.attribute("csrf", token);
    if (ctx.method() == HandlerType.POST) {
      String sent = ctx.formParam("csrf");
      if (cookie == null || sent == null || !MessageDigest.isEqual(
          cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
        throw new Forbidden("This form was not sent from this site's own page (its security token "
            + "is missing or wrong). Go back, reload the page and try again.");
      }
    }
  }

  private static void page(Context ctx, String template, Map<String, Object> model) {
    Map<String, Object> parameters = new HashMap<>(model);
    parameters.put("csrf", ctx.attribute("csrf"));
    ctx.html(Views.render(template, parameters));
  }

  private static void fail(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.attribute("message", message);
  }

  private void errorPage(Context ctx) {
    String message = ctx.attribute("message");
    if (message == null) {
      message = ctx.status().getCode() == 404 ? "There is no page at " + ctx.path() + "."
          : ctx.status().getMessage();
    }
    Map<String, Object> model = new HashMap<>();
    model.put("status", ctx.status().getCode());
    model.put("message", message);
    page(ctx, "error.jte", model);
  }

  private static String csv(List<RatedMovie> ratings) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
        .setHeader("movieId", "title", "rating").get().print(out)) {
      for (RatedMovie rated : ratings) {
        printer.printRecord(rated.movie().id(), rated.movie().title(), Format.rating(rated.rating()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A POST without the page's CSRF token: 403. */
  static final class Forbidden extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Forbidden(String message) {
      super(message);
    }
  }
}
