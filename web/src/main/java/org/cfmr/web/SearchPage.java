package org.cfmr.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One page of a library search: the movies whose title contains {@code query} (any case), of
 * {@code genre} when not empty, by title; {@code page} counts from 1.
 */
public record SearchPage(String query, String genre, int page, int pageSize, int total,
    List<Movie> movies) {

  public int pages() {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }

  /** The query string of another page of the same search. */
  public String link(int otherPage) {
    return "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&genre="
        + URLEncoder.encode(genre, StandardCharsets.UTF_8) + "&page=" + otherPage;
  }
}
