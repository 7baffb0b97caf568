package org.cfmr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.als.AlsEngine;
import org.cfmr.als.AlsFiles;
import org.cfmr.als.AlsModel;
import org.cfmr.als.AlsSettings;
import org.cfmr.core.Mode;
import org.cfmr.core.runtime.NeighbourRole;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.baseline.Baseline;
import org.cfmr.core.baseline.BaselineFit;
import org.cfmr.core.predict.NeighbourLists;
import org.cfmr.core.predict.TrainData;
import org.cfmr.core.io.RatingsInput;
import org.cfmr.core.ratings.TrainRatings;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.runtime.HeapFit;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultStage;
import org.cfmr.core.runtime.StageMeter;
import org.cfmr.eval.BlendParts;
import org.cfmr.eval.BlendRecommender;
import org.cfmr.eval.Evaluation;
import org.cfmr.eval.EvaluationResult;
import org.cfmr.eval.EvaluationSettings;
import org.cfmr.eval.FactorRecommender;
import org.cfmr.eval.KnnRecommender;
import org.cfmr.eval.ModelEvaluation;
import org.cfmr.eval.ModelResult;
import org.cfmr.eval.PopularityBaseline;
import org.cfmr.eval.TopNResult;
import org.cfmr.eval.RecommendCommand;
import org.cfmr.eval.Recommender;
import org.cfmr.eval.ResultsTable;
import org.cfmr.eval.TestRatings;
import org.cfmr.mapreduce.Engine;
import org.cfmr.mapreduce.ModeSelection;
import org.cfmr.mapreduce.NeighbourStage;
import org.cfmr.preprocess.split.GivenSplit;
import org.cfmr.preprocess.split.Split;
import org.cfmr.preprocess.split.SplitResult;
import org.cfmr.preprocess.split.SplitSettings;
import org.cfmr.report.RunReport;
import org.cfmr.sql.DatabaseOptions;
import org.cfmr.sql.LoadSettings;
import org.cfmr.sql.LoadSummary;
import org.cfmr.sql.MysqlLoader;
import org.cfmr.core.io.RatingsReader;
import org.cfmr.core.io.NeighbourListsFile;

/**
 * The main job, stage after stage into one output folder: the split, the neighbour files of both
 * modes, optionally ALS's factor files, the evaluation of user- and item-based predictions (and
 * ALS's, and optionally the blend's, {@link ValidationBlend}) beside the global mean, the
 * baseline and the popularity list ({@code metrics.json}), the top-N recommendations of kNN's
 * modes (and ALS's), {@code report.html} (the run on one page, {@link PipelineReport}),
 * {@code run.json} (what was run, for the MySQL loader's {@code runs} table),
 * and optionally the MySQL load. Every file is staged first and all of them are committed together at the end, as
 * one result with one manifest ({@link OutputFolder}): after a failure or a kill the folder holds
 * the previous complete result or this one, never a mix.
 */
final class Pipeline {
  private static final Mode[] MODES = {Mode.USER, Mode.ITEM};
  private static final List<String> FILES = List.of(PipelineFiles.TRAIN, PipelineFiles.TEST,
      PipelineFiles.USER_NEIGHBOURS, PipelineFiles.ITEM_NEIGHBOURS,
      PipelineFiles.USER_BASED_RECOMMENDATIONS, PipelineFiles.ITEM_BASED_RECOMMENDATIONS,
      PipelineFiles.METRICS, PipelineFiles.REPORT, PipelineFiles.RUN);
  private static final List<String> RANKING_FILES = List.of(
      PipelineFiles.USER_RANKING_NEIGHBOURS, PipelineFiles.ITEM_RANKING_NEIGHBOURS);
  private static final List<String> ALS_FILES = List.of(PipelineFiles.USER_FACTORS,
      PipelineFiles.ITEM_FACTORS, PipelineFiles.ALS_REPORT, PipelineFiles.ALS_RECOMMENDATIONS);

