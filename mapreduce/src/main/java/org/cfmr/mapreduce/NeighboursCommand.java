package org.cfmr.mapreduce;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.runtime.HadoopRuntime;
import org.cfmr.core.UsageException;
import org.cfmr.mapreduce.chain.NeighbourChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.cfmr.core.runtime.NeighbourRole;

/**
 * {@code cfmr neighbours}: the top-K user–user and item–item neighbour files of a train split,
 * by the four-job MapReduce chain or the in-memory engine ({@link NeighbourStage}).
 */
@Command(name = "neighbours", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compute the top-K user-user and item-item neighbour files "
        + "(user_topk_neighbors.txt, item_topk_neighbors.txt) from ratings_train.csv.",
        "The MapReduce chain: 1 co-ratings, 2 pair statistics, 3 similarities, 4 top-k; its "
            + "intermediates stay in the work folder after a failure (see --resume). The output "
            + "folder receives only the neighbour files."})
public final class NeighboursCommand implements Callable<Integer> {

  @Option(names = "--train", paramLabel = "FILE",
      description = "The train split: header-less userId,movieId,rating,timestamp (any Hadoop path).")
  String train;

  @Option(names = "--from-factors", paramLabel = "FILE",
      description = "Instead of --train: neighbours by the cosine of the factor vectors of cfmr "
          + "als's item_factors.txt (or user_factors.txt, or another name with --mode); --k applies.")
  String fromFactors;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "The folder to write the neighbour files into.")
  String output;

  @Option(names = "--mode", defaultValue = "both", paramLabel = "user|item|both",
      converter = ModeConverter.class, description = "Which files to compute (default: ${DEFAULT-VALUE}).")
  ModeSelection mode;

  @Mixin NeighbourOptions neighbours;

  @Option(names = "--for-ranking",
      description = "Write the ranking files (user_ranking_neighbors.txt, "
          + "item_ranking_neighbors.txt) that order top-N lists, as cfmr pipeline does: "
          + "co-occurrence cosine with λ 0 and minCommon 1, the given --k.")
  boolean forRanking;

  @Option(names = "--seed", defaultValue = "" + NeighbourSettings.DEFAULT_SEED, paramLabel = "SEED",
      description = "Seed of the --max-pivot-ratings sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--engine", defaultValue = "auto", paramLabel = "auto|memory|mapreduce",
      converter = EngineConverter.class,
      description = "auto: memory when the train file is local and 4 x its size + 256 MiB fits in "
          + "the free heap, else mapreduce. Both give byte-identical files (default: ${DEFAULT-VALUE}).")
  Engine engine;

  @Option(names = "--reducers", defaultValue = "1", paramLabel = "N",
      description = "Reduce tasks of each chain job (default: ${DEFAULT-VALUE}).")
  int reducers;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads of the memory engine (default: all cores).")
  Integer threads;

  @Option(names = "--start-phase", defaultValue = "1", paramLabel = "1-4",
      description = "First chain job to run, reusing the earlier jobs' intermediates (default: ${DEFAULT-VALUE}).")
  int startPhase;

  @Option(names = "--end-phase", defaultValue = "" + NeighbourChain.PHASES, paramLabel = "1-4",
      description = "Last chain job to run; below 4 no file is written (default: ${DEFAULT-VALUE}).")
  int endPhase;

  @Option(names = "--resume",
      description = "Start each mode's chain at its first job without complete output. When the "
          + "train file's length, modification time or checksum differs from the file job 1 "
          + "read, the chain starts again at job 1 (said on stderr); --start-phase refuses then.")
  boolean resume;

  @Option(names = "--work", paramLabel = "DIR",
      description = "The chain's intermediates, one sub-folder per mode, removed once the files "
          + "are written (default: on the default file system, fs.defaultFS, under "
          + "$${hadoop.tmp.dir}/" + WorkFolder.BASE + "/<output name>-<hash of the output path>).")
  String work;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write the jobs' figures (records, pairs, shuffle bytes, wall time) as JSON.")
  String report;

  @Option(names = "--overwrite", description = "Replace existing neighbour files.")
  boolean overwrite;

  @Override
  public Integer call() {
    Configuration conf = HadoopRuntime.configuration();
    if ((train == null) == (fromFactors == null)) {
      throw new UsageException("give one of --train and --from-factors");
    }
    if (fromFactors != null) {
      return neighboursFromFactors(conf);
    }
    NeighbourSettings settings = neighbours.settings(seed);
    NeighbourStage.Request prediction =
        NeighbourStage.Request.builder(new Path(train), new Path(output))
            .mode(mode).settings(settings).engine(engine).reducers(reducers)
            .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
            .overwrite(overwrite).phases(startPhase, endPhase, resume)
            .work(work != null ? new Path(work) : null).build();
    NeighbourStage.Request request = forRanking
        ? prediction.forRanking(settings.forRanking()) : prediction;
    NeighbourStage.Result result = NeighbourStage.compute(request, conf);
    if (report != null) {
      NeighbourStage.writeReport(result, request, new Path(report), conf);
    }
    result.entitiesWithNeighbours().forEach((single, count) -> System.err.println(
        "neighbours: wrote " + new Path(output, request.fileName(single))
            + (count >= 0 ? " (" + count + " " + single.cliName() + "s with neighbours, "
                + result.engine().cliName() + " engine)" : "")));
    return 0;
  }

  private int neighboursFromFactors(Configuration conf) {
    Path factors = new Path(fromFactors);
    Mode single;
    try {
      single = FactorNeighbourFiles.side(factors, mode);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    int lines = FactorNeighbourFiles.write(factors, single, new Path(output), neighbours.k(),
        threads != null ? threads : Runtime.getRuntime().availableProcessors(), overwrite, conf);
    System.err.println("neighbours: wrote " + new Path(output, NeighbourRole.PREDICTION.fileName(single)) + " ("
        + lines + " " + single.cliName() + "s with neighbours, from the factors of " + factors + ")");
    return 0;
  }

  static final class ModeConverter implements picocli.CommandLine.ITypeConverter<ModeSelection> {
    @Override
    public ModeSelection convert(String value) {
      return ModeSelection.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
  }

  public static final class EngineConverter implements picocli.CommandLine.ITypeConverter<Engine> {
    @Override
    public Engine convert(String value) {
      return Engine.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
  }
}
