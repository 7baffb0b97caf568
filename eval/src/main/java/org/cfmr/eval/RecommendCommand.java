package org.cfmr.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.runtime.NeighbourRole;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.UsageException;
import org.cfmr.core.runtime.ResultStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;
import picocli.CommandLine.Spec;

/**
 * {@code cfmr recommend}: each user's top-N (default 100) movies by a ranking score
 * ({@code --ranking}, default {@link RankingScore#DEFAULT}), from user-based neighbours (default)
 * or item-based ones ({@code --mode item}), or by ALS's {@code x_u·y_i} ({@code --model als}), as
 * header-less {@code userId,movieId,prediction} CSV.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Top-N recommendations per user from a neighbour file (or ALS's factor "
        + "files), as userId,movieId,prediction CSV (best first, ties by movie id).",
        "Give a pipeline output folder (--folder) or --train and --neighbours (or "
            + "--user-factors and --item-factors with --model als)."})
public final class RecommendCommand implements Callable<Integer> {
  /** The options that only kNN reads, refused with {@code --model als}. */
  private static final List<String> KNN_OPTIONS = List.of("--neighbours", "--mode",
      "--ranking-neighbours", "--item-formula", "--ranking", "--min-neighbours");

  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "knn|als", defaultValue = "knn",
      description = "knn: the neighbours' lists (--mode); als: every unrated movie by the "
          + "factors' x_u·y_i, predicted x_u·y_i clipped (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--folder", paramLabel = "DIR",
      description = "A pipeline output folder: its " + PipelineFiles.TRAIN
          + " and the mode's neighbour file are used, and the recommendations written there "
          + "(" + PipelineFiles.USER_BASED_RECOMMENDATIONS + ", "
          + PipelineFiles.ITEM_BASED_RECOMMENDATIONS + " or " + PipelineFiles.ALS_RECOMMENDATIONS
          + ") unless --output is given.")
  String folder;

  @Option(names = "--train", paramLabel = "FILE",
      description = "Train split, header-less userId,movieId,rating,timestamp.")
  String train;

  @Option(names = "--neighbours", paramLabel = "FILE",
      description = "The top-K neighbour file of --mode.")
  String neighbours;

  @Mixin FactorFileOptions factorFiles;

  @Option(names = "--mode", paramLabel = "user|item", defaultValue = "user",
      description = "User-based or item-based predictions (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--ranking-neighbours", paramLabel = "FILE",
      description = "Neighbours that find and order each user's candidates (default: the "
          + "folder's ranking file of the mode when it has one, else the --neighbours file); "
          + "the predicted ratings come from --neighbours.")
  String rankingNeighbours;

  @Mixin PredictionOptions prediction;

  @Option(names = "--item-formula", paramLabel = "centred|weighted", defaultValue = "centred",
      description = "Item-based formula (default: ${DEFAULT-VALUE}).")
  String itemFormula;

  @Option(names = "--ranking", paramLabel = "SCORE", defaultValue = RankingScore.DEFAULT_NAME,
      description = "What orders each list: similarity-sum, deviation-sum, damped-prediction or "
          + "prediction (pred(u,i) itself) (default: ${DEFAULT-VALUE}).")
  String ranking;

  @Option(names = "--top-n", paramLabel = "N", defaultValue = "100",
      description = "Recommendations per user (default: ${DEFAULT-VALUE}).")
  int topN;

  @Option(names = "--all", description = "Every covered candidate of each user, as the seed did.")
  boolean all;

  @Option(names = "--users", split = ",", paramLabel = "ID",
      description = "Only these users, e.g. --users 1,2,3 (default: every train user).")
  int[] users;

  @Option(names = "--min-neighbours", paramLabel = "N", defaultValue = "1",
      description = "A candidate needs at least N contributing neighbours (default: ${DEFAULT-VALUE}).")
  int minNeighbours;

  @Option(names = "--no-clip", description = "Do not clip predictions to the train rating range.")
  boolean noClip;

  @Mixin ThreadsOption threads;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Where to write (default: the folder's recommendations file).")
  String output;

  @Option(names = "--overwrite", description = "Replace an existing output file.")
  boolean overwrite;

  @Override
  public Integer call() {
    Configuration conf = HadoopRuntime.configuration();
    boolean als = chosenModel();
    Mode chosen = Mode.parse(mode);
    if (topN < 1) {
      throw new UsageException("--top-n must be >= 1, not " + topN);
    }
    if (output == null && folder == null) {
      throw new UsageException("give --output or a pipeline output folder with --folder");
    }
    RankingScore score = RankingScore.parse(ranking);
    if (output != null) {
      OutputFolder.requireReplaceable(new Path(output), overwrite, conf);
    }
    FolderInputs inputs = new FolderInputs(folder, "pipeline output folder");
    Path trainFile = inputs.file(train, PipelineFiles.TRAIN, "--train", conf);
    EvaluationSettings settings = prediction.apply(new EvaluationSettings(chosen,
        ItemFormula.CENTRED, minNeighbours, !noClip, score, EvaluationSettings.DEFAULT_TOP_N,
        EvaluationSettings.DEFAULT_RELEVANT_FROM, threads.count()))
        .withItemFormula(ItemFormula.parse(itemFormula));
    TrainData trainData = TrainData.of(RatingsReader.readTrain(trainFile, conf));
    Baseline baseline = settings.needsBaseline()
        ? BaselineFit.fit(trainData, settings.baseline(), threads.count()) : null;
    ResultStage stage = ResultStage.of("recommend " + (als ? "als" : chosen.cliName()))
        .input("train", trainFile, conf);
    Recommender recommender = als ? factorRecommender(inputs, trainData, settings, baseline,
        stage, conf) : knnRecommender(inputs, chosen, trainData, settings, baseline, stage, conf);
    long start = System.nanoTime();
    Path target;
    long lines;
    if (output != null) {
      target = new Path(output);
      lines = write(recommender, all ? 0 : topN, users, threads.count(), target, overwrite, conf);
    } else {
      String name = als ? PipelineFiles.ALS_RECOMMENDATIONS : chosen == Mode.USER
          ? PipelineFiles.USER_BASED_RECOMMENDATIONS : PipelineFiles.ITEM_BASED_RECOMMENDATIONS;
      stage.setting("top_n", all ? 0 : topN).setting("clip", !noClip);
      try (OutputFolder out = OutputFolder.forResult(new Path(folder), List.of(name), overwrite,
          stage, conf)) {
        lines = writeStaged(recommender, all ? 0 : topN, users, threads.count(), out, name);
        out.commit();
        target = out.target(name);
      }
    }
    System.err.printf(Locale.ROOT, "recommend %s: %,d recommendations written to %s in %.1fs%n",
        recommender.title(), lines, target, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** Whether the lists are ALS's; kNN's options are refused with them, factor files without. */
  private boolean chosenModel() {
    switch (model) {
      case "knn":
        if (factorFiles.given()) {
          throw new UsageException("--user-factors and --item-factors are ALS's: add --model als");
        }
        return false;
      case "als":
        for (String option : KNN_OPTIONS) {
          if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new UsageException(option + " is kNN's: --model als ranks by the factors");
          }
        }
        return true;
      default:
        throw new UsageException("unknown model '" + model + "' (expected knn or als)");
    }
  }

  /** kNN's recommender over the mode's neighbour files, recorded in {@code stage}. */
  private Recommender knnRecommender(FolderInputs inputs, Mode chosen, TrainData trainData,
      EvaluationSettings settings, Baseline baseline, ResultStage stage, Configuration conf) {
    Path neighbourFile = inputs.file(neighbours, NeighbourRole.PREDICTION.fileName(chosen),
        "--neighbours", conf);
    Path rankingFile = inputs.rankingFile(rankingNeighbours, neighbours, chosen, neighbourFile,
        conf);
    NeighbourLists lists = NeighbourListsFile.read(neighbourFile, conf);
    stage.input("neighbours", neighbourFile, conf).input("ranking_neighbours", rankingFile, conf)
        .setting("predictions", settings.describe()).setting("min_neighbours", minNeighbours)
        .setting("ranking", settings.ranking().toString());
    return KnnRecommender.of(trainData, lists, rankingFile.equals(neighbourFile) ? lists
        : NeighbourListsFile.read(rankingFile, conf), settings, baseline);
  }

  /** ALS's recommender over the factor files, recorded in {@code stage}. */
  private Recommender factorRecommender(FolderInputs inputs, TrainData trainData,
      EvaluationSettings settings, Baseline baseline, ResultStage stage, Configuration conf) {
    stage.input("user_factors", factorFiles.userFile(inputs, conf), conf)
        .input("item_factors", factorFiles.itemFile(inputs, conf), conf)
        .setting("ranking", FactorRecommender.RANKING);
    return factorFiles.read(inputs, trainData, settings, baseline, conf);
  }

  /** Writes the recommendations to {@code target} through a staged write; returns the line count. */
  public static long write(Recommender recommender, int topN, int[] userIds, int threads,
      Path target, boolean overwrite, Configuration conf) {
    Path parent = target.getParent() == null ? new Path(".") : target.getParent();
    try (OutputFolder out = OutputFolder.forFiles(parent, List.of(target.getName()), overwrite,
        conf)) {
      long lines = writeStaged(recommender, topN, userIds, threads, out, target.getName());
      out.commit();
      return lines;
    }
  }

  /**
   * Writes the recommendations into the staged file {@code name} of {@code out}, uncommitted;
   * returns the line count.
   */
  public static long writeStaged(Recommender recommender, int topN, int[] userIds, int threads,
      OutputFolder out, String name) {
    try (OutputStream stream = out.fileSystem().create(out.staged(name))) {
      return Recommendations.write(recommender, topN, userIds, threads, stream);
    } catch (IOException | FSError e) {
      throw new CfmrException("cannot write " + out.target(name) + ": " + ErrorMessages.of(e), e);
    }
  }
}
