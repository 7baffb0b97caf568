package org.cfmr.preprocess.synth;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code movies.csv} and {@code links.csv} of a synthetic dataset, so that {@code load-mysql}
 * and {@code serve} take it as they take a MovieLens one. Movie {@code m} (1 to n) has the
 * genres and the title of the {@code ((m − 1) mod b)}-th movie of a real {@code movies.csv} of
 * {@code b} movies (the bundled one), the title numbered from the second round on: {@code Toy
 * Story (1995)}, then {@code Toy Story 2 (1995)}, {@code Toy Story 3 (1995)}, …; the links have
 * no IMDb or TMDB id.
 */
final class SyntheticMovies {
  private static final Pattern TRAILING_YEAR = Pattern.compile("^(.*?)(\\s*\\(\\d{4}\\))\\s*$");

  private final List<CSVRecord> real;

  private SyntheticMovies(List<CSVRecord> real) {
    this.real = real;
  }

  /** The titles and genres of {@code moviesCsv} (movieId,title,genres with a header). */
  static SyntheticMovies from(Path moviesCsv) throws IOException {
    try (Reader in = Files.newBufferedReader(moviesCsv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in)
            .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
            .get()) {
      return new SyntheticMovies(parser.getRecords());
    }
  }

  /** The real movie whose title and genres synthetic movie {@code movie} (from 1) takes. */
  private CSVRecord realOf(int movie) {
    return real.get((movie - 1) % real.size());
  }

  /** The title of synthetic movie {@code movie} (from 1). */
  String title(int movie) {
    String title = realOf(movie).get("title");
    int round = (movie - 1) / real.size() + 1;
    if (round == 1) {
      return title;
    }
    Matcher year = TRAILING_YEAR.matcher(title);
    return year.matches() ? year.group(1) + " " + round + year.group(2) : title + " " + round;
  }

  /** Writes movies {@code 1..movies}, with a header. */
  void writeMovies(Writer out, int movies) throws IOException {
    CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
        .setRecordSeparator("\n").get());
    printer.printRecord("movieId", "title", "genres");
    for (int movie = 1; movie <= movies; movie++) {
      printer.printRecord(movie, title(movie), realOf(movie).get("genres"));
    }
    printer.flush();
  }

  /** Writes the links of movies {@code 1..movies}, with a header and no ids. */
  static void writeLinks(Writer out, int movies) throws IOException {
    out.write("movieId,imdbId,tmdbId\n");
    for (int movie = 1; movie <= movies; movie++) {
      out.write(movie + ",,\n");
    }
    out.flush();
  }
}
