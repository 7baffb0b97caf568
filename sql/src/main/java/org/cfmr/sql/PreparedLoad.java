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

/**
 * Step one of a load, before any connection: opens a pipeline output folder as a checked
 * {@link ResultFolder} (refused when its files do not match its manifest), finds its files (and
 * the {@code movies.csv} / {@code links.csv} of its dataset), validates every line, and writes what it
 * validated as one local {@code LOAD DATA} file per table. The split files are required; the
 * neighbour and recommendation files are loaded when present and listed as missing otherwise.
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
  private String cfmrVersion;

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

  String cfmrVersion() {
    return cfmrVersion;
  }

  /** Validates and converts the inputs named by {@code settings} into files in {@code work}. */
  static PreparedLoad prepare(LoadSettings settings, java.nio.file.Path work, Configuration conf) {
    PreparedLoad load = new PreparedLoad();
    Path input = settings.input();
    ResultFolder result = ResultFolder.open(input, conf);
    Path dataset = load.readRun(result, conf);
    Path movies = settings.movies() != null ? settings.movies() : datasetFile(dataset, "movies.csv");
    Path links = settings.links() != null ? settings.links() : datasetFile(dataset, "links.csv");
    load.copy("movies", work, conf, List.of(movies), MoviesSource::copyMovies);
    load.copy("movie_title_words", work, conf, List.of(movies), MoviesSource::copyTitleWords);
    load.copy("links", work, conf, List.of(links), MoviesSource::copyLinks);
    RatingsSource ratings = new RatingsSource();
    MovieStatsSource movieStats = new MovieStatsSource();
    CoRaterCounts coRaters = new CoRaterCounts();
    load.copy("ratings_train", work, conf, List.of(result.file(PipelineFiles.TRAIN)),
        (in, out) -> ratings.copy(in, out, rating -> {
          movieStats.add(rating);
          coRaters.add(rating);
        }));
    load.copy("ratings_test", work, conf, List.of(result.file(PipelineFiles.TEST)),
        ratings::copy);
    load.checkNoDuplicateRating(ratings, conf);
    load.derive("movie_stats", work, movieStats::copy);
    load.copy("user_neighbors", work, conf,
        load.present(result, PipelineFiles.USER_NEIGHBOURS), NeighboursSource::copy);
    load.copy("item_neighbors", work, conf,
        load.present(result, PipelineFiles.ITEM_NEIGHBOURS),
        (in, out) -> NeighboursSource.copyWithSupport(in, out, coRaters));
    load.copy("user_ranking_neighbors", work, conf, load.ranking(result,
        PipelineFiles.USER_RANKING_NEIGHBOURS, PipelineFiles.USER_NEIGHBOURS), NeighboursSource::copy);
    load.copy("item_ranking_neighbors", work, conf, load.ranking(result,
        PipelineFiles.ITEM_RANKING_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS), NeighboursSource::copy);
    List<Path> recommendations = new ArrayList<>();
    for (PredictionMethod method : PredictionMethod.values()) {
      recommendations.addAll(load.present(result, method.file()));
    }
    load.copy("user_item_predictions", work, conf, recommendations, (in, out) ->
        PredictionsSource.copy(in, out, PredictionMethod.ofFile(in.path().getName())));
    return load;
  }

  /** Reads {@code run.json} when present; returns the dataset folder it names, or null. */
  private Path readRun(ResultFolder result, Configuration conf) {
    if (!result.has(PipelineFiles.RUN)) {
      missing.add(PipelineFiles.RUN);
      return null;
    }
    Path run = result.file(PipelineFiles.RUN);
    try (InputFile in = InputFile.open(run, conf)) {
      StringBuilder text = new StringBuilder();
      for (String line = in.nextLine(); line != null; line = in.nextLine()) {
        text.append(line).append('\n');
      }
      JsonNode json;
      try {
        json = new ObjectMapper().readTree(text.toString());
      } catch (JsonProcessingException e) {
        throw new CfmrException(run + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
            + e.getOriginalMessage());
      }
      if (json == null || !json.isObject()) {
        throw new CfmrException(run + ": expected a JSON object");
      }
      runJson = text.toString().strip();
      cfmrVersion = json.path("cfmr_version").isTextual() ? json.get("cfmr_version").asText() : null;
      files.add(new SourceFile(PipelineFiles.RUN, "runs", run.toString(), in.bytes(), in.sha256(), 1));
      JsonNode dataset = json.path("dataset");
      return dataset.isTextual() && !dataset.asText().isBlank() ? new Path(dataset.asText()) : null;
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

  /** Copies {@code sources} (all into one table) with {@code copier}, noting each file. */
  private void copy(String table, java.nio.file.Path work, Configuration conf, List<Path> sources,
      BiConsumer<InputFile, TsvWriter> copier) {
    try (TsvWriter out = new TsvWriter(work.resolve(table + ".tsv"))) {
      for (Path source : sources) {
        long rowsBefore = out.rows();
        long start = System.nanoTime();
        try (InputFile in = InputFile.open(source, conf)) {
          copier.accept(in, out);
          long rows = out.rows() - rowsBefore;
          files.add(new SourceFile(source.getName(), table, source.toString(), in.bytes(),
              in.sha256(), rows));
          System.err.printf(Locale.ROOT, "checked %s: %,d rows, %.1fs%n", source, rows,
              (System.nanoTime() - start) / 1e9);
        }
      }
      out.close();
      tables.add(new Table(table, out.path(), out.rows()));
    }
  }

  /** A table computed from the inputs already read, not copied from a file of its own. */
  private void derive(String table, java.nio.file.Path work, Consumer<TsvWriter> rows) {
    try (TsvWriter out = new TsvWriter(work.resolve(table + ".tsv"))) {
      rows.accept(out);
      out.close();
      tables.add(new Table(table, out.path(), out.rows()));
    }
  }

  private void checkNoDuplicateRating(RatingsSource ratings, Configuration conf) {
    long duplicate = ratings.firstDuplicate();
    if (duplicate < 0) {
      return;
    }
    int user = (int) (duplicate >>> 32);
    int movie = (int) duplicate;
    List<String> places = new ArrayList<>();
    for (SourceFile file : files) {
      if (file.table().startsWith("ratings_")) {
        places.addAll(RatingsSource.placesOf(new Path(file.path()), conf, user, movie));
      }
    }
    throw new CfmrException(places.get(places.size() - 1) + ": duplicate rating of movie " + movie
        + " by user " + user + " (first at " + places.get(0) + ")");
  }
}
