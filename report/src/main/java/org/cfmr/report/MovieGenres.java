package org.cfmr.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;

/**
 * The genres of each movie, from a dataset's {@code movies.csv} ({@code movieId,title,genres},
 * genres separated by {@code |}; ml-latest's {@code (no genres listed)} is kept as a genre).
 */
public final class MovieGenres {
  private static final String FILE = "movies.csv";

  private final Map<Integer, List<String>> genres;

  private MovieGenres(Map<Integer, List<String>> genres) {
    this.genres = genres;
  }

  /** The genres in {@code folder}'s movies.csv, or null when it has none. */
  public static MovieGenres readIfPresent(Path folder, Configuration conf) {
    Path file = new Path(folder, FILE);
    try {
      return file.getFileSystem(conf).isFile(file) ? read(file, conf) : null;
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The genres in the movies.csv file {@code file}. */
  public static MovieGenres read(Path file, Configuration conf) {
    try (Reader in = new InputStreamReader(file.getFileSystem(conf).open(file),
        StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new CfmrException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static MovieGenres read(Reader in, String name) throws IOException {
    Map<Integer, List<String>> genres = new HashMap<>();
    CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180.builder()
        .setHeader().setSkipHeaderRecord(true).get()).get();
    try {
      for (CSVRecord record : parser) {
        genres.put(movieId(record, name), List.of(genres(record, name).split("\\|")));
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new CfmrException(name + ": malformed CSV: " + e.getMessage(), e);
    }
    return new MovieGenres(genres);
  }

  private static int movieId(CSVRecord record, String name) {
    try {
      return Integer.parseInt(record.get("movieId").strip());
    } catch (IllegalArgumentException e) {
      throw CfmrException.atLine(name, record.getRecordNumber() + 1,
          "expected a movieId, found " + (record.isMapped("movieId") ? "'"
              + record.get("movieId") + "'" : "no movieId column"));
    }
  }

  private static String genres(CSVRecord record, String name) {
    if (!record.isSet("genres")) {
      throw CfmrException.atLine(name, record.getRecordNumber() + 1, "no genres field");
    }
    return record.get("genres");
  }

  /** The movie's genres; empty for a movie not in the file. */
  public List<String> of(int movie) {
    return genres.getOrDefault(movie, List.of());
  }
}