  /**
   * Everything the pipeline is asked to do; {@code given}, the split's files when the user gives
   * them, is null when the pipeline splits {@code input}; {@code ranking}, the settings of the ranking
   * neighbours, is null when the prediction neighbours rank the lists; {@code database}, where
   * to load, may be null, and so may {@code work}, the MapReduce chain's work folder (null: the
   * default one, {@link NeighbourStage.Request#work()}); {@code als}, the ALS fit, is null when
   * ALS is not run; {@code blendValidation}, the share of the train ratings the blend's weights
   * are fitted on ({@link ValidationBlend}), is null when the blend is not run (it needs ALS).
   */
  record Settings(Path input, Path output, boolean overwrite, SplitSettings split,
      GivenFiles given, NeighbourSettings neighbours, NeighbourSettings ranking,
      EvaluationSettings predictions, Engine engine, int reducers, int threads, int topN,
      DatabaseOptions database, Path work, AlsSettings als, Double blendValidation) {

    /** The files of the result, the ranking neighbours' and ALS's when they are computed. */
    List<String> files() {
      List<String> files = new ArrayList<>(FILES);
      if (als != null) {
        files.addAll(files.indexOf(PipelineFiles.METRICS), ALS_FILES);
      }
      if (ranking != null) {
        files.addAll(4, RANKING_FILES);
      }
      return files;
    }
  }

  /** A split given as two ratings files ({@code --train}, {@code --test}). */
  record GivenFiles(Path train, Path test) {}

  /** The split files of the run, where they came from, and how run.json describes them. */
  private record SplitFiles(Path train, Path test, RatingsInput source, ObjectNode record) {}

  private final Settings settings;
  private final PrintStream out;
  private final Configuration conf = HadoopRuntime.configuration();

  /**
   * The heap the pipeline needs per byte of its input: the peak RSS of a run on ratings of
   * ml-32m's shape over the input's size (3.6 GB for an 866 MB ratings.csv, 4.2; BENCHMARKS.md),
   * with a margin: an upper bound on what the train and test ratings, the neighbour lists and
   * the evaluation's rows hold.
   */
  static final double HEAP_BYTES_PER_INPUT_BYTE = 4.4;

  private final StageMeter meter = new StageMeter();

