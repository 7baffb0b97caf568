package org.cfmr.preprocess;

import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.runtime.BundledData;
import org.cfmr.preprocess.split.Split;
import org.cfmr.preprocess.split.SplitResult;
import org.cfmr.preprocess.split.SplitSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cfmr split}: validates a MovieLens ratings file and splits it 80/20 (by default) into
 * header-less {@code ratings_train.csv} and {@code ratings_test.csv}, with one MapReduce job.
 */
@Command(name = "split", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Validate a MovieLens ratings file and split it into ratings_train.csv and "
            + "ratings_test.csv (header-less userId,movieId,rating,timestamp, sorted by user "
            + "then movie).",
        "Reads ml-100k u.data, ml-1m/ml-10m ratings.dat, ml-latest/ml-20m/ml-25m/ml-32m "
            + "ratings.csv and header-less CSV, detected from the file. Each rating goes to "
            + "train when a hash of (seed, user, movie) falls below the train fraction, so the "
            + "files depend only on the ratings and the seed."})
public final class SplitCommand implements Callable<Integer> {

  @Option(names = "--input", paramLabel = "PATH",
      description = "Ratings file or dataset folder (ratings.csv, ratings.dat or u.data in it); "
          + "any Hadoop file system. Default: the bundled ml-latest-small.")
  String input;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "cfmr-out",
      description = "Folder for ratings_train.csv and ratings_test.csv. Default: ${DEFAULT-VALUE}.")
  String output;

  @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "0.8",
      description = "Share of the ratings that go to train, 0 to 1. Default: ${DEFAULT-VALUE}.")
  double trainFraction;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the split: the same seed gives the same files. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
      description = "Bad lines (malformed, or rating a (user, movie) pair another line rates: "
          + "every such line) to skip and count before failing. Default: ${DEFAULT-VALUE}, "
          + "the first bad line fails the split.")
  long maxErrors;

  @Option(names = "--reducers", paramLabel = "N", defaultValue = "1",
      description = "Reduce tasks (the files are the same for any number). Default: ${DEFAULT-VALUE}.")
  int reducers;

  @Option(names = "--overwrite",
      description = "Replace existing ratings_train.csv and ratings_test.csv.")
  boolean overwrite;

  @Override
  public Integer call() {
    Path inputPath = input != null ? new Path(input) : new Path(BundledData.folder().toUri());
    SplitResult result = Split.run(new SplitSettings(inputPath, new Path(output), trainFraction,
        seed, maxErrors, reducers, overwrite));
    System.err.println(result.job().toLine());
    System.out.println(result.summary());
    System.out.println("wrote " + result.trainFile() + " and " + result.testFile());
    return 0;
  }
}
