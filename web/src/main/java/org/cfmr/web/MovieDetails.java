package org.cfmr.web;

import java.util.List;

/**
 * What the movie page shows: the movie, its links, how many rated it in train and their mean
 * rating, and its similar movies in rank order.
 *
 * @param imdbId MovieLens' 7-digit IMDb id (IMDb's is "tt" + it), or null
 * @param tmdbId null when links.csv has none
 * @param meanRating null when nobody rated it in train
 */
public record MovieDetails(Movie movie, String imdbId, Integer tmdbId, int ratings,
    Double meanRating, List<SimilarMovie> similar) {

  public String imdbUrl() {
    return imdbId == null ? null : "https://www.imdb.com/title/tt" + imdbId + "/";
  }

  public String tmdbUrl() {
    return tmdbId == null ? null : "https://www.themoviedb.org/movie/" + tmdbId;
  }
}
