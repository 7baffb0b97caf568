package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.runtime.NeighbourRole;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.UsageException;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * {@code cfmr evaluate}: RMSE, MAE and coverage over the covered test ratings, the same over all
 * test ratings with the uncovered ones predicted by the fallback (default the baseline
 * {@code b_ui}), and precision/recall/nDCG@N, for user-based and/or item-based predictions
 * (lists ordered by {@code --ranking}), after the global mean's and the baseline's figures and
 * before the popularity list's top-N row with each mode's lift over it. Default: both modes of a
 * pipeline output folder; {@code --model als} (or {@code knn,als}) evaluates ALS's factor files
 * in the same table, {@code --model baseline} (or {@code global-mean}) that model alone.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"RMSE, MAE, coverage and top-N metrics of kNN (or ALS) predictions on the "
        + "test split.",
        "Give a pipeline output folder (--folder), or --train, --test, --neighbours and --mode "
            + "(or --user-factors and --item-factors with --model als)."})
public final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--folder", paramLabel = "DIR",
      description = "A pipeline output folder: its " + PipelineFiles.TRAIN + ", "
          + PipelineFiles.TEST + " and neighbour files are used unless named below.")
  String folder;

  @Option(names = "--train", paramLabel = "FILE",
      description = "Train split, header-less userId,movieId,rating,timestamp.")
  String train;

  @Option(names = "--test", paramLabel = "FILE", description = "Test split, same format.")
  String test;

  @Option(names = "--neighbours", paramLabel = "FILE",
      description = "A top-K neighbour file (id<TAB>n:s,...) of the one --mode given.")
  String neighbours;

  @Option(names = "--mode", split = ",", paramLabel = "user|item",
      description = "user, item or user,item (default: user,item with --folder; "
          + "one of them is required with --neighbours).")
  List<String> modes;

  @Option(names = "--model", split = ",", paramLabel = "knn|als|baseline|global-mean",
      defaultValue = "knn",
      description = "knn: the neighbours' predictions (--mode); als: the factors' x_u·y_i, lists "
          + "by x_u·y_i; knn,als: both; each after the global mean and the baseline. baseline "
          + "or global-mean: that model alone (default: ${DEFAULT-VALUE}).")
  List<String> model;

  @Mixin FactorFileOptions factorFiles;

  @Option(names = "--ranking-neighbours", paramLabel = "FILE",
      description = "Neighbours that rank the top-N lists (default: the folder's ranking file "
          + "of each mode when it has one, else the prediction neighbours); with one --mode.")
  String rankingNeighbours;

  @Mixin PredictionOptions prediction;

  @Option(names = "--item-formula", paramLabel = "centred|weighted", defaultValue = "centred",
      description = "Item-based formula: mean-centred, or the seed's plain weighted average "
          + "(default: ${DEFAULT-VALUE}).")
  String itemFormula;

  @Option(names = "--min-neighbours", paramLabel = "N", defaultValue = "1",
      description = "A test rating is covered when at least N neighbours rated the item "
          + "(resp. were rated by the user) (default: ${DEFAULT-VALUE}).")
  int minNeighbours;

  @Option(names = "--no-clip",
      description = "Do not clip predictions to the train rating range.")
  boolean noClip;

  @Option(names = "--ranking", paramLabel = "SCORE", defaultValue = RankingScore.DEFAULT_NAME,
      description = "What orders the top-N lists: similarity-sum, deviation-sum, "
          + "damped-prediction or prediction (pred(u,i) itself) (default: ${DEFAULT-VALUE}).")
  String ranking;

  @Option(names = "--top-n", paramLabel = "N", defaultValue = "10",
      description = "N of precision@N, recall@N and nDCG@N (default: ${DEFAULT-VALUE}).")
  int topN;

  @Option(names = "--relevant-from", paramLabel = "RATING", defaultValue = "4.0",
      description = "Test ratings at least this are relevant for the top-N metrics "
          + "(default: ${DEFAULT-VALUE}).")
  double relevantFrom;

  @Mixin ThreadsOption threads;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures as JSON: one object for one mode (or --model "
          + "baseline or global-mean), or one object per mode and model ({\"global_mean\": "
          + "{...}, \"baseline\": {...}, \"als\": {...}, \"user\": {...}, \"item\": {...}, "
          + "\"popularity\": {...}}).")
  String json;

  @Option(names = "--overwrite", description = "Replace an existing --json file.")
  boolean overwrite;

  @Option(names = "--allow-unknown", description = "Evaluate even when more than half of the "
      + "test ratings have a user or movie the train split does not have (files of different "
      + "datasets or runs, refused by default).")
  boolean allowUnknown;


  @Override
  public Integer call() {
    Configuration conf = HadoopRuntime.configuration();
    Models chosen = chosenModels();
    List<Mode> modes = chosen.knn() ? chosenModes() : List.of();
    EvaluationSettings settings = prediction.apply(new EvaluationSettings(Mode.USER,
        ItemFormula.CENTRED, minNeighbours, !noClip, RankingScore.parse(ranking), topN,
        relevantFrom, threads.count())).withItemFormula(ItemFormula.parse(itemFormula));
    FolderInputs inputs = new FolderInputs(folder, "pipeline output folder");
    Path trainFile = inputs.file(train, PipelineFiles.TRAIN, "--train", conf);
    Path testFile = inputs.file(test, PipelineFiles.TEST, "--test", conf);
    if (json != null) {
      OutputFolder.requireReplaceable(new Path(json), overwrite, conf);
    }
    TrainData trainData = TrainData.of(RatingsReader.readTrain(trainFile, conf));
    TestRatings testRatings = TestRatings.read(testFile, trainData, conf);
    SplitsMatch.check(trainFile, trainData, testFile, testRatings, allowUnknown, System.err);
    long fitStart = System.nanoTime();
    Baseline baseline = BaselineFit.fit(trainData, settings.baseline(), threads.count());
    System.err.printf(Locale.ROOT, "baseline: %s fitted on %,d ratings in %.1fs, %d threads%n",
        settings.baseline().describe(), trainData.ratings(),
        (System.nanoTime() - fitStart) / 1e9, threads.count());
    List<ModelResult> models = new ArrayList<>();
    if (chosen.ranked() || chosen.globalMean()) {
      models.add(ModelEvaluation.globalMean(trainData, testRatings));
    }
    if (chosen.ranked() || chosen.baseline()) {
      models.add(ModelEvaluation.baseline(trainData, testRatings, baseline, settings.baseline(),
          !noClip));
    }
    if (chosen.als()) {
      FactorRecommender als = factorFiles.read(inputs, trainData, settings, baseline, conf);
      models.add(Evaluation.runFactors(trainData, testRatings, als, settings));
    }
    models.forEach(m -> System.out.print(m.report()));
    List<EvaluationResult> results = new ArrayList<>();
    for (Mode mode : modes) {
      Path neighbourFile = inputs.file(neighbours, NeighbourRole.PREDICTION.fileName(mode),
          "--neighbours", conf);
      Path rankingFile = inputs.rankingFile(rankingNeighbours, neighbours, mode, neighbourFile,
          conf);
      NeighbourLists lists = NeighbourListsFile.read(neighbourFile, conf);
      EvaluationResult result = Evaluation.run(trainData, testRatings, lists,
          rankingFile.equals(neighbourFile) ? lists : NeighbourListsFile.read(rankingFile, conf),
          settings.withMode(mode), baseline);
      System.out.print(result.report());
      results.add(result);
    }
    TopNResult popularity = null;
    if (chosen.ranked()) {
      popularity = PopularityBaseline.evaluate(trainData, testRatings, topN, relevantFrom);
      System.out.print(popularity.report(popularity.ranking()));
      System.out.println();
      System.out.print(ResultsTable.text(modes.stream().map(Mode::cliName).toList(), "mode",
          models, results, popularity));
    }
    if (json != null) {
      TextFile.write(new Path(json), Evaluation.toJsonText(results,
          chosen.knnAlone() && results.size() == 1 ? List.of() : models, popularity),
          overwrite, conf);
    }
    return 0;
  }

  /** The models of {@code --model}. */
  private record Models(boolean knn, boolean als, boolean baseline, boolean globalMean) {
    /** Whether lists are ranked, so the table with every row is printed. */
    boolean ranked() {
      return knn || als;
    }

    boolean knnAlone() {
      return knn && !als;
    }
  }

  private Models chosenModels() {
    List<String> names = model.stream().map(String::trim).distinct().toList();
    for (String name : names) {
      if (!List.of("knn", "als", "baseline", "global-mean").contains(name)) {
        throw new UsageException(
            "unknown model '" + name + "' (expected knn, als, baseline or global-mean)");
      }
    }
    Models chosen = new Models(names.contains("knn"), names.contains("als"),
        names.contains("baseline"), names.contains("global-mean"));
    if ((chosen.baseline() || chosen.globalMean()) && names.size() > 1) {
      throw new UsageException("--model " + String.join(",", names) + ": baseline and "
          + "global-mean are evaluated alone (knn and als show them anyway)");
    }
    if (!chosen.knn() && (modes != null || neighbours != null || rankingNeighbours != null)) {
      throw new UsageException("--model " + String.join(",", names) + " uses no neighbours: "
          + "leave out --mode, --neighbours and --ranking-neighbours");
    }
    if (!chosen.als() && (factorFiles.given())) {
      throw new UsageException("--user-factors and --item-factors are ALS's: add --model als");
    }
    return chosen;
  }

  private List<Mode> chosenModes() {
    if (modes == null) {
      if (neighbours != null || rankingNeighbours != null) {
        throw new UsageException((neighbours != null ? "--neighbours" : "--ranking-neighbours")
            + " needs --mode user or --mode item");
      }
      return List.of(Mode.USER, Mode.ITEM);
    }
    List<Mode> parsed = modes.stream().map(Mode::parse).distinct().toList();
    if (rankingNeighbours != null && parsed.size() != 1) {
      throw new UsageException("--ranking-neighbours is one file: give one --mode (user or item)");
    }
    if (neighbours != null && parsed.size() != 1) {
      throw new UsageException("--neighbours is one file: give one --mode (user or item)");
    }
    return parsed;
  }
}
