package org.cfmr.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.cfmr.core.CfmrException;
import org.cfmr.core.baseline.PlainBaselineOracle;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.testing.Manifests;
import org.cfmr.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cfmr load-mysql} against the real server {@code .ci/run} starts: a full load of a
 * pipeline run on the bundled data, a reload, a load killed half-way, a wrong password, malformed
 * input, and the queries a dashboard runs. The expected values are computed from the files by
 * plain code here, not by the loader's parsers.
 */
class MysqlLoaderTest {
  private static final String[] DATA_TABLES = {"movies", "movie_title_words", "links",
      "ratings_train", "ratings_test", "movie_stats", "item_predictor", "dataset_charts",
      "user_neighbors", "item_neighbors", "user_ranking_neighbors", "item_ranking_neighbors",
      "user_item_predictions", "schema_version"};

  @TempDir static Path temp;
  private static Path run;
  private static Path runWithoutNeighbours;
  private TestDatabase db;

  @BeforeAll
  static void makePipelineOutputs() throws IOException {
    run = PipelineFixture.create(temp.resolve("run"), true);
    runWithoutNeighbours = PipelineFixture.create(temp.resolve("run-split-only"), false);
    Files.delete(runWithoutNeighbours.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS));
    Files.delete(runWithoutNeighbours.resolve(PipelineFiles.RUN));
    Manifests.write(runWithoutNeighbours);  // a complete result that lacks those files
  }

  @BeforeEach
  void emptyDatabase() throws SQLException {
    db = new TestDatabase();
    db.dropAllTables();
  }

  private LoadSummary load(Path folder) {
    return loader(folder, null).run();
  }

  private MysqlLoader loader(Path folder, Path movies) {
    return new MysqlLoader(new LoadSettings(db.url, db.user, db.password, hadoop(folder),
        movies == null ? null : hadoop(movies), null), new Configuration());
  }

  private static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }

  @Test
  void fullLoadHasTheRowsOfEveryFile() throws Exception {
    LoadSummary summary = load(run);

    assertEquals(lines(run.resolve(PipelineFiles.TRAIN)), db.count("SELECT COUNT(*) FROM ratings_train"));
    assertEquals(lines(run.resolve(PipelineFiles.TEST)), db.count("SELECT COUNT(*) FROM ratings_test"));
    assertEquals(neighbourPairs(run.resolve(PipelineFiles.USER_NEIGHBOURS)),
        db.count("SELECT COUNT(*) FROM user_neighbors"));
    assertEquals(neighbourPairs(run.resolve(PipelineFiles.ITEM_NEIGHBOURS)),
        db.count("SELECT COUNT(*) FROM item_neighbors"));
    assertEquals(neighbourPairs(run.resolve(PipelineFiles.USER_RANKING_NEIGHBOURS)),
        db.count("SELECT COUNT(*) FROM user_ranking_neighbors"));
    assertEquals(neighbourPairs(run.resolve(PipelineFiles.ITEM_RANKING_NEIGHBOURS)),
        db.count("SELECT COUNT(*) FROM item_ranking_neighbors"));
    assertEquals(lines(run.resolve(PipelineFiles.USER_BASED_RECOMMENDATIONS)),
        db.count("SELECT COUNT(*) FROM user_item_predictions WHERE method = 'user'"));
    assertEquals(lines(run.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS)),
        db.count("SELECT COUNT(*) FROM user_item_predictions WHERE method = 'item'"));
    assertEquals(lines(run.resolve(PipelineFiles.ALS_RECOMMENDATIONS)),
        db.count("SELECT COUNT(*) FROM user_item_predictions WHERE method = 'als'"));
    long movies = lines(org.cfmr.core.testing.SharedData.bundled("movies.csv")) - 1;
    assertEquals(movies, db.count("SELECT COUNT(*) FROM movies"));
    assertEquals(movies, db.count("SELECT COUNT(*) FROM links"));
    assertEquals(titles().values().stream().mapToLong(title -> TitleWords.of(title).size()).sum(),
        db.count("SELECT COUNT(*) FROM movie_title_words"));
    assertEquals(List.of("6"), db.query("SELECT version FROM schema_version"));
    assertEquals(movieStats(run.resolve(PipelineFiles.TRAIN)), db.rows("SELECT movie_id, ratings,"
        + " rating_sum, min_rating, max_rating FROM movie_stats ORDER BY movie_id"));
    assertEquals(db.count("SELECT COUNT(*) FROM ratings_train"), summary.rows("ratings_train"));
    assertEquals(List.of(), summary.missingFiles());
    assertEquals(List.of(), db.query("SHOW TABLES LIKE '%\\_\\_%'"), "no staging or old tables");
  }

  /** Each movie neighbour's support, against the server's own count over the loaded ratings. */
  @Test
  void itemNeighboursCarryTheirCoRaterCount() throws Exception {
    load(run);
    List<String> support = db.rows("SELECT movie_id, neighbor_rank, support FROM item_neighbors"
        + " ORDER BY movie_id, neighbor_rank");
    List<String> counted = db.rows("SELECT n.movie_id, n.neighbor_rank, COUNT(b.user_id)"
        + " FROM item_neighbors n JOIN ratings_train a ON a.movie_id = n.movie_id"
        + " LEFT JOIN ratings_train b ON b.user_id = a.user_id AND b.movie_id = n.neighbor_id"
        + " GROUP BY n.movie_id, n.neighbor_rank ORDER BY n.movie_id, n.neighbor_rank");
    assertEquals(counted, support);
    assertTrue(db.count("SELECT COUNT(DISTINCT support) FROM item_neighbors") > 10,
        "supports vary: " + db.query("SELECT DISTINCT support FROM item_neighbors LIMIT 5"));
  }

  /**
   * The run's item-based settings as metrics.json gives them (none of them the defaults), and the
   * baseline fitted with its λs and epochs, against the plain oracle fit of the train file.
   */
  @Test
  void theItemPredictorHoldsTheRunsSettingsAndItsBaseline() throws Exception {
    load(run);
    assertEquals(List.of("centred|knn-baseline|2.5|2|0|user-mean|15.0|10.0|3"), db.rows("SELECT"
        + " item_formula, predictor, damping, min_neighbours, clipped + 0, fallback, baseline_reg_user,"
        + " baseline_reg_item, baseline_epochs FROM item_predictor"));
    List<String> train = Files.readAllLines(run.resolve(PipelineFiles.TRAIN));
    int[] users = new int[train.size()];
    int[] movies = new int[train.size()];
    double[] ratings = new double[train.size()];
    for (int k = 0; k < train.size(); k++) {
      String[] fields = train.get(k).split(",");
      users[k] = Integer.parseInt(fields[0]);
      movies[k] = Integer.parseInt(fields[1]);
      ratings[k] = Double.parseDouble(fields[2]);
    }
    PlainBaselineOracle oracle = new PlainBaselineOracle(users, movies, ratings, 15, 10, 3);
    double unit = 0x1.0p-36;
    assertEquals(oracle.mu, db.count("SELECT global_mean FROM item_predictor") * unit, 1e-9);
    List<String> biases = db.rows("SELECT movie_id, baseline_bias FROM movie_stats");
    assertEquals(oracle.itemBias.size(), biases.size());
    for (String row : biases) {
      String[] fields = row.split("\\|");
      assertEquals(oracle.itemBias.get(Integer.parseInt(fields[0])),
          Long.parseLong(fields[1]) * unit, 1e-9, "b_i of movie " + fields[0]);
    }
  }

  /** Without metrics.json the item predictor is cfmr evaluate's default one. */
  @Test
  void withoutMetricsTheItemPredictorIsTheDefault() throws Exception {
    Path folder = PipelineFixture.create(temp.resolve("no-metrics"), false);
    Files.delete(folder.resolve(PipelineFiles.METRICS));
    Manifests.write(folder);
    load(folder);
    assertEquals(List.of("centred|knn-baseline|1.0|1|1|baseline|5.0|5.0|10"), db.rows("SELECT"
        + " item_formula, predictor, damping, min_neighbours, clipped + 0, fallback, baseline_reg_user,"
        + " baseline_reg_item, baseline_epochs FROM item_predictor"));
  }

  @Test
  void runsRecordsTheFilesTheirChecksumsAndTheRunJson() throws Exception {
    load(run);
    assertEquals(List.of("1|test|"), db.rows("SELECT id, cfmr_version, missing_files FROM runs"));
    String runJson = Files.readString(run.resolve(PipelineFiles.RUN)).strip();
    assertEquals(List.of(runJson), db.query("SELECT run_json FROM runs"));
    Path train = run.resolve(PipelineFiles.TRAIN);
    assertEquals(List.of(sha256(train) + "|" + Files.size(train) + "|" + lines(train)),
        db.rows("SELECT sha256, bytes, row_count FROM run_files WHERE file_name = 'ratings_train.csv'"));
    assertEquals(List.of(Files.readString(run.resolve(PipelineFiles.METRICS)).strip()),
        db.query("SELECT metrics_json FROM runs"));
    assertEquals(14, db.count("SELECT COUNT(*) FROM run_files"),
        "11 data files (movies.csv read for two tables), run.json and metrics.json");
    assertEquals(List.of("movie_title_words", "movies"), db.query("SELECT table_name FROM run_files"
        + " WHERE file_name = 'movies.csv' ORDER BY table_name"));
  }

  /**
   * A database loaded by a cfmr whose runs table lacked a column keeps its runs: the next load
   * copies them by the columns both tables have.
   */
  @Test
  void runsOfAnOlderSchemaAreKeptByTheNextLoad() throws Exception {
    load(run);
    try (java.sql.Connection connection = db.connect();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE runs DROP COLUMN metrics_json");
      statement.execute("UPDATE schema_version SET version = version - 1");
    }
    load(run);
    assertEquals(List.of("1|test|null", "2|test|" + Files.readString(run.resolve(PipelineFiles.METRICS))
        .strip()), db.rows("SELECT id, cfmr_version, metrics_json FROM runs ORDER BY id"));
    assertEquals(2 * 14, db.count("SELECT COUNT(*) FROM run_files"));
  }

  /** The dataset's charts, drawn from train and test together: one bar per rating value. */
  @Test
  void theDatasetChartsAreStoredInDescribesOrder() throws Exception {
    load(run);
    assertEquals(org.cfmr.report.DatasetCharts.names(true),
        db.query("SELECT name FROM dataset_charts ORDER BY chart_order"));
    String values = db.query("SELECT svg FROM dataset_charts WHERE name = 'ratings-by-value'").get(0);
    java.util.Set<String> rated = new java.util.TreeSet<>();
    for (String file : List.of(PipelineFiles.TRAIN, PipelineFiles.TEST)) {
      for (String line : Files.readAllLines(run.resolve(file))) {
        rated.add(line.split(",")[2]);
      }
    }
    java.util.regex.Matcher bars = java.util.regex.Pattern.compile(
        "jfreesvg:ref='[^']*columnKey[^']*'").matcher(values);
    int count = 0;
    while (bars.find()) {
      count++;
    }
    assertEquals(rated.size(), count, "one bar per value in " + rated);
    assertTrue(values.startsWith("<svg"), values.substring(0, 40));
  }

  /** Without ranking files the recommendations were ranked by the prediction neighbours. */
  @Test
  void thePredictionNeighboursStandInForMissingRankingFiles() throws Exception {
    Path folder = PipelineFixture.create(temp.resolve("run-without-ranking"), true);
    Files.delete(folder.resolve(PipelineFiles.USER_RANKING_NEIGHBOURS));
    Files.delete(folder.resolve(PipelineFiles.ITEM_RANKING_NEIGHBOURS));
    Manifests.write(folder);
    LoadSummary summary = load(folder);
    assertEquals(List.of(), summary.missingFiles());
    for (String mode : List.of("user", "item")) {
      String key = mode.equals("user") ? "user_id" : "movie_id";
      assertEquals(db.rows("SELECT " + key + ", neighbor_rank, neighbor_id, similarity FROM "
          + mode + "_neighbors ORDER BY 1, 2"), db.rows("SELECT " + key + ", neighbor_rank,"
          + " neighbor_id, similarity FROM " + mode + "_ranking_neighbors ORDER BY 1, 2"));
    }
    assertEquals(List.of("item_neighbors", "item_ranking_neighbors"), db.query("SELECT table_name"
        + " FROM run_files WHERE file_name = '" + PipelineFiles.ITEM_NEIGHBOURS + "' ORDER BY 1"));
  }

  @Test
  void alsRecommendationsAreRowsOfMethodAlsRankedInTheFilesOrder() throws Exception {
    load(run);
    Path als = run.resolve(PipelineFiles.ALS_RECOMMENDATIONS);
    List<String> expected = new ArrayList<>();
    Map<String, Integer> ranks = new TreeMap<>();
    for (String line : Files.readAllLines(als)) {
      String[] fields = line.split(",");
      int rank = ranks.merge(fields[0], 1, Integer::sum);
      expected.add(fields[0] + "|" + rank + "|" + fields[1] + "|" + Double.parseDouble(fields[2]));
    }
    assertEquals(expected, db.rows("SELECT user_id, prediction_rank, movie_id, prediction"
        + " FROM user_item_predictions WHERE method = 'als' ORDER BY user_id, prediction_rank"));
    assertEquals(List.of("user_item_predictions|" + lines(als) + "|" + sha256(als)),
        db.rows("SELECT table_name, row_count, sha256 FROM run_files"
            + " WHERE file_name = '" + PipelineFiles.ALS_RECOMMENDATIONS + "'"));
  }

  @Test
  void aFolderWithoutAlsRecommendationsLoadsTheKnnOnesAndNoAlsRows() throws Exception {
    Path knnOnly = temp.resolve("knn-only");
    copyFolder(run, knnOnly);
    Files.delete(knnOnly.resolve(PipelineFiles.ALS_RECOMMENDATIONS));
    Manifests.write(knnOnly);
    LoadSummary summary = load(knnOnly);
    assertEquals(List.of(PipelineFiles.ALS_RECOMMENDATIONS), summary.missingFiles());
    assertEquals(List.of("item|" + lines(knnOnly.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS)),
        "user|" + lines(knnOnly.resolve(PipelineFiles.USER_BASED_RECOMMENDATIONS))),
        db.rows("SELECT CAST(method AS CHAR) AS m, COUNT(*) FROM user_item_predictions"
            + " GROUP BY m ORDER BY m"));
    assertEquals(List.of(PipelineFiles.ALS_RECOMMENDATIONS),
        db.query("SELECT missing_files FROM runs"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM run_files"
        + " WHERE file_name = '" + PipelineFiles.ALS_RECOMMENDATIONS + "'"));
  }

  @Test
  void aCorruptAlsFileIsRefusedWithItsLineAndThePreviousTablesStay() throws Exception {
    load(run);
    Map<String, List<String>> before = dump();
    Path broken = temp.resolve("broken-als");
    copyFolder(run, broken);
    Path als = broken.resolve(PipelineFiles.ALS_RECOMMENDATIONS);
    List<String> lines = Files.readAllLines(als);
    String[] fields = lines.get(41).split(",");
    lines.set(41, fields[0] + "," + fields[1] + ",high");
    Files.write(als, lines);
    Manifests.write(broken);

    CfmrException error = assertThrows(CfmrException.class, () -> load(broken));
    assertEquals(hadoop(als) + ":42: prediction 'high' is not a number", error.getMessage());
    assertEquals(before, dump());
    assertEquals(List.of("1"), db.query("SELECT id FROM runs"));
    assertEquals(List.of(), db.query("SHOW TABLES LIKE '%\\_\\_%'"), "nothing staged");
  }

  @Test
  void neighboursAnswerByRankAndByNeighbour() throws Exception {
    load(run);
    Map<Integer, List<String>> file = neighbourLines(run.resolve(PipelineFiles.USER_NEIGHBOURS));
    int user = file.keySet().iterator().next();
    List<String> expected = new ArrayList<>();
    for (int rank = 1; rank <= file.get(user).size(); rank++) {
      expected.add(rank + "|" + file.get(user).get(rank - 1).replace(':', '|'));
    }
    assertEquals(expected, db.rows("SELECT neighbor_rank, neighbor_id, similarity FROM user_neighbors"
        + " WHERE user_id = " + user + " ORDER BY neighbor_rank"));

    int target = Integer.parseInt(file.get(user).get(0).split(":")[0]);
    List<String> whoHasTarget = new ArrayList<>();
    file.forEach((id, neighbours) -> neighbours.stream()
        .filter(n -> n.startsWith(target + ":")).forEach(n -> whoHasTarget.add(String.valueOf(id))));
    assertEquals(whoHasTarget, db.query("SELECT user_id FROM user_neighbors WHERE neighbor_id = "
        + target + " ORDER BY user_id"));
  }

  @Test
  void titlesWithQuotesCommasAndAccentsLoadIntact() throws Exception {
    load(run);
    assertEquals(List.of("\"American President, The (1995)\"|1995".replace("\"", "")),
        db.rows("SELECT title, year FROM movies WHERE movie_id = 11"));
    assertEquals(List.of("11'09\"01 - September 11 (2002)|2002|Drama"),
        db.rows("SELECT title, year, genres FROM movies WHERE movie_id = 7789"));
    assertEquals(List.of("City of Lost Children, The (Cité des enfants perdus, La) (1995)"),
        db.query("SELECT title FROM movies WHERE movie_id = 29"));
    assertEquals(List.of("0114709|862"), db.rows("SELECT imdb_id, tmdb_id FROM links WHERE movie_id = 1"));
    assertEquals(List.of("0113610|null"), db.rows("SELECT imdb_id, tmdb_id FROM links WHERE movie_id = 791"));
  }

  @Test
  void nonLatinAndFourByteTitlesLoadIntact() throws Exception {
    Path movies = temp.resolve("movies-unicode.csv");
    List<String> titles = List.of("臥虎藏龍 (2000)", "Брат (1997)", "\"Quoted\", \\ back\\slash\ttab 🎬 (2020)",
        "No year at all");
    StringBuilder csv = new StringBuilder("movieId,title,genres\r\n");
    for (int i = 0; i < titles.size(); i++) {
      csv.append(i + 1).append(",\"").append(titles.get(i).replace("\"", "\"\"")).append("\",Drama\r\n");
    }
    Files.writeString(movies, csv, StandardCharsets.UTF_8);
    loader(run, movies).run();
    assertEquals(List.of(titles.get(0) + "|2000", titles.get(1) + "|1997", titles.get(2) + "|2020",
        titles.get(3) + "|null"), db.rows("SELECT title, year FROM movies ORDER BY movie_id"));
  }

  /**
   * The loaded tables, filled before their secondary keys were added, have exactly the structure
   * of schema.sql's statements run as written.
   */
  @Test
  void theLoadedTablesHaveTheSchemasStructure() throws Exception {
    load(run);
    Schema schema = Schema.load();
    try (java.sql.Connection connection = db.connect();
        java.sql.Statement statement = connection.createStatement()) {
      for (String table : schema.tables()) {
        String expected = table + "__expected";
        statement.execute("DROP TABLE IF EXISTS " + expected);
        statement.execute(schema.createStatement(table, expected));
        assertEquals(db.rows("SHOW CREATE TABLE " + expected).get(0).replace(expected, table),
            db.rows("SHOW CREATE TABLE " + table).get(0), table);
        statement.execute("DROP TABLE " + expected);
      }
    }
  }

  @Test
  void reloadingTheSameFolderGivesTheSameTables() throws Exception {
    load(run);
    Map<String, List<String>> first = dump();
    load(run);
    assertEquals(first, dump());
    assertEquals(List.of("1", "2"), db.query("SELECT id FROM runs ORDER BY id"));
    assertEquals(db.query("SELECT sha256 FROM run_files WHERE run_id = 1 ORDER BY file_name"),
        db.query("SELECT sha256 FROM run_files WHERE run_id = 2 ORDER BY file_name"));
  }

  @Test
  void aLoadKilledHalfWayLeavesThePreviousTablesAndTheNextLoadCleansUp() throws Exception {
    load(run);
    Map<String, List<String>> before = dump();

    assertThrows(CfmrException.class, () -> loader(runWithoutNeighbours, null).failingAfter(4).run());
    assertEquals(before, dump(), "readers still see the previous load");
    assertTrue(db.query("SHOW TABLES LIKE '%\\_\\_staging'").size() > 0, "the kill left staging tables");

    LoadSummary summary = load(runWithoutNeighbours);
    assertEquals(0, db.count("SELECT COUNT(*) FROM user_neighbors"));
    assertEquals(0, db.count("SELECT COUNT(*) FROM user_item_predictions WHERE method = 'item'"));
    assertEquals(List.of(PipelineFiles.RUN, PipelineFiles.USER_NEIGHBOURS,
        PipelineFiles.ITEM_NEIGHBOURS, PipelineFiles.USER_RANKING_NEIGHBOURS,
        PipelineFiles.ITEM_RANKING_NEIGHBOURS, PipelineFiles.ITEM_BASED_RECOMMENDATIONS),
        summary.missingFiles());
    assertEquals(List.of(), db.query("SHOW TABLES LIKE '%\\_\\_%'"));
    assertEquals(2, summary.runId());
  }

  @Test
  void aWrongPasswordIsOneClearLine() {
    CfmrException error = assertThrows(CfmrException.class, () -> new MysqlLoader(
        new LoadSettings(db.url, db.user, db.password + "-wrong", hadoop(run), null, null),
        new Configuration()).run());
    assertTrue(error.getMessage().startsWith("cannot connect to " + db.url + ": Access denied for user"),
        error.getMessage());
    assertTrue(!error.getMessage().contains("\n") && !error.getMessage().contains(db.password));
  }

  @Test
  void anUnreachableServerIsOneClearLine() {
    CfmrException error = assertThrows(CfmrException.class, () -> new MysqlLoader(
        new LoadSettings("jdbc:mysql://127.0.0.1:1/cfmr_test", db.user, db.password, hadoop(run),
            null, null), new Configuration()).run());
    assertTrue(error.getMessage().startsWith("cannot connect to jdbc:mysql://127.0.0.1:1/cfmr_test: "),
        error.getMessage());
    assertTrue(!error.getMessage().contains("\n"));
  }

  @Test
  void aMalformedLineIsReportedBeforeTouchingTheDatabase() throws Exception {
    load(run);
    Map<String, List<String>> before = dump();
    Path broken = temp.resolve("broken");
    copyFolder(run, broken);
    List<String> test = Files.readAllLines(broken.resolve(PipelineFiles.TEST));
    test.set(6, "12,34,4.5");
    Files.write(broken.resolve(PipelineFiles.TEST), test);
    Manifests.write(broken); // the manifest agrees: the line itself is checked

    CfmrException error = assertThrows(CfmrException.class, () -> new MysqlLoader(
        new LoadSettings(db.url, db.user, "not even the right password", hadoop(broken), null, null),
        new Configuration()).run());
    assertEquals(hadoop(broken.resolve(PipelineFiles.TEST)) + ":7: expected 4 fields separated by ',' but found 3",
        error.getMessage());
    assertEquals(before, dump());
  }

  /** The files are checked on two threads; the error is the first file's in load order. */
  @Test
  void withTwoBrokenFilesTheEarlierOneIsReported() throws Exception {
    Path broken = temp.resolve("two-broken");
    copyFolder(run, broken);
    List<String> test = Files.readAllLines(broken.resolve(PipelineFiles.TEST));
    test.set(test.size() - 1, "12,34,4.5");
    Files.write(broken.resolve(PipelineFiles.TEST), test);
    Files.writeString(broken.resolve(PipelineFiles.USER_NEIGHBOURS), "1\t2=0.5\n");
    Files.deleteIfExists(broken.resolve("." + PipelineFiles.USER_NEIGHBOURS + ".crc"));
    Manifests.write(broken);
    for (int attempt = 0; attempt < 3; attempt++) {
      CfmrException error = assertThrows(CfmrException.class, () -> load(broken));
      assertEquals(hadoop(broken.resolve(PipelineFiles.TEST)) + ":" + test.size()
          + ": expected 4 fields separated by ',' but found 3", error.getMessage());
    }
  }

  @Test
  void aRatingInBothSplitsIsReportedWithBothLines() throws Exception {
    Path broken = temp.resolve("duplicate");
    copyFolder(run, broken);
    String firstTrain = Files.readAllLines(broken.resolve(PipelineFiles.TRAIN)).get(0);
    Files.writeString(broken.resolve(PipelineFiles.TEST), firstTrain + "\n", java.nio.file.StandardOpenOption.APPEND);
    Manifests.write(broken);
    long testLines = lines(broken.resolve(PipelineFiles.TEST));
    String[] fields = firstTrain.split(",");

    CfmrException error = assertThrows(CfmrException.class, () -> load(broken));
    assertEquals(hadoop(broken.resolve(PipelineFiles.TEST)) + ":" + testLines + ": duplicate rating of movie "
        + fields[1] + " by user " + fields[0] + " (first at " + hadoop(broken.resolve(PipelineFiles.TRAIN))
        + ":1)", error.getMessage());
  }

  @Test
  void aMissingSplitFileIsAnError() throws Exception {
    Path broken = temp.resolve("no-test");
    copyFolder(run, broken);
    Files.delete(broken.resolve(PipelineFiles.TEST));
    CfmrException error = assertThrows(CfmrException.class, () -> load(broken));
    assertEquals(hadoop(broken.resolve(PipelineFiles.TEST))
        + ": missing, though _cfmr-manifest.json lists it", error.getMessage());
    Manifests.write(broken);
    error = assertThrows(CfmrException.class, () -> load(broken));
    assertEquals(hadoop(broken.resolve(PipelineFiles.TEST)) + ": not part of this cfmr result"
        + " (_cfmr-manifest.json does not list it)", error.getMessage());
  }

  @Test
  void aFolderWhoseFilesDoNotMatchItsManifestIsRefusedBeforeTouchingTheDatabase()
      throws Exception {
    load(run);
    Map<String, List<String>> before = dump();
    Path mixed = temp.resolve("mixed");
    copyFolder(run, mixed);
    Files.copy(runWithoutNeighbours.resolve(PipelineFiles.USER_BASED_RECOMMENDATIONS),
        mixed.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING); // another run's file
    CfmrException error = assertThrows(CfmrException.class, () -> load(mixed));
    assertTrue(error.getMessage().startsWith(
        hadoop(mixed.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS)) + ": "), error.getMessage());
    assertTrue(error.getMessage().contains("_cfmr-manifest.json says"), error.getMessage());

    Files.delete(mixed.resolve("_cfmr-manifest.json"));
    error = assertThrows(CfmrException.class, () -> load(mixed));
    assertEquals(hadoop(mixed.resolve("_cfmr-manifest.json")) + ": missing, so " + hadoop(mixed)
        + " is not a complete cfmr result (run the command that writes it again)",
        error.getMessage());
    assertEquals(before, dump());
  }

  /** The queries the web dashboard runs, with results computed from the files. */
  @Test
  void dashboardQueries() throws Exception {
    load(run);
    // Top 5 recommendations (user-based) of user 1, with titles.
    List<String> recommendations = Files.readAllLines(run.resolve(PipelineFiles.USER_BASED_RECOMMENDATIONS));
    Map<Integer, String> titles = titles();
    List<String> expectedTop = new ArrayList<>();
    for (String line : recommendations.subList(0, 5)) {
      String[] fields = line.split(",");
      expectedTop.add(titles.get(Integer.parseInt(fields[1])) + "|" + Double.parseDouble(fields[2]));
    }
    assertEquals(expectedTop, db.rows("SELECT m.title, p.prediction FROM user_item_predictions p"
        + " JOIN movies m ON m.movie_id = p.movie_id"
        + " WHERE p.user_id = 1 AND p.method = 'user' ORDER BY p.prediction_rank LIMIT 5"));

    // The most-rated movies in train, ties by id.
    Map<Integer, Integer> counts = new TreeMap<>();
    for (String line : Files.readAllLines(run.resolve(PipelineFiles.TRAIN))) {
      counts.merge(Integer.parseInt(line.split(",")[1]), 1, Integer::sum);
    }
    List<String> expectedPopular = counts.entrySet().stream()
        .sorted((x, y) -> x.getValue().equals(y.getValue()) ? x.getKey() - y.getKey() : y.getValue() - x.getValue())
        .limit(3).map(e -> titles.get(e.getKey()) + "|" + e.getValue()).toList();
    assertEquals(expectedPopular, db.rows("SELECT m.title, COUNT(*) AS n FROM ratings_train r"
        + " JOIN movies m ON m.movie_id = r.movie_id GROUP BY r.movie_id, m.title"
        + " ORDER BY n DESC, r.movie_id LIMIT 3"));

    // The movies most similar to movie 1 with their titles and IMDb links.
    Map<Integer, List<String>> items = neighbourLines(run.resolve(PipelineFiles.ITEM_NEIGHBOURS));
    List<String> expectedSimilar = items.get(1).subList(0, 3).stream().map(n -> {
      int movie = Integer.parseInt(n.split(":")[0]);
      return titles.get(movie) + "|" + n.split(":")[1];
    }).toList();
    assertEquals(expectedSimilar, db.rows("SELECT m.title, n.similarity FROM item_neighbors n"
        + " JOIN movies m ON m.movie_id = n.neighbor_id JOIN links l ON l.movie_id = m.movie_id"
        + " WHERE n.movie_id = 1 ORDER BY n.neighbor_rank LIMIT 3"));

    // The test ratings of user 1 next to the item-based prediction, where there is one.
    assertEquals(db.count("SELECT COUNT(*) FROM ratings_test t JOIN user_item_predictions p"
        + " ON p.user_id = t.user_id AND p.movie_id = t.movie_id AND p.method = 'item'"),
        joinCount(run.resolve(PipelineFiles.TEST), run.resolve(PipelineFiles.ITEM_BASED_RECOMMENDATIONS)));
  }

  /** Per movie of a ratings file: id|count|sum|min|max, the sum and the extremes with one decimal. */
  private static List<String> movieStats(Path ratings) throws IOException {
    Map<Integer, List<Double>> byMovie = new TreeMap<>();
    for (String line : Files.readAllLines(ratings)) {
      String[] fields = line.split(",");
      byMovie.computeIfAbsent(Integer.parseInt(fields[1]), movie -> new ArrayList<>())
          .add(Double.parseDouble(fields[2]));
    }
    List<String> rows = new ArrayList<>();
    byMovie.forEach((movie, values) -> rows.add(String.format(Locale.ROOT, "%d|%d|%.1f|%.1f|%.1f",
        movie, values.size(), values.stream().mapToDouble(Double::doubleValue).sum(),
        java.util.Collections.min(values), java.util.Collections.max(values))));
    return rows;
  }

  private static long joinCount(Path ratings, Path predictions) throws IOException {
    java.util.Set<String> pairs = new java.util.HashSet<>();
    for (String line : Files.readAllLines(predictions)) {
      String[] fields = line.split(",");
      pairs.add(fields[0] + "," + fields[1]);
    }
    return Files.readAllLines(ratings).stream().filter(line -> {
      String[] fields = line.split(",");
      return pairs.contains(fields[0] + "," + fields[1]);
    }).count();
  }

  private static Map<Integer, String> titles() throws IOException {
    Map<Integer, String> titles = new TreeMap<>();
    try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(
        org.cfmr.core.testing.SharedData.bundled("movies.csv"), StandardCharsets.UTF_8,
        org.apache.commons.csv.CSVFormat.RFC4180)) {
      parser.stream().skip(1).forEach(r -> titles.put(Integer.parseInt(r.get(0)), r.get(1)));
    }
    return titles;
  }

  private Map<String, List<String>> dump() throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : DATA_TABLES) {
      String order = switch (table) {
        case "schema_version" -> "1";
        case "movie_title_words" -> "1, 2";
        default -> "1, 2, 3";
      };
      tables.put(table, db.rows("SELECT * FROM " + table + " ORDER BY " + order));
    }
    return tables;
  }

  private static long lines(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.count();
    }
  }

  @Test
  void aLoadIntoTheSameDatabaseWaitsItsTurnButOneIntoAnotherDatabaseDoesNot() throws Exception {
    try (java.sql.Connection other = db.connect();
        java.sql.Statement statement = other.createStatement()) {
      statement.execute("DO GET_LOCK('cfmr-load-mysql:some_other_database', 0)");
      load(run);
      assertEquals(lines(run.resolve(PipelineFiles.TRAIN)),
          db.count("SELECT COUNT(*) FROM ratings_train"));

      statement.execute("DO GET_LOCK(CONCAT('cfmr-load-mysql:', DATABASE()), 0)");
      CfmrException refused = assertThrows(CfmrException.class, () -> load(runWithoutNeighbours));
      assertTrue(refused.getMessage().startsWith("another cfmr load-mysql is loading "),
          refused.getMessage());
      assertEquals(1, db.count("SELECT COUNT(*) FROM runs"), "the first load stays in place");
    }
  }

  private static long neighbourPairs(Path file) throws IOException {
    return neighbourLines(file).values().stream().mapToLong(List::size).sum();
  }

  /** A neighbour file as id → ["n:s", ...], parsed plainly. */
  private static Map<Integer, List<String>> neighbourLines(Path file) throws IOException {
    Map<Integer, List<String>> lines = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] parts = line.split("\t");
      lines.put(Integer.parseInt(parts[0]), List.of(parts[1].split(",")));
    }
    return lines;
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
