package org.cfmr.als;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.factors.Factors;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.UsageException;
import org.cfmr.core.runtime.PipelineFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.cfmr.core.io.FactorFiles;

/**
 * {@code cfmr als}: fits explicit-feedback ALS with weighted-λ regularisation (ALS-WR) to a train
 * split and writes both sides' factor files ({@link AlsFiles}), optionally the item neighbours of
 * the factors and the error on a test split.
 */
@Command(name = "als", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Fit matrix factorisation by alternating least squares (ALS-WR, as Spark's ALS) "
        + "to ratings_train.csv and write user_factors.txt, item_factors.txt and als.json.",
        "Each iteration solves every item from the users' factors, then every user from the "
        + "items'; the training RMSE after each is printed."})
public final class AlsCommand implements Callable<Integer> {

  @Option(names = "--train", required = true, paramLabel = "FILE",
      description = "The train split: header-less userId,movieId,rating,timestamp (any Hadoop path).")
  String train;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "The folder to write the factor files into.")
  String output;

  @Option(names = "--rank", defaultValue = "" + AlsSettings.DEFAULT_RANK, paramLabel = "K",
      description = "Factors per user and item (default: ${DEFAULT-VALUE}).")
  int rank;

  @Option(names = "--iterations", defaultValue = "" + AlsSettings.DEFAULT_ITERATIONS,
      paramLabel = "N", description = "Iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--reg", defaultValue = "" + AlsSettings.DEFAULT_REG, paramLabel = "LAMBDA",
      description = "Regularisation, times each row's number of ratings (default: ${DEFAULT-VALUE}).")
  double reg;

  @Option(names = "--seed", defaultValue = "" + AlsSettings.DEFAULT_SEED, paramLabel = "SEED",
      description = "Seed of the users' initial factors (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--engine", defaultValue = "memory", paramLabel = "memory|mapreduce",
      description = "memory: all cores here; mapreduce: a map-only job per half-iteration, for "
          + "cluster inputs. Both give byte-identical files (default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads of the memory engine and of --neighbours (default: all cores).")
  Integer threads;

  @Option(names = "--reducers", defaultValue = "1", paramLabel = "N",
      description = "Reduce tasks of the MapReduce engine's two rows jobs (default: ${DEFAULT-VALUE}).")
  int reducers;

  @Option(names = "--neighbours",
      description = "Also write item_topk_neighbors.txt: each item's top --k items by the cosine "
          + "of their factor vectors.")
  boolean neighbours;

  @Option(names = "--k", defaultValue = "" + NeighbourSettings.DEFAULT_K, paramLabel = "K",
      description = "Neighbours kept per item with --neighbours (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--evaluate", paramLabel = "FILE",
      description = "Print the RMSE and MAE of the written factors on this test split.")
  String evaluate;

  @Option(names = "--overwrite", description = "Replace existing files.")
  boolean overwrite;

  @Override
  public Integer call() {
    AlsSettings settings;
    AlsFiles.Request request;
    try {
      settings = new AlsSettings(rank, iterations, reg, seed);
      if (neighbours && k < 1) {
        throw new IllegalArgumentException("--k must be >= 1, not " + k);
      }
      request = new AlsFiles.Request(new Path(train), new Path(output), settings,
          AlsEngine.parse(engine), threads != null ? threads : Runtime.getRuntime().availableProcessors(),
          reducers, neighbours ? k : 0, overwrite);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Configuration conf = HadoopRuntime.configuration();
    AlsFiles.Result result = AlsFiles.compute(request, conf);
    System.err.println(String.format(Locale.ROOT, "als: %s, %s engine: %,d users and %,d items"
        + " → %s, %s%s", settings.describe(), request.engine().cliName(),
        result.model().users().size(), result.model().items().size(),
        new Path(output, AlsFiles.USER_FACTORS), AlsFiles.ITEM_FACTORS, neighbours
            ? String.format(Locale.ROOT, ", %s (%,d items with neighbours)",
                PipelineFiles.ITEM_NEIGHBOURS, result.itemsWithNeighbours()) : ""));
    if (evaluate != null) {
      printTestError(new Path(evaluate), conf);
    }
    return 0;
  }

  /** The error of the written files (so it is what a reader of them gets) on the test split. */
  private void printTestError(Path test, Configuration conf) {
    Factors users = FactorFiles.read(new Path(output, AlsFiles.USER_FACTORS), rank, conf);
    Factors items = FactorFiles.read(new Path(output, AlsFiles.ITEM_FACTORS), rank, conf);
    TestError error = TestError.of(users, items, test, conf);
    if (error.covered() == 0) {
      throw new CfmrException(test + ": no test rating has both its user and its item in train");
    }
    System.out.println(String.format(Locale.ROOT,
        "als test: RMSE %.4f, MAE %.4f over %,d of %,d test ratings (%.2f%%: user and item in train)",
        error.rmse(), error.mae(), error.covered(), error.total(),
        100.0 * error.covered() / error.total()));
  }
}
