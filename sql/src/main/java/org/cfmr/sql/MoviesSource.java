package org.cfmr.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The ml-latest {@code movies.csv} ({@code movieId,title,genres}) and {@code links.csv}
 * ({@code movieId,imdbId,tmdbId}, tmdbId possibly empty), RFC 4180 CSV with a header, into
 * {@code movies} / {@code links} rows. A movie's year is the trailing {@code (YYYY)} of its title,
 * NULL without one; titles are kept as written (quotes, commas, any script).
 */
final class MoviesSource {
  private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

  private MoviesSource() {}

  /** A movies.csv line: id, title and genres. */
  private record MovieLine(int id, String title, String genres) {}

  /**
   * The movies in file order, each with its {@code title_order}: its place (from 1) among the
   * titles sorted by {@link #TITLE_ORDER}, ties by id, so that the library pages through titles
   * by an integer key instead of sorting up to every title per page.
   */
  static void copyMovies(InputFile in, TsvWriter out) {
    List<MovieLine> movies = new ArrayList<>();
    records(in, List.of("movieId", "title", "genres"), record -> {
      int movie = Ids.parse(record.get(0), "movieId");
      String title = record.get(1);
      if (title.isBlank()) {
        throw new IllegalArgumentException("movie " + movie + " has no title");
      }
      movies.add(new MovieLine(movie, title, record.get(2)));
      return movie;
    });
    int[] titleOrder = titleOrder(movies);
    for (int m = 0; m < movies.size(); m++) {
      MovieLine movie = movies.get(m);
      out.plain(movie.id()).text(movie.title()).plain(year(movie.title())).text(movie.genres())
          .plain(titleOrder[m]).endRow();
    }
  }

  /** Titles in alphabetical order for any language: case and accents second to the letters. */
  private static final Collator TITLE_ORDER = Collator.getInstance(Locale.ROOT);

  /** Each movie's place (from 1) in title order, ties by id. */
  private static int[] titleOrder(List<MovieLine> movies) {
    CollationKey[] keys = new CollationKey[movies.size()];
    Integer[] byTitle = new Integer[movies.size()];
    for (int m = 0; m < movies.size(); m++) {
      keys[m] = TITLE_ORDER.getCollationKey(movies.get(m).title());
      byTitle[m] = m;
    }
    Arrays.sort(byTitle, Comparator.<Integer, CollationKey>comparing(m -> keys[m])
        .thenComparingInt(m -> movies.get(m).id()));
    int[] order = new int[movies.size()];
    for (int place = 0; place < byTitle.length; place++) {
      order[byTitle[place]] = place + 1;
    }
    return order;
  }

  /**
   * The {@link TitleWords} of every title as {@code movie_title_words} rows
   * {@code (word, movie)}, in the order of that primary key.
   */
  static void copyTitleWords(InputFile in, TsvWriter out) {
    List<Map.Entry<String, Integer>> rows = new ArrayList<>();
    records(in, List.of("movieId", "title", "genres"), record -> {
      int movie = Ids.parse(record.get(0), "movieId");
      for (String word : TitleWords.of(record.get(1))) {
        rows.add(Map.entry(word, movie));
      }
      return movie;
    });
    rows.sort(Map.Entry.<String, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
    for (Map.Entry<String, Integer> row : rows) {
      out.text(row.getKey()).plain(row.getValue()).endRow();
    }
  }

  static void copyLinks(InputFile in, TsvWriter out) {
    records(in, List.of("movieId", "imdbId", "tmdbId"), record -> {
      int movie = Ids.parse(record.get(0), "movieId");
      String imdb = record.get(1).strip();
      if (!imdb.isEmpty()) {
        Ids.parse(imdb, "imdbId");
      }
      String tmdb = record.get(2).strip();
      out.plain(movie).text(imdb.isEmpty() ? null : imdb)
          .plain(tmdb.isEmpty() ? null : Ids.parse(tmdb, "tmdbId")).endRow();
      return movie;
    });
  }

  /** The year in a title's trailing {@code (YYYY)}, or null. */
  static Integer year(String title) {
    Matcher matcher = YEAR.matcher(title);
    return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
  }

  /** A function of one record returning its movie id (which must be unique in the file). */
  private interface RecordCopier {
    int copy(CSVRecord record);
  }

  private static void records(InputFile in, List<String> header, RecordCopier copier) {
    CSVFormat format = CSVFormat.RFC4180;
    Set<Integer> movies = new HashSet<>();
    CSVParser parser;
    try {
      // Not closed here: closing would close the input, whose checksum is taken afterwards.
      parser = CSVParser.builder().setReader(in.reader()).setFormat(format).get();
    } catch (IOException e) {
      throw in.error("cannot read: " + e.getMessage());
    }
    Iterator<CSVRecord> records = parser.iterator();
    for (long index = 0; ; index++) {
      long line = parser.getCurrentLineNumber() + 1;
      CSVRecord record = nextRecord(in, records, line);
      if (record == null) {
        if (index == 0) {
          throw in.error(1, "the file is empty (expected the header '" + String.join(",", header)
              + "')");
        }
        return;
      }
      try {
        if (index == 0) {
          checkHeader(record, header);
        } else if (record.size() != header.size()) {
          throw new IllegalArgumentException("expected " + header.size() + " fields ("
              + String.join(",", header) + ") but found " + record.size());
        } else if (!movies.add(copier.copy(record))) {
          throw new IllegalArgumentException("movie " + record.get(0) + " appears twice");
        }
      } catch (IllegalArgumentException e) {
        throw in.error(line, e.getMessage());
      }
    }
  }

  private static CSVRecord nextRecord(InputFile in, Iterator<CSVRecord> records, long line) {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException e) {
      throw in.error(line, "malformed CSV: " + rootMessage(e));
    }
  }

  private static void checkHeader(CSVRecord first, List<String> header) {
    List<String> found = first.toList().stream()
        .map(name -> name.replace("\uFEFF", "").strip()).toList();
    if (!found.equals(header)) {
      throw new IllegalArgumentException("expected the header '" + String.join(",", header)
          + "' but found '" + String.join(",", found) + "'");
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
