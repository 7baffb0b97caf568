package org.cfmr.mapreduce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.cfmr.core.Mode;
import org.cfmr.core.runtime.NeighbourRole;
import org.cfmr.core.similarity.NeighbourSettings;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.runtime.JobReport;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.UsageException;
import org.cfmr.core.runtime.ResultStage;
import org.cfmr.mapreduce.chain.ChainSettings;
import org.cfmr.mapreduce.chain.NeighbourChain;
import org.cfmr.mapreduce.memory.MemoryNeighbours;

/**
 * The neighbour files ({@code user_topk_neighbors.txt}, {@code item_topk_neighbors.txt}) of a
 * train split, by the MapReduce chain or the in-memory engine: the stage {@code cfmr neighbours}
 * runs and {@code cfmr pipeline} calls. The files of all requested modes are committed together
 * into the output folder ({@link OutputFolder}), which receives nothing else; the chain's
 * intermediates live in a work folder, {@code <work>/<mode>}, off the output folder
 * ({@link WorkFolder}, or {@link Request#work()}), until then, and stay there after a failure so
 * that {@code --resume} or {@code --start-phase} can continue.
 */
public final class NeighbourStage {
  private NeighbourStage() {}

  /**
   * Everything a run needs.
   *
   * @param reducers reduce tasks per job of the chain
   * @param threads threads of the memory engine
   * @param startPhase first chain phase to run (1–4); ignored with {@code resume}
   * @param endPhase last chain phase to run (1–4); below 4 no file is written
   * @param resume start each mode's chain at its first phase without complete output
   * @param work the chain's work folder, or null for the default one of {@code output}
   *     ({@link WorkFolder})
   * @param role which files are written: the prediction files or the ranking files
   */
  public record Request(Path train, Path output, ModeSelection mode, NeighbourSettings settings,
      Engine engine, int reducers, int threads, boolean overwrite, int startPhase, int endPhase,
      boolean resume, Path work, NeighbourRole role) {

    public Request {
      if (startPhase < 1 || endPhase > NeighbourChain.PHASES || startPhase > endPhase) {
        throw new UsageException("phases must satisfy 1 <= --start-phase <= --end-phase"
            + " <= " + NeighbourChain.PHASES + ", not " + startPhase + ".." + endPhase);
      }
      if (reducers < 1) throw new UsageException("--reducers must be >= 1, not " + reducers);
      if (threads < 1) throw new UsageException("--threads must be >= 1, not " + threads);
    }

    /**
     * A request for both modes' prediction files, default settings, engine auto, 1 reducer, all
     * cores, no overwrite, all phases, the default work folder; the builder changes any of these.
     */
    public static Builder builder(Path train, Path output) {
      return new Builder(train, output);
    }

    /** A builder that starts from this request. */
    public Builder toBuilder() {
      return new Builder(train, output).mode(mode).settings(settings).engine(engine)
          .reducers(reducers).threads(threads).overwrite(overwrite)
          .phases(startPhase, endPhase, resume).work(work).role(role);
    }

    /** The ranking files ({@code *_ranking_neighbors.txt}) instead, computed with {@code newSettings}. */
    public Request forRanking(NeighbourSettings newSettings) {
      return toBuilder().settings(newSettings).role(NeighbourRole.RANKING).build();
    }

    /** {@code mode}'s file name in this request's role. */
    public String fileName(Mode single) {
      return role.fileName(single);
    }

    boolean allPhases() {
      return startPhase == 1 && endPhase == NeighbourChain.PHASES && !resume;
    }

    /** The work folder in use: {@link #work()}, or the default one of {@link #output()}. */
    Path workFolder(Configuration conf) throws IOException {
      return work != null ? work : WorkFolder.of(output, conf);
    }

    /** Builds a {@link Request}, each setting named (the defaults are {@link Request#builder}'s). */
    public static final class Builder {
      private final Path train;
      private final Path output;
      private ModeSelection mode = ModeSelection.BOTH;
      private NeighbourSettings settings = NeighbourSettings.defaults();
      private Engine engine = Engine.AUTO;
      private int reducers = 1;
      private int threads = Runtime.getRuntime().availableProcessors();
      private boolean overwrite;
      private int startPhase = 1;
      private int endPhase = NeighbourChain.PHASES;
      private boolean resume;
      private Path work;
      private NeighbourRole role = NeighbourRole.PREDICTION;

      private Builder(Path train, Path output) {
        this.train = train;
        this.output = output;
      }

      public Builder mode(ModeSelection value) {
        mode = value;
        return this;
      }

      public Builder settings(NeighbourSettings value) {
        settings = value;
        return this;
      }

      public Builder engine(Engine value) {
        engine = value;
        return this;
      }

      public Builder reducers(int value) {
        reducers = value;
        return this;
      }

      public Builder threads(int value) {
        threads = value;
        return this;
      }

      public Builder overwrite(boolean value) {
        overwrite = value;
        return this;
      }

      /** The chain's phases {@code start..end}, resuming a stopped run's work folder if asked. */
      public Builder phases(int start, int end, boolean resumeRun) {
        startPhase = start;
        endPhase = end;
        resume = resumeRun;
        return this;
      }

      /** The chain's work folder; null for the default. */
      public Builder work(Path folder) {
        work = folder;
        return this;
      }

      public Builder role(NeighbourRole value) {
        role = value;
        return this;
      }

      public Request build() {
        return new Request(train, output, mode, settings, engine, reducers, threads, overwrite,
            startPhase, endPhase, resume, work, role);
      }
    }
  }

