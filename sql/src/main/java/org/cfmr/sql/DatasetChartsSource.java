package org.cfmr.sql;

import org.cfmr.core.Rating;
import org.cfmr.preprocess.describe.DatasetProfile;
import org.cfmr.report.ChartImage;
import org.cfmr.report.DatasetCharts;
import org.cfmr.report.MovieGenres;

/**
 * The {@code dataset_charts} rows: {@code cfmr describe}'s charts of the train and test ratings
 * together (the whole dataset), profiled while they are copied and drawn once all are read, each
 * row {@code (order, name, title, svg)}.
 */
final class DatasetChartsSource {
  private final DatasetProfile profile = new DatasetProfile();

  void add(Rating rating) {
    profile.add(rating);
  }

  /** One row per chart of the ratings added, with {@code genres}' chart when it is not null. */
  void copy(TsvWriter out, MovieGenres genres) {
    int order = 0;
    for (ChartImage chart : DatasetCharts.all(profile, genres)) {
      out.plain(++order).text(chart.name()).text(chart.chart().getTitle().getText())
          .text(chart.svg()).endRow();
    }
  }
}
