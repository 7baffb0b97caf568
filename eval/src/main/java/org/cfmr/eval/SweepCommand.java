package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.similarity.Similarity;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.report.ChartFiles;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.UsageException;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.baseline.BaselineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.cfmr.core.io.RatingsReader;

/**
 * {@code cfmr sweep}: neighbours (in-memory engine) and evaluation over a grid of similarity,
 * shrinkage, minCommon and K, both modes, each with every predictor, damping and baseline given, as one table (and a CSV) to choose settings from, with
 * the popularity baseline's row and each row's lift over it.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Neighbours and evaluation over a grid of settings, as one table.",
        "Give a split folder (--folder, e.g. a pipeline output) or --train and --test."})
public final class SweepCommand implements Callable<Integer> {
  @Option(names = "--folder", paramLabel = "DIR",
      description = "A folder with " + PipelineFiles.TRAIN + " and " + PipelineFiles.TEST + ".")
  String folder;

  @Option(names = "--train", paramLabel = "FILE", description = "Train split (header-less CSV).")
  String train;

  @Option(names = "--test", paramLabel = "FILE", description = "Test split (header-less CSV).")
  String test;

  @Option(names = "--k", split = ",", paramLabel = "K", defaultValue = "20,50,100",
      description = "Neighbours kept per entity (default: ${DEFAULT-VALUE}).")
  List<Integer> ks;

  @Option(names = "--shrink", split = ",", paramLabel = "λ", defaultValue = "0,25,100",
      description = "Shrinkage λ (default: ${DEFAULT-VALUE}).")
  List<Double> shrinks;

  @Option(names = "--similarity", split = ",", paramLabel = "MEASURE",
      defaultValue = "cosine,pearson,adjusted-cosine",
      description = "Similarity measures among cosine, pearson, adjusted-cosine, cooccurrence "
          + "(default: ${DEFAULT-VALUE}).")
  List<String> measures;

  @Option(names = "--min-common", split = ",", paramLabel = "N", defaultValue = "1,5",
      description = "Minimum co-rated pivots of a pair (default: ${DEFAULT-VALUE}).")
  List<Integer> minCommons;

  @Option(names = "--max-pivot-ratings", split = ",", paramLabel = "N", defaultValue = "0",
      description = "Pivot caps: pivots with more ratings use a seeded sample of N for pairs; "
          + "0 = no cap (default: ${DEFAULT-VALUE}).")
  List<Integer> maxPivotRatings;

  @Option(names = "--mode", split = ",", paramLabel = "user|item", defaultValue = "user,item",
      description = "Prediction modes (default: ${DEFAULT-VALUE}).")
  List<String> modes;

  @Mixin PredictionOptions predictions;

  @Option(names = "--item-formula", paramLabel = "centred|weighted", defaultValue = "centred",
      description = "Item-based formula (default: ${DEFAULT-VALUE}).")
  String itemFormula;

  @Option(names = "--ranking", paramLabel = "SCORE", defaultValue = RankingScore.DEFAULT_NAME,
      description = "What orders the top-N lists: similarity-sum, deviation-sum, "
          + "damped-prediction or prediction (pred(u,i) itself) (default: ${DEFAULT-VALUE}).")
  String ranking;

  @Option(names = "--top-n", paramLabel = "N", defaultValue = "10",
      description = "N of precision/recall/nDCG@N (default: ${DEFAULT-VALUE}).")
  int topN;

  @Mixin ThreadsOption threads;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Also write the table as CSV (full precision).")
  String csv;

  @Option(names = "--plot", paramLabel = "DIR",
      description = "Also draw, per mode, RMSE, coverage, precision, recall and nDCG against K "
          + "(one curve per measure, λ, minCommon and predictor; the baselines as reference "
          + "lines) as DIR/<mode>-<figure>-against-k.svg and .png.")
  String plot;

  @Option(names = "--overwrite", description = "Replace an existing --csv file or charts.")
  boolean overwrite;


  @Override
  public Integer call() {
    Configuration conf = HadoopRuntime.configuration();
    Sweep.Grid grid = new Sweep.Grid(measures.stream().map(Similarity::parse).distinct().toList(),
        shrinks, minCommons, ks, maxPivotRatings,
        modes.stream().map(Mode::parse).distinct().toList());
    checkGrid(grid);
    List<EvaluationSettings> evaluations = predictions.grid(new EvaluationSettings(Mode.USER,
        ItemFormula.CENTRED, 1, true, RankingScore.parse(ranking), topN,
        EvaluationSettings.DEFAULT_RELEVANT_FROM, threads.count()), ItemFormula.parse(itemFormula));
    FolderInputs inputs = new FolderInputs(folder, "split folder");
    Path trainFile = inputs.file(train, PipelineFiles.TRAIN, "--train", conf);
    if (csv != null) {
      OutputFolder.requireReplaceable(new Path(csv), overwrite, conf);
    }
    if (plot != null) {
      ChartFiles.requireReplaceable(new Path(plot), SweepPlots.names(grid.modes()), overwrite,
          conf);
    }
    TrainData trainData = TrainData.of(RatingsReader.readTrain(trainFile, conf));
    TestRatings testRatings = TestRatings.read(inputs.file(test, PipelineFiles.TEST, "--test", conf),
        trainData, conf);
    List<ModelResult> models = models(trainData, testRatings);
    List<Sweep.Row> rows = Sweep.run(trainFile, trainData, testRatings, grid, evaluations, conf);
    List<String> labels = rows.stream().map(Sweep.Row::label).toList();
    List<EvaluationResult> results = rows.stream().map(Sweep.Row::result).toList();
    TopNResult popularity = PopularityBaseline.evaluate(trainData, testRatings, topN,
        EvaluationSettings.DEFAULT_RELEVANT_FROM);
    System.out.print(ResultsTable.text(labels, "neighbours", models, results, popularity));
    if (csv != null) {
      TextFile.write(new Path(csv), ResultsTable.csv(
          rows.stream().map(Sweep.Row::csvFields).toList(), Sweep.Row.CSV_HEADER, models, results,
          popularity),
          overwrite, conf);
    }
    if (plot != null) {
      List<String> files = ChartFiles.write(SweepPlots.charts(rows, grid.modes(), models,
          popularity), new Path(plot), overwrite, conf);
      System.out.println("charts: " + String.join(", ", files) + " in " + plot);
    }
    return 0;
  }

  /** The global mean, then the baseline of each pair of λs (labelled by them when several). */
  private List<ModelResult> models(TrainData train, TestRatings test) {
    List<BaselineSettings> baselines = predictions.baselines();
    List<ModelResult> models = new ArrayList<>();
    models.add(ModelEvaluation.globalMean(train, test));
    for (BaselineSettings settings : baselines) {
      ModelResult baseline = ModelEvaluation.baseline(train, test,
          BaselineFit.fit(train, settings, threads.count()), settings, true);
      models.add(baselines.size() == 1 ? baseline : baseline.describedBySettings());
    }
    return models;
  }

  private static void checkGrid(Sweep.Grid grid) {
    requireValues("--similarity", grid.measures());
    requireValues("--shrink", grid.shrinks());
    requireValues("--min-common", grid.minCommons());
    requireValues("--k", grid.ks());
    requireValues("--max-pivot-ratings", grid.maxPivotRatings());
    requireValues("--mode", grid.modes());
    if (grid.ks().stream().anyMatch(k -> k < 1)) {
      throw new UsageException("--k values must be >= 1");
    }
    if (grid.shrinks().stream().anyMatch(s -> !(s >= 0 && s < Double.POSITIVE_INFINITY))) {
      throw new UsageException("--shrink values must be numbers >= 0");
    }
    if (grid.minCommons().stream().anyMatch(m -> m < 1)) {
      throw new UsageException("--min-common values must be >= 1");
    }
    if (grid.maxPivotRatings().stream().anyMatch(cap -> cap < 0 || cap == 1)) {
      throw new UsageException("--max-pivot-ratings values must be 0 (no cap) or >= 2");
    }
  }

  /** A list option given as "," alone has no value, which would make an empty grid. */
  static void requireValues(String option, List<?> values) {
    if (values.isEmpty()) {
      throw new UsageException(option + " needs at least one value");
    }
  }
}
