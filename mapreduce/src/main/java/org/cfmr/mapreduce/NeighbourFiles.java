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
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.SimilaritySettings;
import org.cfmr.core.runtime.CfmrException;
import org.cfmr.core.runtime.ErrorMessages;
import org.cfmr.core.runtime.JobReport;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.UsageException;
import org.cfmr.core.runtime.ResultStage;
import org.cfmr.mapreduce.chain.ChainSettings;
import org.cfmr.mapreduce.chain.NeighbourChain;
import org.cfmr.mapreduce.memory.MemoryNeighbours;

/**
 * The neighbour files ({@code user_topk_neighbors.txt}, {@code item_topk_neighbors.txt}) of a
 * train split, by the MapReduce chain or the in-memory engine: the stage {@code cfmr neighbours}
 * runs and {@code cfmr pipeline} calls. The files of all requested modes are committed together
 * into the output folder ({@link OutputFolder}); the chain's intermediates live under
 * {@code <output>/_cfmr-work/<mode>} (or {@link Request#work()}) until then, and stay there after
 * a failure so that {@code --resume} or {@code --start-phase} can continue.
 */
public final class NeighbourFiles {
  /** The default work folder's name inside the output folder (hidden from Hadoop's inputs). */
  public static final String WORK = "_cfmr-work";

  private NeighbourFiles() {}

  /**
   * Everything a run needs.
   *
   * @param reducers reduce tasks per job of the chain
   * @param threads threads of the memory engine
   * @param startPhase first chain phase to run (1–4); ignored with {@code resume}
   * @param endPhase last chain phase to run (1–4); below 4 no file is written
   * @param resume start each mode's chain at its first phase without complete output
   * @param work the chain's work folder, or null for {@code <output>/_cfmr-work}
   */
  public record Request(Path train, Path output, Modes mode, SimilaritySettings settings,
      Engine engine, int reducers, int threads, boolean overwrite, int startPhase, int endPhase,
      boolean resume, Path work) {

    /** Both modes, default settings, engine auto, 1 reducer, all cores, no overwrite, all phases. */
    public static Request of(Path train, Path output) {
      return new Request(train, output, Modes.BOTH, SimilaritySettings.defaults(), Engine.AUTO, 1,
          Runtime.getRuntime().availableProcessors(), false, 1, NeighbourChain.PHASES, false, null);
    }

    public Request {
      if (startPhase < 1 || endPhase > NeighbourChain.PHASES || startPhase > endPhase) {
        throw new UsageException("phases must satisfy 1 <= --start-phase <= --end-phase"
            + " <= " + NeighbourChain.PHASES + ", not " + startPhase + ".." + endPhase);
      }
      if (reducers < 1) throw new UsageException("--reducers must be >= 1, not " + reducers);
      if (threads < 1) throw new UsageException("--threads must be >= 1, not " + threads);
    }

    public Request with(Modes newMode, SimilaritySettings newSettings, Engine newEngine) {
      return new Request(train, output, newMode, newSettings, newEngine, reducers, threads,
          overwrite, startPhase, endPhase, resume, work);
    }

    public Request withParallelism(int newReducers, int newThreads) {
      return new Request(train, output, mode, settings, engine, newReducers, newThreads,
          overwrite, startPhase, endPhase, resume, work);
    }

    public Request withOverwrite(boolean replace) {
      return new Request(train, output, mode, settings, engine, reducers, threads, replace,
          startPhase, endPhase, resume, work);
    }

    public Request withPhases(int start, int end, boolean resumeRun) {
      return new Request(train, output, mode, settings, engine, reducers, threads, overwrite,
          start, end, resumeRun, work);
    }

    public Request withWork(Path folder) {
      return new Request(train, output, mode, settings, engine, reducers, threads, overwrite,
          startPhase, endPhase, resume, folder);
    }

    boolean allPhases() {
      return startPhase == 1 && endPhase == NeighbourChain.PHASES && !resume;
    }

    Path workOf(Mode single) {
      return new Path(work != null ? work : new Path(output, WORK), single.cliName());
    }
  }

