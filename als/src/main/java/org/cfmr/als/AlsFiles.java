package org.cfmr.als;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.als.mapreduce.AlsChain;
import org.cfmr.als.memory.MemoryAls;
import org.cfmr.core.SixDecimals;
import org.cfmr.core.factors.FactorNeighbours;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.ResultStage;
import org.cfmr.mapreduce.WorkFolder;
import org.cfmr.core.io.FactorFiles;

/**
 * The files of an ALS fit, the stage {@code cfmr als} runs: {@value #USER_FACTORS} and
 * {@value #ITEM_FACTORS} ({@code FactorFile}), {@value #REPORT} (the settings, the counts and
 * the training RMSE after each iteration), and with {@link Request#neighbours()} the item
 * neighbours of the factors ({@code item_topk_neighbors.txt}). All are committed together into
 * the output folder ({@link OutputFolder}); the MapReduce engine's intermediates live in the
 * output's work folder ({@link WorkFolder}, never in the output folder) until then. Both engines
 * write the same bytes.
 */
public final class AlsFiles {
  public static final String USER_FACTORS = PipelineFiles.USER_FACTORS;
  public static final String ITEM_FACTORS = PipelineFiles.ITEM_FACTORS;
  public static final String REPORT = PipelineFiles.ALS_REPORT;

  private AlsFiles() {}

  /**
   * Everything a run needs.
   *
   * @param threads threads of the memory engine (and of the neighbours)
   * @param reducers reduce tasks of the MapReduce engine's rows jobs
   * @param neighbours K of the item neighbours to write, or 0 for none
   */
  public record Request(Path train, Path output, AlsSettings settings, AlsEngine engine,
      int threads, int reducers, int neighbours, boolean overwrite) {
    public Request {
      if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1, not " + threads);
      if (reducers < 1) throw new IllegalArgumentException("--reducers must be >= 1, not " + reducers);
      if (neighbours < 0) {
        throw new IllegalArgumentException("--neighbours must be >= 1, not " + neighbours);
      }
    }

    List<String> names() {
      List<String> names = new ArrayList<>(List.of(USER_FACTORS, ITEM_FACTORS, REPORT));
      if (neighbours > 0) {
        names.add(PipelineFiles.ITEM_NEIGHBOURS);
      }
      return names;
    }
  }

  /** What a run made: the model, and the number of items with neighbours (-1 when not asked). */
  public record Result(AlsModel model, int itemsWithNeighbours) {}

  /** The fit's record in the result's manifest: the train file and the settings. */
  private static ResultStage manifestStage(Request request, Configuration conf) {
    AlsSettings settings = request.settings();
    return ResultStage.of("als").input("train", request.train(), conf)
        .setting("rank", settings.rank()).setting("iterations", settings.iterations())
        .setting("reg", settings.reg()).setting("seed", settings.seed())
        .setting("neighbours", request.neighbours());
  }

  /** Fits the model of {@code request} and writes its files. */
  public static Result compute(Request request, Configuration conf) {
    try (OutputFolder out = OutputFolder.forResult(request.output(), request.names(),
        request.overwrite(), manifestStage(request, conf), conf)) {
      Result result = writeStaged(request, out, conf);
      out.commit();
      removeWork(request, conf);
      return result;
    }
  }

  /**
   * Fits the model of {@code request} and writes its files into {@code out}'s staging folder,
   * uncommitted: the stage of a larger result ({@code cfmr pipeline}), which commits them with
   * its own files and then calls {@link #removeWork}.
   */
  public static Result writeStaged(Request request, OutputFolder out, Configuration conf) {
    AlsModel model = fit(request, conf);
    FactorFiles.write(model.users(), out.staged(USER_FACTORS), conf);
    FactorFiles.write(model.items(), out.staged(ITEM_FACTORS), conf);
    writeReport(model, request, out.staged(REPORT), conf);
    int withNeighbours = -1;
    if (request.neighbours() > 0) {
      withNeighbours = FactorFiles.writeNeighbours(model.items(), request.neighbours(),
          request.threads(), out.staged(PipelineFiles.ITEM_NEIGHBOURS), conf);
    }
    return new Result(model, withNeighbours);
  }

  private static AlsModel fit(Request request, Configuration conf) {
    if (request.engine() == AlsEngine.MEMORY) {
      return MemoryAls.fit(request.train(), request.settings(), request.threads(), conf);
    }
    try {
      return new AlsChain(conf, request.settings(), work(request, conf), request.reducers())
          .run(request.train());
    } catch (IOException e) {
      throw new CfmrException("als failed: " + e.getMessage(), e);
    }
  }

  private static Path work(Request request, Configuration conf) throws IOException {
    return new Path(WorkFolder.of(request.output(), conf), "als");
  }

  /** Removes the MapReduce engine's intermediates (nothing for the memory engine). */
  public static void removeWork(Request request, Configuration conf) {
    if (request.engine() != AlsEngine.MAPREDUCE) {
      return;
    }
    try {
      Path work = work(request, conf);
      FileSystem fs = work.getFileSystem(conf);
      fs.delete(work, true);
      if (fs.exists(work.getParent()) && fs.listStatus(work.getParent()).length == 0) {
        fs.delete(work.getParent(), false);
      }
    } catch (IOException e) {
      throw new CfmrException("cannot remove the work folder: " + e.getMessage(), e);
    }
  }

  /** {@value #REPORT}: settings, counts, and the training RMSE per iteration (six decimals). */
  private static void writeReport(AlsModel model, Request request, Path file, Configuration conf) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("train", request.train().toString());
    AlsSettings settings = request.settings();
    root.put("rank", settings.rank());
    root.put("iterations", settings.iterations());
    root.put("reg", new BigDecimal(Double.toString(settings.reg())));
    root.put("seed", settings.seed());
    root.put("ratings", model.ratings());
    root.put("users", model.users().size());
    root.put("items", model.items().size());
    ArrayNode rmse = root.putArray("training_rmse");
    for (double value : model.trainingRmse()) {
      rmse.add(new BigDecimal(SixDecimals.format(value)));
    }
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      json.writeValue(out, root);
    } catch (IOException e) {
      throw new CfmrException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
