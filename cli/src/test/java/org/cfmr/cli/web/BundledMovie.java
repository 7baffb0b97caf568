package org.cfmr.cli.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.cfmr.core.testing.SharedData;

/** One movie of the bundled movies.csv, read with a plain CSV split that honours quotes. */
record BundledMovie(String id, String title, String genres) {
  static List<BundledMovie> read() throws IOException {
    List<BundledMovie> movies = new ArrayList<>();
    List<String> all = Files.readAllLines(SharedData.bundled("movies.csv"));
    for (String line : all.subList(1, all.size())) {
      int first = line.indexOf(',');
      int last = line.lastIndexOf(',');
      String title = line.substring(first + 1, last);
      if (title.startsWith("\"")) {
        title = title.substring(1, title.length() - 1).replace("\"\"", "\"");
      }
      movies.add(new BundledMovie(line.substring(0, first), title, line.substring(last + 1)));
    }
    return movies;
  }

  /** The title of movie {@code id}. */
  static String title(int id) throws IOException {
    return read().stream().filter(movie -> movie.id().equals(String.valueOf(id))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no movie " + id)).title();
  }
}