  Pipeline(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  void run() {
    long start = System.nanoTime();
    List<EvaluationResult> results;
    List<ModelResult> models;
    TopNResult popularity;
    List<NeighbourStage.Request> chainRuns = new ArrayList<>();
    NeighbourStage.Result neighbours;
    AlsFiles.Request alsRequest = null;
    ValidationBlend.Fit blend = null;
    RatingsInput input = settings.given() == null
        ? RatingsInput.locate(settings.split().input(), conf) : null;
    requireHeap(input == null ? List.of(settings.given().train(), settings.given().test())
        : List.of(input.file()));
    out.println("cfmr pipeline: " + (settings.given() == null ? settings.input()
        : settings.given().train() + " and " + settings.given().test()) + " → "
        + settings.output());
    String password = settings.database() == null ? null
        : settings.database().password(System::getenv);
    try (OutputFolder folder = OutputFolder.forResult(settings.output(), settings.files(),
        settings.overwrite(), manifestStage(input), conf)) {
      StageMeter.Running splitting = meter.start("split");
      SplitFiles split = split(input, folder);
      splitting.end(String.format(Locale.ROOT, "%,d train + %,d test ratings",
          split.record().get("train").asLong(), split.record().get("test").asLong()),
          bytes(folder, PipelineFiles.TRAIN, PipelineFiles.TEST));

      NeighbourStage.Request neighboursRequest = NeighbourStage.Request.builder(split.train(),
          settings.output()).mode(ModeSelection.BOTH).settings(settings.neighbours())
          .engine(settings.engine()).reducers(settings.reducers()).threads(settings.threads())
          .work(settings.work()).build();
      StageMeter.Running neighbouring = meter.start("neighbours");
      List<NeighbourStage.Request> neighbourRequests = settings.ranking() == null
          ? List.of(neighboursRequest)
          : List.of(neighboursRequest, neighboursRequest.forRanking(settings.ranking()));
      neighbours = neighbours(neighbourRequests, folder, chainRuns);
      neighbouring.end(String.format(Locale.ROOT, "%,d users, %,d items",
          neighbours.entitiesWithNeighbours().get(Mode.USER),
          neighbours.entitiesWithNeighbours().get(Mode.ITEM)),
          bytes(folder, neighbourRequests.stream().flatMap(request -> Arrays.stream(MODES)
              .map(request::fileName)).toArray(String[]::new)));
      if (settings.als() != null) {
        StageMeter.Running fitting = meter.start("als");
        alsRequest = als(split.train(), neighbours.engine(), folder);
        fitting.end("rank " + settings.als().rank() + ", " + settings.als().iterations()
            + " iterations", bytes(folder, PipelineFiles.USER_FACTORS, PipelineFiles.ITEM_FACTORS));
      }

      StageMeter.Running reading = meter.start("baseline");
      TrainRatings trainRatings = RatingsReader.readTrain(split.train(), conf);
      TrainData train = TrainData.of(trainRatings);
      TestRatings test = TestRatings.read(split.test(), train, conf);
      EvaluationSettings evaluation = settings.predictions();
      Baseline baseline = BaselineFit.fit(train, evaluation.baseline(), settings.threads());
      models = new ArrayList<>(ModelEvaluation.both(train, test, baseline,
          evaluation.baseline(), evaluation.clip()));
      reading.end(String.format(Locale.ROOT, "%,d test ratings", test.size()), 0);
      results = new ArrayList<>();
      List<Recommender> parts = new ArrayList<>();
      for (Mode mode : MODES) {
        StageMeter.Running evaluating = meter.start(mode.cliName() + "-based");
        NeighbourLists lists = NeighbourListsFile.read(folder.staged(NeighbourRole.PREDICTION.fileName(mode)), conf);
        NeighbourLists rankingLists = settings.ranking() == null ? lists : NeighbourListsFile.read(
            folder.staged(NeighbourRole.RANKING.fileName(mode)), conf);
        Recommender recommender = KnnRecommender.of(train, lists, rankingLists,
            evaluation.withMode(mode), baseline);
        results.add(Evaluation.run(train, test, recommender, evaluation.withMode(mode)));
        parts.add(recommender);
        String file = mode == Mode.USER ? PipelineFiles.USER_BASED_RECOMMENDATIONS
            : PipelineFiles.ITEM_BASED_RECOMMENDATIONS;
        evaluating.end(recommend(recommender, file, folder), bytes(folder, file));
      }
      if (alsRequest != null) {
        StageMeter.Running evaluating = meter.start("als-based");
        FactorRecommender als = FactorRecommender.read(train,
            folder.staged(PipelineFiles.USER_FACTORS), folder.staged(PipelineFiles.ITEM_FACTORS),
            evaluation, baseline, conf);
        models.add(Evaluation.runFactors(train, test, als, evaluation));
        evaluating.end(recommend(als, PipelineFiles.ALS_RECOMMENDATIONS, folder),
            bytes(folder, PipelineFiles.ALS_RECOMMENDATIONS));
        parts.add(als);
      }
      if (settings.blendValidation() != null) {
        StageMeter.Running blending = meter.start("blend");
        blend = blendWeights(trainRatings);
        BlendRecommender recommender = BlendRecommender.of(
            BlendParts.of(train, parts, baseline, evaluation.clip()), blend.weights(), evaluation,
            baseline);
        models.add(Evaluation.runBlend(train, test, recommender, evaluation));
        blending.end(String.format(Locale.ROOT, "%,d validation ratings",
            blend.validationRatings()), 0);
      }
      StageMeter.Running ranking = meter.start("popularity");
      popularity = PopularityBaseline.evaluate(train, test, EvaluationSettings.DEFAULT_TOP_N,
          EvaluationSettings.DEFAULT_RELEVANT_FROM);
      ranking.end("", 0);
      write(folder, PipelineFiles.METRICS, Evaluation.toJsonText(results, models, popularity));
      ObjectNode run = runRecord(split, neighbours.engine(), blend);
      StageMeter.Running reporting = meter.start("report");
      write(folder, PipelineFiles.REPORT, PipelineReport.html(new PipelineReport.Run(run,
          ResultsTable.cells(List.of("user", "item"), "mode", models, results, popularity),
          results, meter, reportedFiles(folder)), split.train(), split.test(),
          split.source().datasetFolder(), conf));
      reporting.end("", bytes(folder, PipelineFiles.REPORT));
      run.set("stages", meter.toJson());
      write(folder, PipelineFiles.RUN, json(run));
      folder.commit();
    }
    chainRuns.forEach(request -> NeighbourStage.removeWork(request, conf));
    if (alsRequest != null) {
      AlsFiles.removeWork(alsRequest, conf);
    }

    if (settings.database() != null) {
      StageMeter.Running loading = meter.start("load-mysql");
      LoadSummary load = MysqlLoader.load(new LoadSettings(settings.database().jdbcUrl(),
          settings.database().user(), password, settings.output(), null, null));
      out.print(load.toText());
      loading.end(String.format(Locale.ROOT, "%,d rows", load.tables().values().stream()
          .mapToLong(LoadSummary.TableLoad::rows).sum()), 0);
    }
    out.println();
    out.print(ResultsTable.text(List.of("user", "item"), "mode", models, results, popularity));
    out.println();
    out.print(meter.table());
    out.printf(Locale.ROOT, "%nfiles in %s (%.1fs): %s%n", settings.output(),
        (System.nanoTime() - start) / 1e9, String.join(", ", settings.files()));
  }

  /**
   * Refuses the run before any work when its inputs' size says the in-memory stages would not
   * fit the heap ({@link HeapFit}, {@link #HEAP_BYTES_PER_INPUT_BYTE}).
   */
  private void requireHeap(List<Path> inputs) {
    long bytes = 0;
    for (Path file : inputs) {
      try {
        bytes += file.getFileSystem(conf).getFileStatus(file).getLen();
      } catch (IOException e) {
        throw new CfmrException("cannot read " + file + ": " + ErrorMessages.of(e), e);
      }
    }
    HeapFit.require(String.format(Locale.ROOT, "%s (%s) for the pipeline", inputs.get(0),
        StageMeter.bytes(bytes)), HeapFit.need(bytes, HEAP_BYTES_PER_INPUT_BYTE),
        Runtime.getRuntime().maxMemory());
  }

  /** The split of {@code input}, or the given split files (input null), staged and said. */
  private SplitFiles split(RatingsInput input, OutputFolder folder) {
    ObjectNode record = new ObjectMapper().createObjectNode();
    if (settings.given() == null) {
      SplitResult split = Split.writeStaged(settings.split(), input, folder, conf);
      out.println(split.summary());
      record.put("seed", split.seed());
      record.put("train_fraction", settings.split().trainFraction());
      record.put("train", split.train());
      record.put("test", split.test());
      return new SplitFiles(split.trainFile(), split.testFile(), split.input(), record);
    }
    GivenSplit split = Split.writeGivenStaged(settings.split(),
        RatingsInput.locate(settings.given().train(), conf),
        RatingsInput.locate(settings.given().test(), conf), folder, conf);
    out.println(split.summary());
    record.put("given_train", split.trainInput().file().toString());
    record.put("given_test", split.testInput().file().toString());
    record.put("train", split.train());
    record.put("test", split.test());
    return new SplitFiles(split.trainFile(), split.testFile(), split.trainInput(), record);
  }

  /**
   * The pipeline's record in the manifest: its inputs ({@code input}, or the given split files
   * when it is null) and every setting the files depend on.
   */
  private ResultStage manifestStage(RatingsInput input) {
    NeighbourSettings similarity = settings.neighbours();
    ResultStage stage = ResultStage.of("pipeline");
    if (input != null) {
      stage.input("ratings", input.file(), conf)
          .setting("seed", settings.split().seed())
          .setting("train_fraction", settings.split().trainFraction());
    } else {
      stage.input("train", settings.given().train(), conf)
          .input("test", settings.given().test(), conf);
    }
    return stage.setting("similarity", similarity.describe())
        .setting("ranking_similarity", settings.ranking() == null ? "the prediction neighbours"
            : settings.ranking().describe())
        .setting("predictions", settings.predictions().describe())
        .setting("als", settings.als() == null ? "off" : settings.als().describe())
        .setting("blend", settings.blendValidation() == null ? "off"
            : "validation " + settings.blendValidation())
        .setting("max_pivot_ratings", similarity.maxPivotRatings())
        .setting("top_n", settings.topN());
  }

  /**
   * Computes the neighbour files of {@code requests} (the prediction neighbours', then the ranking
   * neighbours' if asked) into the staging folder, in one pass where they share pair sums, and
   * says so; a chain run is added to {@code chainRuns}, whose work folders are removed after the
   * commit. Returns the prediction neighbours' result.
   */
  private NeighbourStage.Result neighbours(List<NeighbourStage.Request> requests,
      OutputFolder folder, List<NeighbourStage.Request> chainRuns) {
    List<NeighbourStage.Result> results =
        NeighbourStage.writeStagedTogether(requests, folder, conf);
    for (int i = 0; i < requests.size(); i++) {
      NeighbourStage.Request request = requests.get(i);
      NeighbourStage.Result result = results.get(i);
      if (result.engine() == Engine.MAPREDUCE) {
        chainRuns.add(request);
      }
      out.printf(Locale.ROOT, "%s: %s, %s engine: %,d users and %,d items with neighbours%n",
          request.role() == NeighbourRole.PREDICTION ? "neighbours" : "ranking neighbours",
          request.settings().describe(), result.engine().cliName(),
          result.entitiesWithNeighbours().get(Mode.USER),
          result.entitiesWithNeighbours().get(Mode.ITEM));
    }
    return results.get(0);
  }

  /**
   * Fits ALS to {@code train} into the staging folder (by MapReduce when the neighbours were
   * computed so, else in memory) and says so; the request is returned for its work folder.
   */
  private AlsFiles.Request als(Path train, Engine neighbourEngine, OutputFolder folder) {
    AlsFiles.Request request = new AlsFiles.Request(train, settings.output(), settings.als(),
        neighbourEngine == Engine.MAPREDUCE ? AlsEngine.MAPREDUCE : AlsEngine.MEMORY,
        settings.threads(), settings.reducers(), 0, settings.overwrite());
    long start = System.nanoTime();
    AlsModel model = AlsFiles.writeStaged(request, folder, conf).model();
    out.printf(Locale.ROOT, "als: %s, %s engine: %,d users and %,d items with factors (%.1fs)%n",
        settings.als().describe(), request.engine().cliName(), model.users().size(),
        model.items().size(), (System.nanoTime() - start) / 1e9);
    return request;
  }

  /**
   * Fits the blend's weights on a validation part of {@code train} ({@link ValidationBlend}) and
   * says so.
   */
  private ValidationBlend.Fit blendWeights(TrainRatings train) {
    long start = System.nanoTime();
    ValidationBlend.Fit fit = ValidationBlend.fit(train, new ValidationBlend.Settings(
        settings.neighbours(), settings.als(), settings.predictions(), settings.split().seed(),
        settings.blendValidation(), settings.threads()));
    out.printf(Locale.ROOT, "blend: parts fitted on %,d train ratings, weights on %,d of the "
            + "%,d validation ratings (--blend-validation %s): pred = %s (%.1fs)%n",
        fit.fitRatings(), fit.weights().ratings(), fit.validationRatings(),
        settings.blendValidation(), fit.weights().describe(), (System.nanoTime() - start) / 1e9);
    return fit;
  }

  /** Writes {@code recommender}'s top-N file, says so, and returns what was written. */
  private String recommend(Recommender recommender, String name, OutputFolder folder) {
    long lines = RecommendCommand.writeStaged(recommender, settings.topN(), null,
        settings.threads(), folder, name);
    out.printf(Locale.ROOT, "recommend: %,d %s recommendations → %s%n", lines,
        recommender.title(), name);
    return String.format(Locale.ROOT, "%,d recommendations", lines);
  }

  /** The bytes of the staged files {@code names}. */
  private long bytes(OutputFolder folder, String... names) {
    long total = 0;
    for (String name : names) {
      Path file = folder.staged(name);
      try {
        total += file.getFileSystem(conf).getFileStatus(file).getLen();
      } catch (IOException e) {
        throw new CfmrException("cannot read the size of " + file + ": " + ErrorMessages.of(e), e);
      }
    }
    return total;
  }

  private static void write(OutputFolder folder, String name, String text) {
    try (OutputStream stream = folder.fileSystem().create(folder.staged(name))) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | FSError e) {
      throw new CfmrException("cannot write " + folder.target(name) + ": " + ErrorMessages.of(e),
          e);
    }
  }

