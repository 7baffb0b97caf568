package org.cfmr.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.runtime.BundledData;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.OutputFolder;
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
    List<String> names = new ArrayList<>();
    if (plot != null) {
      for (String chart : DatasetCharts.names(genres != null)) {
        names.add(chart + ".svg");
        names.add(chart + ".png");
      }
      for (String name : names) {
        OutputFolder.requireReplaceable(new Path(plot, name), overwrite, conf);
      }
    }
    DatasetProfile profile = DatasetProfile.read(conf, ratings);
    System.out.print(profile.shape().report());
    if (plot != null) {
      write(DatasetCharts.all(profile, genres), new Path(plot), names, conf);
      System.out.println("charts: " + String.join(", ", names) + " in " + plot);
    }
    return 0;
  }

  private void write(List<ChartImage> charts, Path folder, List<String> names,
      Configuration conf) {
    try (OutputFolder out = OutputFolder.forFiles(folder, names, overwrite, conf)) {
      for (ChartImage chart : charts) {
        write(out, chart.name() + ".svg", chart.svgDocument().getBytes(StandardCharsets.UTF_8));
        write(out, chart.name() + ".png", chart.png());
      }
      out.commit();
    }
  }

  private static void write(OutputFolder out, String name, byte[] bytes) {
    try (OutputStream stream = out.fileSystem().create(out.staged(name))) {
      stream.write(bytes);
    } catch (IOException e) {
      throw new CfmrException("cannot write " + out.target(name) + ": " + ErrorMessages.of(e), e);
    }
  }
}
