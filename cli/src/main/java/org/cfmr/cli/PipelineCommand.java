package org.cfmr.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.cfmr.als.AlsSettings;
import org.cfmr.core.Mode;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.runtime.BundledData;
import org.cfmr.core.UsageException;
import org.cfmr.eval.EvaluationSettings;
import org.cfmr.eval.PredictionOptions;
import org.cfmr.eval.Recommendations;
import org.cfmr.eval.ValidationSplit;
import org.cfmr.mapreduce.Engine;
import org.cfmr.mapreduce.NeighboursCommand;
import org.cfmr.mapreduce.NeighbourOptions;
import org.cfmr.preprocess.split.SplitSettings;
import org.cfmr.sql.DatabaseOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cfmr pipeline}: the main job, every stage in one command (see {@link Pipeline}). */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the whole chain on a MovieLens dataset (the bundled one by default):",
        "split 80/20, user-user and item-item neighbours, evaluation of both, top-N "
            + "recommendations of both, and (with --jdbc-url and --user) the MySQL load, the "
            + "password read from " + DatabaseOptions.PASSWORD_VARIABLE + ", else prompted for.",
        "The seed project's configuration is --similarity cosine --shrink 0 --predictor "
            + "mean-centred --damping 0 --ranking-neighbours prediction."})
final class PipelineCommand implements Callable<Integer> {
  /** The ALS fit of {@code --models knn,als}: the settings of the best test RMSE measured. */
  static final int PIPELINE_ALS_RANK = 10;
  static final double PIPELINE_ALS_REG = 0.1;

  @Spec CommandSpec spec;

  @Option(names = "--input", paramLabel = "PATH",
      description = "A ratings file (u.data, ratings.dat, ratings.csv, header-less CSV) or a "
          + "dataset folder (default: the bundled " + BundledData.FOLDER + ").")
  String input;

  @Option(names = "--output", defaultValue = "cfmr-out", paramLabel = "FOLDER",
      description = "Where every result goes (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--overwrite", description = "Replace the results of an earlier run.")
  boolean overwrite;

  @Option(names = "--train", paramLabel = "FILE",
      description = "With --test: a split of your own (any ratings format cfmr split reads); the "
          + "pipeline skips the split and runs everything else on these files.")
  String train;

  @Option(names = "--test", paramLabel = "FILE", description = "The test file of --train.")
  String test;

  @Option(names = "--seed", defaultValue = "" + SplitSettings.DEFAULT_SEED,
      description = "The seed of the split (and of the --max-pivot-ratings sample) "
          + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--train-fraction", defaultValue = "" + SplitSettings.DEFAULT_TRAIN_FRACTION,
      description = "The share of ratings in the train split (default: ${DEFAULT-VALUE}).")
  double trainFraction;

  @Mixin NeighbourOptions neighbours;

  @Option(names = "--engine", defaultValue = "auto",
      converter = NeighboursCommand.EngineConverter.class, description = "auto (memory when the "
          + "data is local and fits the heap), memory or mapreduce (default: ${DEFAULT-VALUE}).")
  Engine engine;

  @Option(names = "--reducers", defaultValue = "1",
      description = "Reduce tasks per MapReduce job (default: ${DEFAULT-VALUE}).")
  int reducers;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads of the in-memory stages (default: all cores).")
  Integer threads;

  @Option(names = "--work", paramLabel = "DIR",
      description = "The MapReduce chain's intermediates, removed once the neighbour files are "
          + "written (default: on the default file system, as for cfmr neighbours --work).")
  String work;

  @Option(names = "--top-n", defaultValue = "" + Recommendations.DEFAULT_TOP_N,
      description = "Recommendations per user; 0: every candidate (default: ${DEFAULT-VALUE}).")
  int topN;

  @Option(names = "--ranking-neighbours", paramLabel = "cooccurrence|prediction",
      defaultValue = "cooccurrence",
      description = "What orders the recommendations and the top-N metrics: neighbours by "
          + "co-occurrence cosine (λ 0, minCommon 1, the same K; a second neighbour run, written "
          + "as *_ranking_neighbors.txt), or the prediction neighbours themselves "
          + "(default: ${DEFAULT-VALUE}).")
  String rankingNeighbours;

  @Mixin PredictionOptions prediction;

  @Option(names = "--models", split = ",", paramLabel = "knn[,als[,blend]]", defaultValue = "knn",
      description = "knn: the neighbours' evaluation and recommendations (always run); als adds "
          + "an ALS fit (user_factors.txt, item_factors.txt, als.json), its row in the table and "
          + "metrics.json and recommendations_als.csv, for about a second more on the bundled "
          + "data. Off by default for what it gives: on the bundled data and ml-100k ALS predicts "
          + "worse than kNN (on the bundled data worse than the baseline too) and its lists, of "
          + "every unrated movie by x_u·y_i, rank far below popularity's (README). "
          + "blend (with als) adds the least-squares blend of user-based kNN, item-based kNN, "
          + "ALS and the baseline, its weights fitted on --blend-validation of the train split "
          + "with the parts fitted on the rest: its row in the table and metrics.json and its "
          + "weights in run.json, for a second fit of every part. Off by default for its lists: "
          + "it predicts better than each part on the bundled data and ml-100k, but its lists, "
          + "by the blended prediction, rank below kNN's and popularity's (README) "
          + "(default: ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(names = "--als-rank", defaultValue = "" + PIPELINE_ALS_RANK, paramLabel = "K",
      description = "ALS's factors per user and movie; rank 10 predicts as well as 64 on the "
          + "bundled data and ml-100k, 13 times faster (default: ${DEFAULT-VALUE}).")
  int alsRank;