  /**
   * What a run did.
   *
   * @param engine the engine that ran (never {@code AUTO})
   * @param entitiesWithNeighbours per single mode, the lines of its file (absent when the chain
   *     stopped before phase 4)
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
    return engine == Engine.MEMORY ? memory(request, out, conf) : chain(request, out, conf);
  }

  /** The files {@code request} writes. */
  public static List<String> fileNames(Request request) {
    return request.mode().singles().stream().map(Mode::neighbourFile).toList();
  }

  /** The neighbour stage's record in the result's manifest: the train file and the settings. */
  public static ResultStage manifestStage(Request request, Configuration conf) {
    return ResultStage.of("neighbours").input("train", request.train(), conf)
        .setting("similarity", request.settings().describe());
  }

  /** {@link #compute(Request, Configuration)} with the common options; phases all, default work folder. */
  public static Result compute(Path train, Path output, Modes mode, SimilaritySettings settings,
      Engine engine, int reducers, int threads, boolean overwrite, Configuration conf) {
    return compute(Request.of(train, output).with(mode, settings, engine)
        .withParallelism(reducers, threads).withOverwrite(overwrite), conf);
  }

  private static Result memory(Request request, OutputFolder out, Configuration conf) {
    Map<Mode, Long> counts = new LinkedHashMap<>();
    for (Mode single : request.mode().singles()) {
      counts.put(single, (long) MemoryNeighbours.write(request.train(), out.staged(single.neighbourFile()),
          single.usersAreEntities(), request.settings(), request.threads(), conf));
    }
    return new Result(Engine.MEMORY, counts, List.of(), true);
  }

  private static Result chain(Request request, OutputFolder out, Configuration conf) {
    Map<Mode, Long> counts = new LinkedHashMap<>();
    List<JobReport> reports = new ArrayList<>();
    String train = request.train().toString();
    try {
      for (Mode single : request.mode().singles()) {
        ChainSettings settings = ChainSettings.of(request.settings(), single.usersAreEntities(),
            train).withBuffersFrom(conf);
        NeighbourChain chain =
            new NeighbourChain(conf, settings, request.workOf(single), request.reducers());
        int start = request.resume() ? chain.firstIncompletePhase() : request.startPhase();
        if (start <= request.endPhase()) {
          try {
            reports.addAll(chain.run(request.train(), start, request.endPhase()));
          } catch (CfmrException e) {
            if (!chain.isComplete(1)) {
              throw e;
            }
            throw new CfmrException(e.getMessage() + " (the completed jobs' output is kept in "
                + request.workOf(single) + "; --resume continues from there)", e);
          }
        }
        if (request.endPhase() == NeighbourChain.PHASES) {
          out.concatenateParts(chain.linesFolder(), single.neighbourFile());
          counts.put(single, lineCount(reports, single));
        }
      }
    } catch (IOException e) {
      throw new CfmrException("neighbours failed: " + e.getMessage(), e);
    }
    boolean written = request.endPhase() == NeighbourChain.PHASES;
    if (!written) {
      System.err.println("neighbours: stopped after phase " + request.endPhase()
          + "; the intermediates are in " + request.workOf(request.mode().singles().get(0)).getParent());
    }
    return new Result(Engine.MAPREDUCE, counts, reports, written);
  }

  /** The lines of a mode's file, from its top-k job's report (-1 when that job was not run now). */
  private static long lineCount(List<JobReport> reports, Mode single) {
    String label = "job 4/4 " + single.cliName() + " top-k";
    return reports.stream().filter(r -> r.name().equals(label))
        .mapToLong(JobReport::reduceOutputRecords).findFirst().orElse(-1);
  }

  /** Removes the chain's intermediates of {@code request} (after its files are committed). */
  public static void removeWork(Request request, Configuration conf) {
    try {
      Path work = request.workOf(request.mode().singles().get(0)).getParent();
      for (Mode single : request.mode().singles()) {
        work.getFileSystem(conf).delete(request.workOf(single), true);
      }
      // Not "is it empty": on S3 a deleted folder can leave directory markers behind, so the
      // work folder goes once no file is left in it (another run's intermediates are files).
      // S3A may re-create a deleted folder's parent as a marker; a few passes see it gone.
      var fs = work.getFileSystem(conf);
      for (int pass = 0; pass < 5 && fs.exists(work) && !fs.listFiles(work, true).hasNext();
          pass++) {
        fs.delete(work, true);
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
