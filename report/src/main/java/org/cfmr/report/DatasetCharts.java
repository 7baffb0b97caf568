package org.cfmr.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import org.cfmr.core.Rating;
import org.cfmr.preprocess.describe.DatasetProfile;
import org.cfmr.preprocess.describe.DatasetProfile.MovieRatings;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a dataset, from one {@link DatasetProfile}: the rating values, the long tails of
 * user activity and movie popularity (log–log), ratings per month, the mean rating by genre
 * (when the dataset has a movies.csv) and each movie's number of ratings against its mean.
 */
public final class DatasetCharts {
  /** The most movies the ratings-against-mean scatter draws (an even sample by id beyond). */
  static final int MAX_MOVIE_POINTS = 2_000;
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  private static final String RATING_VALUES = "ratings-by-value";
  private static final String LONG_TAILS = "ratings-per-user-and-movie";
  private static final String PER_MONTH = "ratings-per-month";
  private static final String BY_GENRE = "mean-rating-by-genre";
  private static final String AGAINST_MEAN = "ratings-against-mean";

  private DatasetCharts() {}

  /** Every chart of the dataset; the genre chart only when {@code genres} is not null. */
  public static List<ChartImage> all(DatasetProfile profile, MovieGenres genres) {
    List<ChartImage> charts = new ArrayList<>(List.of(ratingValues(profile), longTails(profile),
        ratingsPerMonth(profile)));
    if (genres != null) {
      charts.add(meanByGenre(profile, genres));
    }
    charts.add(ratingsAgainstMean(profile));
    return charts;
  }

  /** The names of {@link #all}'s charts, in its order. */
  public static List<String> names(boolean withGenres) {
    return withGenres ? List.of(RATING_VALUES, LONG_TAILS, PER_MONTH, BY_GENRE, AGAINST_MEAN)
        : List.of(RATING_VALUES, LONG_TAILS, PER_MONTH, AGAINST_MEAN);
  }

  /** One bar per rating value that occurs: how many ratings have it. */
  static ChartImage ratingValues(DatasetProfile profile) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    long[] counts = profile.halfStarCounts();
    for (int halfStars = 0; halfStars < counts.length; halfStars++) {
      if (counts[halfStars] > 0) {
        data.addValue(counts[halfStars], "ratings", Rating.formatValue(halfStars));
      }
    }
    JFreeChart chart = ChartFactory.createBarChart("Ratings by value", "rating", "ratings", data,
        PlotOrientation.VERTICAL, false, false, false);
    return new ChartImage(RATING_VALUES, chart);
  }

  /**
   * Two series on log–log axes: for each number of ratings n, how many users have rated n
   * movies and how many movies have n ratings; above 100 ratings, in {@link LogBins}.
   */
  static ChartImage longTails(DatasetProfile profile) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("users", profile.usersByRatings()));
    data.addSeries(series("movies", profile.moviesByRatings()));
    JFreeChart chart = ChartFactory.createScatterPlot(
        "Ratings per user and per movie (the long tail)", "number of ratings",
        "users or movies with that many", data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(logAxis("number of ratings"));
    // A log bin of the far tail averages less than one user or movie per count.
    LogAxis perCount = logAxis("users or movies with that many");
    perCount.setSmallestValue(1e-4);
    perCount.setNumberFormatOverride(new DecimalFormat("#,##0.####",
        DecimalFormatSymbols.getInstance(Locale.ROOT)));
    plot.setRangeAxis(perCount);
    return new ChartImage(LONG_TAILS, chart);
  }

  private static XYSeries series(String name, SortedMap<Integer, Integer> histogram) {
    XYSeries series = new XYSeries(name, false, false);
    LogBins.of(histogram).forEach(series::add);
    return series;
  }

  private static LogAxis logAxis(String label) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setSmallestValue(1);
    axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
    // One tick per power of ten: in-between ticks would be labelled with rounded values.
    axis.setAutoTickUnitSelection(false);
    axis.setTickUnit(new NumberTickUnit(1));
    return axis;
  }

  /** One point per month that has ratings (UTC), joined by a line. */
  static ChartImage ratingsPerMonth(DatasetProfile profile) {
    TimeSeries series = new TimeSeries("ratings");
    profile.ratingsPerMonth().forEach((month, count) ->
        series.add(new Month(month.getMonthValue(), month.getYear()), count));
    JFreeChart chart = ChartFactory.createTimeSeriesChart("Ratings per month", "month",
        "ratings", new TimeSeriesCollection(series, UTC), false, false, false);
    XYPlot plot = chart.getXYPlot();
    ((DateAxis) plot.getDomainAxis()).setTimeZone(UTC);
    ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
    return new ChartImage(PER_MONTH, chart);
  }

  /**
   * One bar per genre: the mean of the ratings of its movies (a movie counts in each of its
   * genres), highest first, ties by name.
   */
  static ChartImage meanByGenre(DatasetProfile profile, MovieGenres genres) {
    Map<String, double[]> byGenre = new TreeMap<>();
    profile.movies().forEach((movie, ratings) -> {
      for (String genre : genres.of(movie)) {
        double[] sums = byGenre.computeIfAbsent(genre, k -> new double[2]);
        sums[0] += ratings.ratings();
        sums[1] += ratings.starSum();
      }
    });
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    byGenre.entrySet().stream()
        .sorted((a, b) -> Double.compare(mean(b.getValue()), mean(a.getValue())))
        .forEach(genre -> data.addValue(mean(genre.getValue()), "mean rating", genre.getKey()));
    JFreeChart chart = ChartFactory.createBarChart("Mean rating by genre", null,
        "mean rating", data, PlotOrientation.HORIZONTAL, false, false, false);
    chart.getCategoryPlot().setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    return new ChartImage(BY_GENRE, chart);
  }

  private static double mean(double[] sums) {
    return sums[1] / sums[0];
  }

  /**
   * One point per movie: its number of ratings (log axis) against its mean rating; beyond
   * {@value #MAX_MOVIE_POINTS} movies, every k-th movie by id, so that the sample is the same
   * every time and spread over the whole catalogue.
   */
  static ChartImage ratingsAgainstMean(DatasetProfile profile) {
    SortedMap<Integer, MovieRatings> movies = profile.movies();
    int step = (movies.size() + MAX_MOVIE_POINTS - 1) / MAX_MOVIE_POINTS;
    XYSeries series = new XYSeries("movies", false, true);
    int index = 0;
    for (MovieRatings movie : movies.values()) {
      if (index++ % step == 0) {
        series.add(movie.ratings(), movie.mean());
      }
    }
    String title = step == 1 ? "Number of ratings against mean rating, per movie"
        : String.format(Locale.ROOT,
            "Number of ratings against mean rating (%,d of %,d movies, evenly by id)",
            series.getItemCount(), movies.size());
    JFreeChart chart = ChartFactory.createScatterPlot(title, "number of ratings",
        "mean rating", new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false,
        false);
    chart.getXYPlot().setDomainAxis(logAxis("number of ratings"));
    return new ChartImage(AGAINST_MEAN, chart);
  }
}