  @Option(names = "--als-reg", defaultValue = "" + PIPELINE_ALS_REG, paramLabel = "LAMBDA",
      description = "ALS's regularisation, as cfmr als --reg (default: ${DEFAULT-VALUE}).")
  double alsReg;

  @Option(names = "--als-iterations", defaultValue = "" + AlsSettings.DEFAULT_ITERATIONS,
      paramLabel = "N", description = "ALS's iterations (default: ${DEFAULT-VALUE}).")
  int alsIterations;

  @Option(names = "--blend-validation", defaultValue = "" + ValidationSplit.DEFAULT_FRACTION,
      paramLabel = "FRACTION", description = "The share of the train ratings held out to fit "
          + "the blend's weights on, the parts fitted on the rest (default: ${DEFAULT-VALUE}).")
  double blendValidation;

  /** Where to also load the results; null when neither option is given. */
  @ArgGroup(exclusive = false, multiplicity = "0..1")
  DatabaseOptions database;

  @Override
  public Integer call() {
    refuseWhatWouldFailHalfWay();
    Path inputPath = new Path(input != null ? input : BundledData.folder().toString());
    int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    NeighbourSettings similarity = neighbours.settings(seed);
    Pipeline.Settings settings = new Pipeline.Settings(inputPath, new Path(output), overwrite,
        new SplitSettings(inputPath, new Path(output), trainFraction, seed, 0, reducers, overwrite),
        train == null ? null : new Pipeline.GivenFiles(new Path(train), new Path(test)),
        similarity, ranking(similarity),
        prediction.apply(EvaluationSettings.defaults(Mode.USER).withThreads(threadCount)),
        engine, reducers, threadCount, topN, database, work != null ? new Path(work) : null,
        als(), blend());
    new Pipeline(settings, System.out).run();
    return 0;
  }

  /** Whether {@code option} was on the command line. */
  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** The models of {@code --models}, trimmed, each once. */
  private List<String> modelNames() {
    return models.stream().map(String::trim).distinct().toList();
  }

  /** The ALS fit's settings, or null when {@code --models} leaves ALS out. */
  private AlsSettings als() {
    List<String> names = modelNames();
    for (String name : names) {
      if (!List.of("knn", "als", "blend").contains(name)) {
        throw new UsageException("unknown model '" + name + "' (expected knn, als or blend)");
      }
    }
    if (!names.contains("knn")) {
      throw new UsageException("--models must include knn: the neighbours, their evaluation and "
          + "recommendations always run (add als for the ALS stage)");
    }
    if (!names.contains("als")) {
      for (String option : List.of("--als-rank", "--als-reg", "--als-iterations")) {
        if (given(option)) {
          throw new UsageException(option + " is ALS's: add --models knn,als");
        }
      }
      return null;
    }
    try {
      return new AlsSettings(alsRank, alsIterations, alsReg, AlsSettings.DEFAULT_SEED);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage().replace("--", "--als-"));
    }
  }

  /** The blend's validation share, or null when {@code --models} leaves the blend out. */
  private Double blend() {
    List<String> names = modelNames();
    if (!names.contains("blend")) {
      if (given("--blend-validation")) {
        throw new UsageException("--blend-validation is the blend's: add --models knn,als,blend");
      }
      return null;
    }
    if (!names.contains("als")) {
      throw new UsageException("--models blend blends kNN with ALS: add als (--models "
          + "knn,als,blend)");
    }
    ValidationSplit.requireFraction(blendValidation);
    return blendValidation;
  }

  /** The ranking neighbours' settings, or null when the prediction neighbours rank. */
  private NeighbourSettings ranking(NeighbourSettings neighbours) {
    switch (rankingNeighbours) {
      case "cooccurrence":
        return neighbours.forRanking();
      case "prediction":
        return null;
      default:
        throw new UsageException("unknown --ranking-neighbours '" + rankingNeighbours
            + "' (expected cooccurrence or prediction)");
    }
  }

  /** Values the split accepts but a later stage cannot use, refused before any file is written. */
  private void refuseWhatWouldFailHalfWay() {
    if ((train == null) != (test == null)) {
      throw new UsageException("--train and --test go together: give both or neither");
    }
    if (train != null && (input != null || given("--train-fraction"))) {
      throw new UsageException("--train and --test are the split: leave out "
          + (input != null ? "--input" : "--train-fraction"));
    }
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new UsageException("--train-fraction must be between 0 and 1, both excluded (the "
          + "pipeline needs ratings in both train and test), not " + trainFraction);
    }
    if (threads != null && threads < 1) {
      throw new UsageException("--threads must be >= 1, not " + threads);
    }
    if (topN < 0) {
      throw new UsageException("--top-n must be >= 0, not " + topN);
    }
  }
}
