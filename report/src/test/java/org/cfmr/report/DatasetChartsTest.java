package org.cfmr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cfmr.core.Rating;
import org.cfmr.preprocess.describe.DatasetProfile;
import org.junit.jupiter.api.Test;

/**
 * The dataset charts by content, on a hand-made dataset: each chart's SVG holds one item group
 * per bar or point, and its title and axis labels.
 */
class DatasetChartsTest {
  // 2000-01-01, 2000-02-01 and 2001-03-15 (UTC)
  private static final long JAN = 946_684_800L;
  private static final long FEB = 949_363_200L;
  private static final long MARCH_2001 = 984_657_600L;

  /** Users 1..3 rate 3, 2 and 1 movies; movies 10, 20, 30 get 3, 2 and 1 ratings. */
  private static final DatasetProfile PROFILE = DatasetProfile.of(List.of(
      new Rating(1, 10, 8, JAN), new Rating(1, 20, 7, JAN), new Rating(1, 30, 10, FEB),
      new Rating(2, 10, 4, FEB), new Rating(2, 20, 8, MARCH_2001),
      new Rating(3, 10, 2, MARCH_2001)));

  private static MovieGenres genres() throws IOException {
    return MovieGenres.read(new StringReader("""
        movieId,title,genres
        10,"Ten, The (1999)",Comedy|Drama
        20,Twenty (2000),Drama
        30,Thirty (2001),(no genres listed)
        """), "movies.csv");
  }

  /** The item groups JFreeSVG writes for the plotted items (bars, points), their refs. */
  static List<String> items(String svg) {
    Matcher refs = Pattern.compile("jfreesvg:ref='([^']*)'").matcher(svg);
    List<String> items = new ArrayList<>();
    while (refs.find()) {
      String ref = refs.group(1).replace("&quot;", "\"");
      if (ref.contains("columnKey") || ref.contains("itemIndex") || ref.contains("item")) {
        items.add(ref);
      }
    }
    return items;
  }

  private static void assertLabels(String svg, String... labels) {
    for (String label : labels) {
      assertTrue(svg.contains(">" + label + "<"), label + " in\n" + svg);
    }
  }

  @Test
  void ratingValuesHaveOneBarPerValueThatOccurs() {
    String svg = DatasetCharts.ratingValues(PROFILE).svg();
    // 1.0, 2.0, 3.5, 4.0 (twice) and 5.0
    assertEquals(5, items(svg).size(), String.join("\n", items(svg)));
    assertLabels(svg, "Ratings by value", "rating", "ratings", "1.0", "3.5", "5.0");
  }

  @Test
  void longTailsHaveOnePointPerCountAndSeries() {
    String svg = DatasetCharts.longTails(PROFILE).svg();
    // users: counts 1, 2, 3 (one user each); movies: counts 1, 2, 3
    assertEquals(6, items(svg).size(), String.join("\n", items(svg)));
    assertLabels(svg, "number of ratings", "users or movies with that many", "users", "movies");
  }

  @Test
  void ratingsPerMonthHaveOneBarPerMonthWithRatings() {
    String svg = DatasetCharts.ratingsPerMonth(PROFILE).svg();
    assertEquals(3, items(svg).size(), String.join("\n", items(svg)));
    assertLabels(svg, "Ratings per month", "month");
  }

  @Test
  void meanByGenreHasOneBarPerGenreHighestFirst() throws IOException {
    String svg = DatasetCharts.meanByGenre(PROFILE, genres()).svg();
    List<String> bars = items(svg);
    // (no genres listed): 5.0; Drama: (4 + 2 + 1 + 3.5 + 4) / 5 = 2.9; Comedy: 7/3
    assertEquals(List.of("(no genres listed)", "Drama", "Comedy"), bars.stream()
        .map(bar -> bar.replaceAll(".*\"columnKey\": \"([^\"]*)\".*", "$1")).toList());
    assertLabels(svg, "Mean rating by genre", "mean rating");
  }

  @Test
  void ratingsAgainstMeanHasOnePointPerMovieAndSamplesBeyondItsLimit() {
    assertEquals(3, items(DatasetCharts.ratingsAgainstMean(PROFILE).svg()).size());
    List<Rating> many = new ArrayList<>();
    for (int movie = 1; movie <= DatasetCharts.MAX_MOVIE_POINTS + 1; movie++) {
      many.add(new Rating(1, movie, 8, JAN));
    }
    String svg = DatasetCharts.ratingsAgainstMean(DatasetProfile.of(many)).svg();
    // 2,001 movies: every second one, from the first
    assertEquals(1_001, items(svg).size());
    assertTrue(svg.contains("1,001 of 2,001 movies"), svg.substring(0, 2000));
  }

  @Test
  void theSameChartGivesTheSameBytes() {
    assertEquals(DatasetCharts.ratingsPerMonth(PROFILE).svg(),
        DatasetCharts.ratingsPerMonth(PROFILE).svg());
  }

  @Test
  void allHasTheGenreChartOnlyWithGenres() throws IOException {
    assertEquals(DatasetCharts.names(true), DatasetCharts.all(PROFILE, genres()).stream()
        .map(ChartImage::name).toList());
    assertEquals(DatasetCharts.names(false), DatasetCharts.all(PROFILE, null).stream()
        .map(ChartImage::name).toList());
  }
}
