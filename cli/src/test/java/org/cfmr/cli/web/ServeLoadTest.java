package org.cfmr.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cfmr.cli.web.DashboardVisitor.Outcome;
import org.cfmr.cli.web.DashboardVisitor.Page;
import org.cfmr.web.Db;
import org.cfmr.web.ServeSettings;
import org.cfmr.web.WebApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard under load on loopback: {@value #DEFAULT_CLIENTS} visitors (property
 * {@code cfmr.load.clients}, 1..64) requesting user, movie and search pages and rating movies as
 * new users, for {@value #DEFAULT_SECONDS} s (property {@code cfmr.load.seconds}, 1..120), with the
 * database behind a {@link TcpProxy} that counts its connections and can take it away mid-run.
 * Each visitor waits {@code cfmr.load.pause.ms} (0..10000, default 0) after each request: with no
 * pause the visitors keep the machine's cores busy and the latencies are mostly waiting for one;
 * with a pause they measure what a page costs at the offered rate. Prints p50/p99 per page
 * (BENCHMARKS.md has the figures, on the bundled data and on a load of the 32M synthetic run:
 * {@link ServedDatabase#AS_LOADED}).
 */
class ServeLoadTest {
  static final int DEFAULT_CLIENTS = 8;
  static final int DEFAULT_SECONDS = 10;
  private static final int CLIENTS = bounded("cfmr.load.clients", DEFAULT_CLIENTS, 64);
  private static final int SECONDS = bounded("cfmr.load.seconds", DEFAULT_SECONDS, 120);
  private static final int PAUSE_MILLIS = Integer.getInteger("cfmr.load.pause.ms", 0);
  /** How long after the database returns every request must succeed again. */
  private static final long RECOVERY_SECONDS = 9;

  private static ServedDatabase database;
  private static List<Integer> users;
  private static List<Integer> movies;

  @BeforeAll
  static void load() throws SQLException {
    if (PAUSE_MILLIS < 0 || PAUSE_MILLIS > 10_000) {
      throw new IllegalArgumentException("cfmr.load.pause.ms must be 0..10000, not " + PAUSE_MILLIS);
    }
    database = ServedDatabase.get();
    users = ids("SELECT DISTINCT user_id FROM ratings_train ORDER BY user_id");
    movies = ids("SELECT movie_id FROM movies ORDER BY movie_id");
  }

  @Test
  void visitorsAtOnceGetEveryPageOverAFewConnectionsAndKeepEveryRating() throws Exception {
    try (TcpProxy proxy = new TcpProxy(databasePort())) {
      proxy.open();
      WebApp app = new WebApp(settings(proxy));
      try {
        List<DashboardVisitor> visitors = visitors("http://127.0.0.1:" + app.start());
        long start = System.nanoTime();
        List<Outcome> outcomes = new LoadRun(visitors,
            start + TimeUnit.SECONDS.toNanos(SECONDS), PAUSE_MILLIS).finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("ServeLoadTest: " + CLIENTS + " visitors for " + SECONDS + " s, "
            + PAUSE_MILLIS + " ms between a visitor's requests, "
            + proxy.forwarded() + " database connections\n"
            + LoadRun.latencies(outcomes, outcome -> true, seconds));
        List<Outcome> failed = outcomes.stream().filter(o -> !succeeded(o)).toList();
        assertTrue(failed.isEmpty(), failed.size() + " failed, the first: "
            + failed.stream().findFirst().orElse(null));
        for (Page page : Page.values()) {
          assertTrue(outcomes.stream().anyMatch(o -> o.page() == page), "no request for " + page);
        }
        assertTrue(proxy.forwarded() <= Db.POOL_SIZE, proxy.forwarded() + " connections for "
            + outcomes.size() + " requests: the pool holds at most " + Db.POOL_SIZE);
        assertEveryAcknowledgedRatingIsStored(visitors);
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void aDatabaseOutageMidLoadIs503sThenRecoveryWithEveryAcknowledgedRatingKept() throws Exception {
    try (TcpProxy proxy = new TcpProxy(databasePort())) {
      proxy.open();
      WebApp app = new WebApp(settings(proxy));
      try {
        List<DashboardVisitor> visitors = visitors("http://127.0.0.1:" + app.start());
        long start = System.nanoTime();
        LoadRun run = new LoadRun(visitors,
            start + TimeUnit.SECONDS.toNanos(3 + 3 + RECOVERY_SECONDS + 3));
        Thread.sleep(3000);
        long down = System.nanoTime();
        proxy.close();
        long closed = System.nanoTime();
        Thread.sleep(3000);
        long reopened = System.nanoTime();
        proxy.open();
        List<Outcome> outcomes = run.finish();

        List<Outcome> unexpected = outcomes.stream()
            .filter(o -> !succeeded(o) && !(o.status() == 503 && o.endNanos() > down)).toList();
        assertTrue(unexpected.isEmpty(), unexpected.size() + " neither succeeded nor were a 503"
            + " of the outage, the first: " + unexpected.stream().findFirst().orElse(null));
        assertTrue(outcomes.stream().filter(o -> o.startNanos() > closed && o.endNanos() < reopened)
            .allMatch(o -> o.status() == 503), "while the database is down every page is a 503");
        assertTrue(outcomes.stream().anyMatch(o -> o.status() == 503), "the outage was seen");
        long recovered = reopened + TimeUnit.SECONDS.toNanos(RECOVERY_SECONDS);
        List<Outcome> after = outcomes.stream().filter(o -> o.startNanos() > recovered).toList();
        assertFalse(after.isEmpty(), "requests after the recovery");
        assertTrue(after.stream().allMatch(ServeLoadTest::succeeded),
            "every request " + RECOVERY_SECONDS + " s after the database returned succeeds");
        long last503 = outcomes.stream().filter(o -> o.status() == 503)
            .mapToLong(Outcome::endNanos).max().orElseThrow();
        System.out.printf("ServeLoadTest: outage of 3 s under %d visitors: %d pages were 503,"
            + " the last %.1f s after the database returned%n", CLIENTS,
            outcomes.stream().filter(o -> o.status() == 503).count(), (last503 - reopened) / 1e9);
        assertEveryAcknowledgedRatingIsStored(visitors);
      } finally {
        app.stop();
      }
    }
  }

  private static boolean succeeded(Outcome outcome) {
    return outcome.status() == (outcome.page() == Page.RATING ? 303 : 200);
  }

  private static void assertEveryAcknowledgedRatingIsStored(List<DashboardVisitor> visitors)
      throws SQLException {
    int acknowledged = 0;
    try (Connection connection = database.connect(); PreparedStatement query =
        connection.prepareStatement("SELECT movie_id, rating FROM web_new_user_ratings"
            + " WHERE new_user_id = ?")) {
      for (DashboardVisitor visitor : visitors) {
        query.setString(1, visitor.newUser().substring("/new/".length()));
        Map<Integer, Double> stored = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            stored.put(rows.getInt(1), rows.getDouble(2));
          }
        }
        visitor.acknowledged().forEach((movie, rating) ->
            assertEquals(rating, stored.get(movie), visitor.newUser() + ", movie " + movie));
        acknowledged += visitor.acknowledged().size();
      }
    }
    assertTrue(acknowledged > 0, "ratings were acknowledged");
  }

  private static List<DashboardVisitor> visitors(String base) throws Exception {
    List<DashboardVisitor> visitors = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      DashboardVisitor visitor = new DashboardVisitor(base, users, movies, 42 + i);
      visitor.becomeNewUser();
      visitors.add(visitor);
    }
    return visitors;
  }

  private static ServeSettings settings(TcpProxy proxy) {
    String path = URI.create(database.url.substring("jdbc:".length())).getPath();
    return new ServeSettings("jdbc:mysql://127.0.0.1:" + proxy.port() + path, database.user,
        database.password, "127.0.0.1", 0, null, "http://127.0.0.1:1", "http://127.0.0.1:1/img");
  }

  private static int databasePort() {
    return URI.create(database.url.substring("jdbc:".length())).getPort();
  }

  private static List<Integer> ids(String sql) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (Connection connection = database.connect(); Statement statement =
        connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getInt(1));
      }
    }
    return ids;
  }

  private static int bounded(String property, int fallback, int most) {
    int value = Integer.getInteger(property, fallback);
    if (value < 1 || value > most) {
      throw new IllegalArgumentException(property + " must be 1.." + most + ", not " + value);
    }
    return value;
  }
}
