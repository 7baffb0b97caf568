package org.cfmr.preprocess.describe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.cfmr.core.Rating;
import org.junit.jupiter.api.Test;

/** The tallies the dataset charts are drawn from, on hand-checked ratings. */
class DatasetProfileTest {
  // 2000-01-01T00:00:00Z, 2000-01-31T23:59:59Z, 2000-02-01T00:00:00Z, 2001-03-15T12:00:00Z
  private static final long JAN_START = 946_684_800L;
  private static final long JAN_END = 949_363_199L;
  private static final long FEB_START = 949_363_200L;
  private static final long MARCH_2001 = 984_657_600L;

  private final DatasetProfile profile = DatasetProfile.of(List.of(
      new Rating(1, 10, 8, JAN_START),
      new Rating(1, 20, 7, JAN_END),
      new Rating(1, 30, 10, FEB_START),
      new Rating(2, 10, 4, FEB_START),
      new Rating(2, 20, 8, MARCH_2001),
      new Rating(3, 10, 2, MARCH_2001)));

  @Test
  void countsRatingsPerMonthInUtcAndSkipsEmptyMonths() {
    assertEquals(Map.of(YearMonth.of(2000, 1), 2L, YearMonth.of(2000, 2), 2L,
        YearMonth.of(2001, 3), 2L), profile.ratingsPerMonth());
    assertEquals(List.of(YearMonth.of(2000, 1), YearMonth.of(2000, 2), YearMonth.of(2001, 3)),
        List.copyOf(profile.ratingsPerMonth().keySet()));
  }

  @Test
  void keepsEachMoviesCountAndMean() {
    var movies = profile.movies();
    assertEquals(List.of(10, 20, 30), List.copyOf(movies.keySet()));
    assertEquals(3, movies.get(10).ratings());
    assertEquals((4.0 + 2.0 + 1.0) / 3, movies.get(10).mean(), 1e-12);
    assertEquals((3.5 + 4.0) / 2, movies.get(20).mean(), 1e-12);
    assertEquals(5.0, movies.get(30).mean(), 1e-12);
  }

  @Test
  void histogramsOfActivityAndPopularity() {
    // users rated 3, 2 and 1 movies; movies were rated 3, 2 and 1 times
    assertEquals(Map.of(1, 1, 2, 1, 3, 1), profile.usersByRatings());
    assertEquals(Map.of(1, 1, 2, 1, 3, 1), profile.moviesByRatings());
    DatasetProfile skewed = DatasetProfile.of(List.of(new Rating(1, 10, 8, 0),
        new Rating(2, 10, 8, 0), new Rating(3, 10, 8, 0), new Rating(3, 11, 8, 0)));
    assertEquals(Map.of(1, 2, 2, 1), skewed.usersByRatings());
    assertEquals(Map.of(1, 1, 3, 1), skewed.moviesByRatings());
  }

  @Test
  void itsShapeIsTheShapeTable() {
    RatingsShape shape = profile.shape();
    assertEquals(6, shape.ratings());
    assertArrayEquals(new int[] {1, 2, 3}, shape.ratingsPerUser());
    assertArrayEquals(new long[] {0, 0, 1, 0, 1, 0, 0, 1, 2, 0, 1}, profile.halfStarCounts());
  }
}
