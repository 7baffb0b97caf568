package org.cfmr.web;

import java.util.List;

/**
 * A movie of the {@code movies} table; a movie id missing from it (ratings of a movie whose row was
 * not loaded) shows as "movie N" with no year and no genres.
 *
 * @param year null when the title carries none
 */
public record Movie(int id, String title, Integer year, String genres) {

  /** The genres, split at {@code |}; empty for "(no genres listed)". */
  public List<String> genreList() {
    if (genres == null || genres.isEmpty() || genres.startsWith("(")) {
      return List.of();
    }
    return List.of(genres.split("\\|"));
  }
}
