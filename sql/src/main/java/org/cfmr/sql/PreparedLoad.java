package org.cfmr.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.runtime.BundledData;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultFolder;
import org.cfmr.report.MovieGenres;

/**
 * Step one of a load, before any connection: opens a pipeline output folder as a checked
 * {@link ResultFolder} (refused when its files do not match its manifest), finds its files (and
 * the {@code movies.csv} / {@code links.csv} of its dataset), validates every line, and writes
 * what it validated as one local {@code LOAD DATA} file per table. Two threads share the work:
 * the ratings and the tables derived from them on one, the movies, the user neighbours and the
 * recommendations on the other. The split files are required; the neighbour and recommendation
 * files are loaded when present and listed as missing otherwise.
 */
final class PreparedLoad {
  /** One table's rows, ready for {@code LOAD DATA}. */
  record Table(String name, java.nio.file.Path data, long rows) {}

  /** One input file: where it was, its size, SHA-256, and the rows it gave. */
  record SourceFile(String name, String table, String path, long bytes, String sha256, long rows) {}

  private final List<Table> tables = new ArrayList<>();
  private final List<SourceFile> files = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  private String runJson;
  private String metricsJson;
  private String cfmrVersion;
  private int steps;

  private PreparedLoad() {}

  List<Table> tables() {
    return tables;
  }

  List<SourceFile> files() {
    return files;
  }

  List<String> missing() {
    return missing;
  }

  /** The run's {@code run.json} as written, or null. */
  String runJson() {
    return runJson;
  }

  /** The run's {@code metrics.json} as written, or null. */
  String metricsJson() {
    return metricsJson;
  }

  String cfmrVersion() {
    return cfmrVersion;
  }

  /** Validates and converts the inputs named by {@code settings} into files in {@code work}. */
  static PreparedLoad prepare(LoadSettings settings, java.nio.file.Path work, Configuration conf) {
    PreparedLoad load = new PreparedLoad();
    ResultFolder result = ResultFolder.open(settings.input(), conf);
    Path dataset = load.readRun(result, conf);
    ItemPredictorSource itemPredictor = new ItemPredictorSource();
    load.readMetrics(result, conf, itemPredictor);
    Path movies = settings.movies() != null ? settings.movies() : datasetFile(dataset, "movies.csv");
    Path links = settings.links() != null ? settings.links() : datasetFile(dataset, "links.csv");
    RatingsSource ratings = new RatingsSource();
    MovieStatsSource movieStats = new MovieStatsSource();
    CoRaterCounts coRaters = new CoRaterCounts();
    Path train = result.file(PipelineFiles.TRAIN);
    Path test = result.file(PipelineFiles.TEST);
    Step movieRows = load.copy("movies", List.of(movies), MoviesSource::copyMovies);
    Step titleWords = load.copy("movie_title_words", List.of(movies), MoviesSource::copyTitleWords);
    Step linkRows = load.copy("links", List.of(links), MoviesSource::copyLinks);
    DatasetChartsSource charts = new DatasetChartsSource();
    Step trainRows = load.copy("ratings_train", List.of(train),
        (in, out) -> ratings.copy(in, out, rating -> {
          movieStats.add(rating);
          coRaters.add(rating);
          itemPredictor.add(rating);
          charts.add(rating);
        }));
    Step testRows = load.copy("ratings_test", List.of(test),
        (in, out) -> ratings.copy(in, out, charts::add));
    Step noDuplicate = load.check(() -> checkNoDuplicateRating(ratings, List.of(train, test), conf));
    Step itemPredictorRow = load.derive("item_predictor", out -> {
      itemPredictor.fit(Runtime.getRuntime().availableProcessors());
      itemPredictor.copy(out);
    });
    Step movieStatsRows = load.derive("movie_stats",
        out -> movieStats.copy(out, itemPredictor::itemBias));
    Step chartRows = load.derive("dataset_charts",
        out -> charts.copy(out, MovieGenres.read(movies, conf)));
    Step userNeighbours = load.copy("user_neighbors",
        load.present(result, PipelineFiles.USER_NEIGHBOURS), NeighboursSource::copy);
    Step itemNeighbours = load.copy("item_neighbors",
        load.present(result, PipelineFiles.ITEM_NEIGHBOURS),
        (in, out) -> NeighboursSource.copyWithSupport(in, out, coRaters));
    Step userRanking = load.copy("user_ranking_neighbors", load.ranking(result,
        PipelineFiles.USER_RANKING_NEIGHBOURS, PipelineFiles.USER_NEIGHBOURS), NeighboursSource::copy);
    Step itemRanking = load.copy("item_ranking_neighbors", load.ranking(result,
        PipelineFiles.ITEM_RANKING_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS), NeighboursSource::copy);
    List<Path> recommendations = new ArrayList<>();
    for (PredictionMethod method : PredictionMethod.values()) {
      recommendations.addAll(load.present(result, method.file()));
    }
    Step predictions = load.copy("user_item_predictions", recommendations, (in, out) ->
        PredictionsSource.copy(in, out, PredictionMethod.ofFile(in.path().getName())));
    List<Step> ratingsLane = List.of(trainRows, testRows, noDuplicate, itemPredictorRow,
        movieStatsRows, chartRows, itemNeighbours);
    List<Step> othersLane = List.of(movieRows, titleWords, linkRows, userNeighbours, userRanking,
        itemRanking, predictions);
    load.runLanes(work, conf, List.of(ratingsLane, othersLane));
    return load;
  }

