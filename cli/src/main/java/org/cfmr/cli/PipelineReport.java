package org.cfmr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.RatingFormat;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.runtime.StageMeter;
import org.cfmr.eval.Breakdown;
import org.cfmr.eval.EvaluationResult;
import org.cfmr.preprocess.describe.DatasetProfile;
import org.cfmr.report.BucketChart;
import org.cfmr.report.ChartImage;
import org.cfmr.report.DatasetCharts;
import org.cfmr.report.MovieGenres;
import org.cfmr.report.RunReport;

/**
 * The pipeline's {@code report.html} ({@link RunReport}): its figures, the RMSE by user activity
 * and the coverage by movie popularity of both modes, and the dataset (the train and test
 * splits together, the genres from the dataset's movies.csv when it has one).
 */
final class PipelineReport {
  /** What the run produced: its record, metrics table, kNN results, stages and files. */
  record Run(JsonNode record, List<List<String>> metrics, List<EvaluationResult> results,
      StageMeter meter, List<RunReport.ResultFile> files) {}

  private PipelineReport() {}

  static String html(Run run, Path train, Path test, Path datasetFolder, Configuration conf) {
    DatasetProfile profile = DatasetProfile.read(conf,
        new RatingsInput(train, RatingFormat.PLAIN_CSV),
        new RatingsInput(test, RatingFormat.PLAIN_CSV));
    MovieGenres genres = MovieGenres.readIfPresent(datasetFolder, conf);
    return RunReport.html(new RunReport.Contents(run.record(), run.metrics(),
        runCharts(run.results()), profile.shape().report(), DatasetCharts.all(profile, genres),
        run.meter().cells(), run.files()));
  }

  /** RMSE by the users' train counts and coverage by the movies' train counts, per mode. */
  static List<ChartImage> runCharts(List<EvaluationResult> results) {
    return List.of(
        BucketChart.of("rmse-by-user-activity", "RMSE by user activity (covered test ratings)",
            "train ratings of the user", "RMSE",
            bars(results, EvaluationResult::byUserActivity, Breakdown.Bucket::rmse)),
        BucketChart.of("coverage-by-movie-popularity", "Coverage by movie popularity",
            "train ratings of the movie", "share of test ratings predicted",
            bars(results, EvaluationResult::byMoviePopularity, Breakdown.Bucket::coverage)));
  }

  private static Map<String, List<BucketChart.Bar>> bars(List<EvaluationResult> results,
      Function<EvaluationResult, Breakdown> breakdown, ToDoubleFunction<Breakdown.Bucket> figure) {
    Map<String, List<BucketChart.Bar>> series = new LinkedHashMap<>();
    for (EvaluationResult result : results) {
      series.put(result.settings().mode().cliName() + "-based", breakdown.apply(result)
          .buckets().stream()
          .map(bucket -> new BucketChart.Bar(bucket.label(), figure.applyAsDouble(bucket)))
          .toList());
    }
    return series;
  }
}