  /**
   * What a run did.
   *
   * @param engine the engine that ran (never {@code AUTO})
   * @param entitiesWithNeighbours per single mode, the lines of its file, from the report of the
   *     chain's last job (absent when the chain stopped before phase 4; -1 when a resumed chain
   *     had nothing left to run)
   * @param reports the chain's job reports in run order (empty for the memory engine)
   * @param written whether the files were committed to the output folder
   */
  public record Result(Engine engine, Map<Mode, Long> entitiesWithNeighbours,
      List<JobReport> reports, boolean written) {}

  /** Computes and writes the neighbour files of {@code request}; see {@link Request}. */
  public static Result compute(Request request, Configuration conf) {
    try (OutputFolder out = OutputFolder.forResult(request.output(), fileNames(request),
        request.overwrite(), manifestStage(request, conf), conf)) {
      Result result = writeStaged(request, out, conf);
      if (result.written()) {
        out.commit();
        if (result.engine() == Engine.MAPREDUCE) {
          removeWork(request, conf);
        }
      }
      return result;
    }
  }

  /**
   * Computes the neighbour files of {@code request} into the staging folder of {@code out},
   * uncommitted (for a caller that commits them with more files; it then calls
   * {@link #removeWork} after the commit when the chain ran).
   */
  public static Result writeStaged(Request request, OutputFolder out, Configuration conf) {
    Engine engine = request.allPhases() ? request.engine().resolve(request.train(), conf)
        : Engine.MAPREDUCE;
    if (engine == Engine.MEMORY && !request.allPhases()) {
      throw new UsageException("--start-phase, --end-phase and --resume need --engine mapreduce");
    }
    if (engine == Engine.MEMORY) {
      return memory(request, out, conf);
    }
    try {
      return chain(request, request.workFolder(conf), out, conf);
    } catch (IOException e) {
      throw new CfmrException("neighbours failed: " + ErrorMessages.of(e), e);
    }
  }

  /** The files {@code request} writes. */
  public static List<String> fileNames(Request request) {
    return request.mode().singles().stream().map(request::fileName).toList();
  }

  /** The neighbour stage's record in the result's manifest: the train file and the settings. */
  public static ResultStage manifestStage(Request request, Configuration conf) {
    String stage = request.role() == NeighbourRole.PREDICTION ? "neighbours"
        : "ranking neighbours";
    return ResultStage.of(stage).input("train", request.train(), conf)
        .setting("similarity", request.settings().describe());
  }

  /**
   * The neighbour files of several requests over one train split (the prediction and the
   * ranking neighbours), each staged in {@code out} as {@link #writeStaged} does. When the memory
   * engine computes them all and their settings share the first's pair sums
   * ({@link NeighbourSettings#sharesPairSums}) each mode takes one pass for all of them, whose
   * files are the same bytes as separate runs'.
   */
  public static List<Result> writeStagedTogether(List<Request> requests, OutputFolder out,
      Configuration conf) {
    Request first = requests.get(0);
    boolean onePass = requests.stream().allMatch(request -> request.allPhases()
        && request.train().equals(first.train()) && request.mode() == first.mode()
        && first.settings().sharesPairSums(request.settings()))
        && first.engine().resolve(first.train(), conf) == Engine.MEMORY
        && requests.stream().allMatch(request -> request.engine() == first.engine());
    if (!onePass) {
      return requests.stream().map(request -> writeStaged(request, out, conf)).toList();
    }
    return memory(requests, out, conf);
  }

  private static Result memory(Request request, OutputFolder out, Configuration conf) {
    return memory(List.of(request), out, conf).get(0);
  }

  /** One memory-engine pass per mode for all {@code requests} (they share pair sums). */
  private static List<Result> memory(List<Request> requests, OutputFolder out,
      Configuration conf) {
    Request first = requests.get(0);
    List<Map<Mode, Long>> counts = new ArrayList<>();
    requests.forEach(request -> counts.add(new LinkedHashMap<>()));
    List<NeighbourSettings> settings = requests.stream().map(Request::settings).toList();
    for (Mode single : first.mode().singles()) {
      List<Path> outputs = requests.stream()
          .map(request -> out.staged(request.fileName(single))).toList();
      List<Integer> written = MemoryNeighbours.write(first.train(), outputs, single, settings,
          first.threads(), conf);
      for (int i = 0; i < requests.size(); i++) {
        counts.get(i).put(single, (long) written.get(i));
      }
    }
    return counts.stream().map(count -> new Result(Engine.MEMORY, count, List.of(), true))
        .toList();
  }

