package org.cfmr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.predict.ItemFormula;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.RankingScore;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.runtime.CfmrException;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.PipelineFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cfmr evaluate}: RMSE, MAE and coverage over the covered test ratings, the same over all
 * test ratings with the fallback {@code mu_u} (else {@code mu}), and precision/recall/nDCG@N, for
 * user-based and/or item-based predictions (lists ordered by {@code --ranking}), and the
 * popularity baseline's top-N row with each mode's lift over it. Default: both modes of a
 * pipeline output folder.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"RMSE, MAE, coverage and top-N metrics of kNN predictions on the test split.",
        "Give a pipeline output folder (--folder), or --train, --test, --neighbours and --mode."})
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

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads (default: all cores, here ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures as JSON: one object for one mode, or one object "
          + "per mode ({\"user\": {...}, \"item\": {...}}).")
  String json;

  @Option(names = "--overwrite", description = "Replace an existing --json file.")
  boolean overwrite;

  @Override
  public Integer call() {
    Configuration conf = HadoopRuntime.configuration();
    List<Mode> chosen = chosenModes();
    EvaluationSettings settings = new EvaluationSettings(chosen.get(0),
        ItemFormula.parse(itemFormula), minNeighbours, !noClip, RankingScore.parse(ranking), topN,
        relevantFrom, threads);
    Path trainFile = file(train, PipelineFiles.TRAIN, "--train");
    Path testFile = file(test, PipelineFiles.TEST, "--test");
    TrainData trainData = TrainData.of(TrainRatings.read(trainFile, conf));
    TestRatings testRatings = TestRatings.read(testFile, trainData, conf);
    List<EvaluationResult> results = new ArrayList<>();
    for (Mode mode : chosen) {
      Path neighbourFile = neighbours != null ? new Path(neighbours)
          : file(null, mode == Mode.USER ? PipelineFiles.USER_NEIGHBOURS
              : PipelineFiles.ITEM_NEIGHBOURS, "--neighbours");
      EvaluationResult result = Evaluation.run(trainData, testRatings,
          NeighbourLists.read(neighbourFile, conf), settings.withMode(mode));
      System.out.print(result.report());
      results.add(result);
    }
    BaselineResult popularity = PopularityBaseline.evaluate(trainData, testRatings, topN,
        relevantFrom);
    System.out.print(popularity.report());
    System.out.println();
    System.out.print(ResultsTable.text(chosen.stream().map(Mode::cliName).toList(), "mode",
        results, popularity));
    if (json != null) {
      TextFile.write(new Path(json), Evaluation.toJsonText(results, popularity), overwrite, conf);
    }
    return 0;
  }

  private List<Mode> chosenModes() {
    if (modes == null) {
      if (neighbours != null) {
        throw new CfmrException("--neighbours needs --mode user or --mode item");
      }
      return List.of(Mode.USER, Mode.ITEM);
    }
    List<Mode> parsed = modes.stream().map(Mode::parse).distinct().toList();
    if (neighbours != null && parsed.size() != 1) {
      throw new CfmrException("--neighbours is one file: give one --mode (user or item)");
    }
    return parsed;
  }

  private Path file(String given, String name, String option) {
    if (given != null) {
      return new Path(given);
    }
    if (folder == null) {
      throw new CfmrException("give " + option + " or a pipeline output folder with --folder");
    }
    return new Path(folder, name);
  }
}