  /** A step of a lane, numbered in load order. */
  private record Step(int order, Action action) {}

  /** What a step does: write a table and note the files it read, or check what was read. */
  private interface Action {
    Done run(java.nio.file.Path work, Configuration conf);
  }

  /** What a step gave: its table (null for a check) and the files it read. */
  private record Done(Table table, List<SourceFile> files) {}

  /** Copies {@code sources} (all into one table) with {@code copier}, noting each file. */
  private Step copy(String table, List<Path> sources, BiConsumer<InputFile, TsvWriter> copier) {
    return new Step(steps++, (work, conf) -> {
      List<SourceFile> read = new ArrayList<>();
      Table written = write(table, work, out -> {
        for (Path source : sources) {
          read.add(copyFile(table, source, copier, out, conf));
        }
      });
      return new Done(written, read);
    });
  }

  /** A table computed from the inputs already read, not copied from a file of its own. */
  private Step derive(String table, Consumer<TsvWriter> rows) {
    return new Step(steps++, (work, conf) -> new Done(write(table, work, rows), List.of()));
  }

  private Step check(Runnable check) {
    return new Step(steps++, (work, conf) -> {
      check.run();
      return new Done(null, List.of());
    });
  }

  /**
   * Runs each lane's steps in order, the lanes at once (the client's validation is the load's
   * one CPU-bound phase, and the lanes share no state); then notes tables and files in the
   * steps' order. When steps fail, the earliest one's error is thrown, whichever lane was first.
   */
  private void runLanes(java.nio.file.Path work, Configuration conf, List<List<Step>> lanes) {
    Done[] done = new Done[steps];
    Throwable[] failed = new Throwable[steps];
    List<Thread> threads = new ArrayList<>();
    for (List<Step> lane : lanes) {
      Thread thread = new Thread(() -> {
        for (Step step : lane) {
          try {
            done[step.order()] = step.action().run(work, conf);
          } catch (RuntimeException | Error e) {
            failed[step.order()] = e;
            return;
          }
        }
      }, "load-mysql-check");
      thread.start();
      threads.add(thread);
    }
    joinAll(threads);
    for (int order = 0; order < steps; order++) {
      if (failed[order] instanceof Error error) {
        throw error;
      }
      if (failed[order] != null) {
        throw (RuntimeException) failed[order];
      }
    }
    for (Done step : done) {
      files.addAll(step.files());
      if (step.table() != null) {
        tables.add(step.table());
      }
    }
  }