  /** The files report.html links to: those written so far, with their sizes. */
  private List<RunReport.ResultFile> reportedFiles(OutputFolder folder) {
    List<RunReport.ResultFile> files = new ArrayList<>();
    for (String name : settings.files()) {
      if (!name.equals(PipelineFiles.REPORT) && !name.equals(PipelineFiles.RUN)) {
        files.add(new RunReport.ResultFile(name, bytes(folder, name)));
      }
    }
    return files;
  }

  /**
   * What was run: the input, its dataset folder (where movies.csv is), the settings and counts;
   * run.json once the stages are added.
   */
  private ObjectNode runRecord(SplitFiles split, Engine engine, ValidationBlend.Fit blend) {
    ObjectNode run = new ObjectMapper().createObjectNode();
    run.put("cfmr_version", Main.version());
    run.put("input", split.source().file().toString());
    run.put("dataset", split.source().datasetFolder().toString());
    run.put("format", split.source().format().description());
    run.set("split", split.record());
    NeighbourSettings similarity = settings.neighbours();
    ObjectNode neighbours = run.putObject("neighbours");
    neighbours.put("similarity", similarity.measure().cliName());
    neighbours.put("shrink", similarity.shrink());
    neighbours.put("min_common", similarity.minCommon());
    neighbours.put("min_sim", similarity.minSim());
    neighbours.put("k", similarity.k());
    neighbours.put("max_pivot_ratings", similarity.maxPivotRatings());
    neighbours.put("engine", engine.cliName());
    if (settings.ranking() != null) {
      neighbours.put("ranking_similarity", settings.ranking().measure().cliName());
      neighbours.put("ranking_shrink", settings.ranking().shrink());
      neighbours.put("ranking_min_common", settings.ranking().minCommon());
    }
    if (settings.als() != null) {
      ObjectNode als = run.putObject("als");
      als.put("rank", settings.als().rank());
      als.put("iterations", settings.als().iterations());
      als.put("reg", settings.als().reg());
      als.put("seed", settings.als().seed());
    }
    if (blend != null) {
      ObjectNode record = run.putObject("blend");
      record.put("validation_fraction", settings.blendValidation());
      record.put("fit_ratings", blend.fitRatings());
      record.put("validation_ratings", blend.validationRatings());
      record.put("fitted_on", blend.weights().ratings());
      ObjectNode weights = record.putObject("weights");
      weights.put("intercept", blend.weights().intercept());
      for (int k = 0; k < blend.weights().names().size(); k++) {
        weights.put(blend.weights().names().get(k), blend.weights().weight(k));
      }
    }
    run.putObject("recommendations").put("n", settings.topN());
    return run;
  }

  private static String json(ObjectNode run) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(run) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
