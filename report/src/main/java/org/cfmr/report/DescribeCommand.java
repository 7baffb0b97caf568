package org.cfmr.report;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.runtime.BundledData;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.preprocess.describe.DatasetProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cfmr describe}: the shape of a dataset's ratings ({@link
 * org.cfmr.preprocess.describe.RatingsShape}), and with {@code --plot DIR} its charts
 * ({@link DatasetCharts}) as SVG and PNG files, written together or not at all.
 */
@Command(name = "describe", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print the shape of a ratings file or dataset folder (counts, min/median/max "
        + "per user and movie, Gini, pair counts, rating values) and, with --plot, draw its "
        + "charts: rating values, ratings per user and per movie (log-log), ratings per month, "
        + "mean rating by genre (from movies.csv beside the ratings) and number of ratings "
        + "against mean rating per movie.",
        "Example: cfmr describe --input data/ml-latest-small --plot charts"})
public final class DescribeCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "PATH",
      description = "A ratings file (u.data, ratings.dat, ratings.csv, header-less CSV) or a "
          + "dataset folder (default: the bundled " + BundledData.FOLDER + ").")
  String input;

  @Option(names = "--plot", paramLabel = "DIR",
      description = "Also write each chart as DIR/<name>.svg and DIR/<name>.png.")
  String plot;

  @Option(names = "--overwrite", description = "Replace charts an earlier run wrote in DIR.")
  boolean overwrite;

  @Override
  public Integer call() {
    Configuration conf = HadoopRuntime.configuration();
    RatingsInput ratings = RatingsInput.locate(
        new Path(input != null ? input : BundledData.folder().toString()), conf);
    MovieGenres genres = MovieGenres.readIfPresent(ratings.datasetFolder(), conf);
    if (plot != null) {
      ChartFiles.requireReplaceable(new Path(plot), DatasetCharts.names(genres != null),
          overwrite, conf);
    }
    DatasetProfile profile = DatasetProfile.read(conf, ratings);
    System.out.print(profile.shape().report());
    if (plot != null) {
      List<String> files = ChartFiles.write(DatasetCharts.all(profile, genres), new Path(plot),
          overwrite, conf);
      System.out.println("charts: " + String.join(", ", files) + " in " + plot);
    }
    return 0;
  }
}