  private static void joinAll(List<Thread> threads) {
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        threads.forEach(Thread::interrupt);
        Thread.currentThread().interrupt();
        throw new CfmrException("interrupted while checking the input files", e);
      }
    }
  }

  /** {@code table}'s LOAD DATA file in {@code work}, its rows written by {@code rows}. */
  private static Table write(String table, java.nio.file.Path work, Consumer<TsvWriter> rows) {
    try (TsvWriter out = new TsvWriter(work.resolve(table + ".tsv"))) {
      rows.accept(out);
      out.close();
      return new Table(table, out.path(), out.rows());
    }
  }

  private static SourceFile copyFile(String table, Path source,
      BiConsumer<InputFile, TsvWriter> copier, TsvWriter out, Configuration conf) {
    long rowsBefore = out.rows();
    long start = System.nanoTime();
    try (InputFile in = InputFile.open(source, conf)) {
      copier.accept(in, out);
      long rows = out.rows() - rowsBefore;
      System.err.printf(Locale.ROOT, "checked %s: %,d rows, %.1fs%n", source, rows,
          (System.nanoTime() - start) / 1e9);
      return new SourceFile(source.getName(), table, source.toString(), in.bytes(), in.sha256(),
          rows);
    }
  }

  /**
   * Reads {@code metrics.json} when present, checked to be a JSON object, and gives
   * {@code predictor} its item-based settings.
   */
  private void readMetrics(ResultFolder result, Configuration conf, ItemPredictorSource predictor) {
    if (result.has(PipelineFiles.METRICS)) {
      Path metrics = result.file(PipelineFiles.METRICS);
      try (InputFile in = InputFile.open(metrics, conf)) {
        JsonObject object = JsonObject.read(in, metrics);
        metricsJson = object.text();
        predictor.readSettings(object.json(), metrics.toString());
        files.add(new SourceFile(PipelineFiles.METRICS, "runs", metrics.toString(), in.bytes(),
            in.sha256(), 1));
      }
    }
  }

  /** Reads {@code run.json} when present; returns the dataset folder it names, or null. */
  private Path readRun(ResultFolder result, Configuration conf) {
    if (!result.has(PipelineFiles.RUN)) {
      missing.add(PipelineFiles.RUN);
      return null;
    }
    Path run = result.file(PipelineFiles.RUN);
    try (InputFile in = InputFile.open(run, conf)) {
      JsonObject object = JsonObject.read(in, run);
      JsonNode json = object.json();
      runJson = object.text();
      cfmrVersion = json.path("cfmr_version").isTextual() ? json.get("cfmr_version").asText() : null;
      files.add(new SourceFile(PipelineFiles.RUN, "runs", run.toString(), in.bytes(), in.sha256(), 1));
      JsonNode dataset = json.path("dataset");
      return dataset.isTextual() && !dataset.asText().isBlank() ? new Path(dataset.asText()) : null;
    }
  }

  /** A JSON file's text (stripped) and what it parses to, a JSON object. */
  private record JsonObject(String text, JsonNode json) {
    static JsonObject read(InputFile in, Path file) {
      StringBuilder text = new StringBuilder();
      for (String line = in.nextLine(); line != null; line = in.nextLine()) {
        text.append(line).append('\n');
      }
      JsonNode json;
      try {
        json = new ObjectMapper().readTree(text.toString());
      } catch (JsonProcessingException e) {
        throw new CfmrException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
            + e.getOriginalMessage());
      }
      if (json == null || !json.isObject()) {
        throw new CfmrException(file + ": expected a JSON object");
      }
      return new JsonObject(text.toString().strip(), json);
    }
  }

  private static Path datasetFile(Path dataset, String name) {
    if (dataset != null) {
      return new Path(dataset, name);
    }
    return new Path(BundledData.file(name).toUri());
  }

  /** {@code name} of the result as a one-element list, or an empty list noted as missing. */
  private List<Path> present(ResultFolder result, String name) {
    if (result.has(name)) {
      return List.of(result.file(name));
    }
    missing.add(name);
    return List.of();
  }

  /**
   * The file that ranked a mode's recommendations: its ranking file, else its prediction file
   * (which {@code cfmr recommend} then ranks by); missing only when the folder has neither.
   */
  private List<Path> ranking(ResultFolder result, String rankingName, String predictionName) {
    if (result.has(rankingName)) {
      return List.of(result.file(rankingName));
    }
    if (result.has(predictionName)) {
      return List.of(result.file(predictionName));
    }
    missing.add(rankingName);
    return List.of();
  }

  private static void checkNoDuplicateRating(RatingsSource ratings, List<Path> ratingFiles,
      Configuration conf) {
    long duplicate = ratings.firstDuplicate();
    if (duplicate < 0) {
      return;
    }
    int user = (int) (duplicate >>> 32);
    int movie = (int) duplicate;
    List<String> places = new ArrayList<>();
    for (Path file : ratingFiles) {
      places.addAll(RatingsSource.placesOf(file, conf, user, movie));
    }
    throw new CfmrException(places.get(places.size() - 1) + ": duplicate rating of movie " + movie
        + " by user " + user + " (first at " + places.get(0) + ")");
  }
}