  private static Result chain(Request request, Path work, OutputFolder out, Configuration conf)
      throws IOException {
    Map<Mode, Long> counts = new LinkedHashMap<>();
    List<JobReport> reports = new ArrayList<>();
    String train = request.train().toString();
    for (Mode single : request.mode().singles()) {
      ChainSettings settings = ChainSettings.of(request.settings(), single,
          train).withBuffersFrom(conf);
      Path modeWork = modeWork(work, request.role(), single);
      NeighbourChain chain = new NeighbourChain(conf, settings, modeWork, request.reducers());
      int start = request.resume() ? resumePhase(chain, request.train(), modeWork)
          : request.startPhase();
      List<JobReport> modeReports = List.of();
      if (start <= request.endPhase()) {
        try {
          modeReports = chain.run(request.train(), start, request.endPhase());
          reports.addAll(modeReports);
        } catch (CfmrException e) {
          if (!chain.isComplete(1)) {
            throw e;
          }
          throw new CfmrException(e.getMessage() + " (the completed jobs' output is kept in "
              + modeWork + "; --resume continues from there)", e);
        }
      }
      if (request.endPhase() == NeighbourChain.PHASES) {
        out.concatenateParts(chain.linesFolder(), request.fileName(single));
        counts.put(single, start <= NeighbourChain.PHASES
            ? modeReports.get(modeReports.size() - 1).count(TaskCounter.REDUCE_OUTPUT_RECORDS) : -1);
      }
    }
    boolean written = request.endPhase() == NeighbourChain.PHASES;
    if (!written) {
      System.err.println("neighbours: stopped after phase " + request.endPhase()
          + "; the intermediates are in " + work);
    }
    return new Result(Engine.MAPREDUCE, counts, reports, written);
  }

  /**
   * Where {@code --resume} starts: the chain's first incomplete phase, which is 1 when the train
   * file is not the one the kept intermediates were made from (said on stderr).
   */
  private static int resumePhase(NeighbourChain chain, Path train, Path modeWork)
      throws IOException {
    String change = chain.isComplete(1) ? chain.trainChange(train) : null;
    if (change != null) {
      System.err.println("neighbours: " + train + " is not the file the intermediates in "
          + modeWork + " were made from (" + change + "); --resume starts at phase 1");
    }
    return chain.firstIncompletePhase(train);
  }

  /** Removes the chain's intermediates of {@code request} (after its files are committed). */
  public static void removeWork(Request request, Configuration conf) {
    try {
      removeWork(request.workFolder(conf), request.mode(), request.role(), conf);
    } catch (IOException e) {
      throw new CfmrException("cannot remove the work folder: " + ErrorMessages.of(e), e);
    }
  }

  /** The chain's folder for one mode and role inside the work folder: {@code user}, {@code item-ranking}, ... */
  private static Path modeWork(Path work, NeighbourRole role, Mode single) {
    return new Path(work, role == NeighbourRole.PREDICTION ? single.cliName()
        : single.cliName() + "-ranking");
  }

  /**
   * Removes the intermediates of {@code modes}, then the work folder once it holds no other
   * mode's (those of a run stopped early stay for its {@code --resume}).
   */
  private static void removeWork(Path work, ModeSelection modes, NeighbourRole role,
      Configuration conf) {
    try {
      FileSystem fs = work.getFileSystem(conf);
      for (Mode single : modes.singles()) {
        fs.delete(modeWork(work, role, single), true);
      }
      if (fs.exists(work) && fs.listStatus(work).length == 0) {
        fs.delete(work, false);
      }
    } catch (IOException e) {
      throw new CfmrException("cannot remove the work folder: " + e.getMessage(), e);
    }
  }

  /** Writes {@code result} and its settings as JSON to {@code file} (any file system). */
  public static void writeReport(Result result, Request request, Path file, Configuration conf) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("engine", result.engine().cliName());
    root.put("train", request.train().toString());
    root.put("settings", request.settings().describe());
    ObjectNode counts = root.putObject("entities_with_neighbours");
    result.entitiesWithNeighbours().forEach((mode, count) -> counts.put(mode.cliName(), count));
    ArrayNode jobs = root.putArray("jobs");
    try {
      for (JobReport report : result.reports()) {
        jobs.add(json.readTree(report.toJson()));
      }
      try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
        json.writeValue(out, root);
      }
    } catch (IOException | FSError e) {
      throw new CfmrException("cannot write the report " + file + ": " + ErrorMessages.of(e), e);
    }
  }
}
