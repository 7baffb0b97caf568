package org.cfmr.mapreduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.factors.FactorNeighbours;
import org.cfmr.core.factors.Factors;
import org.cfmr.core.CfmrException;
import org.cfmr.core.runtime.OutputFolder;
import org.cfmr.core.runtime.ResultStage;
import org.cfmr.core.runtime.PipelineFiles;
import org.cfmr.core.runtime.NeighbourRole;
import org.cfmr.core.io.FactorFiles;

/**
 * {@code cfmr neighbours --from-factors FILE}: the neighbour file of one side from its factor
 * file ({@code cfmr als}'s {@code user_factors.txt} or {@code item_factors.txt}) by the cosine of
 * the factor vectors ({@link FactorNeighbours}). The side is the file's name's, or {@code --mode}
 * for a file of another name; the rank is the first line's, every line must have it, and so must
 * the {@code als.json} beside the file when there is one.
 */
public final class FactorNeighbourFiles {
  private FactorNeighbourFiles() {}

  /**
   * The single mode the factor file is for.
   *
   * @throws IllegalArgumentException (a usage error) when the file's name and {@code --mode}
   *     disagree, or neither says
   */
  static Mode side(Path factors, ModeSelection mode) {
    String name = factors.getName();
    Mode named = name.equals(PipelineFiles.USER_FACTORS) ? Mode.USER
        : name.equals(PipelineFiles.ITEM_FACTORS) ? Mode.ITEM : null;
    if (named != null && mode != ModeSelection.BOTH && mode.singles().get(0) != named) {
      throw new IllegalArgumentException("--from-factors " + name + " holds " + named.cliName()
          + " factors; --mode " + mode.singles().get(0).cliName() + " needs "
          + (named == Mode.USER ? PipelineFiles.ITEM_FACTORS : PipelineFiles.USER_FACTORS));
    }
    if (named == null && mode == ModeSelection.BOTH) {
      throw new IllegalArgumentException("--from-factors " + name + ": say whose factors they are"
          + " with --mode user or --mode item");
    }
    return named != null ? named : mode.singles().get(0);
  }

  /** Writes {@code single}'s neighbour file into {@code output}; returns its number of lines. */
  static int write(Path factorFile, Mode single, Path output, int k, int threads, boolean overwrite,
      Configuration conf) {
    Factors factors = FactorFiles.read(factorFile, 0, conf);
    checkReportedRank(factorFile, factors.rank(), conf);
    ResultStage stage = ResultStage.of("neighbours " + single.cliName() + " from factors")
        .input("factors", factorFile, conf).setting("k", k);
    try (OutputFolder out = OutputFolder.forResult(output, List.of(NeighbourRole.PREDICTION.fileName(single)),
        overwrite, stage, conf)) {
      int lines = FactorFiles.writeNeighbours(factors, k, threads, out.staged(NeighbourRole.PREDICTION.fileName(single)),
          conf);
      out.commit();
      return lines;
    }
  }

  private static void checkReportedRank(Path factorFile, int rank, Configuration conf) {
    Path report = new Path(factorFile.getParent(), PipelineFiles.ALS_REPORT);
    try {
      FileSystem fs = report.getFileSystem(conf);
      if (!fs.exists(report)) {
        return;
      }
      JsonNode reported;
      try (InputStream in = fs.open(report)) {
        reported = new ObjectMapper().readTree(in).get("rank");
      }
      if (reported != null && reported.asInt() != rank) {
        throw new CfmrException(factorFile + ": rank " + rank + ", but " + report + " says "
            + reported.asInt());
      }
    } catch (IOException e) {
      throw new CfmrException("cannot read " + report + ": " + e.getMessage(), e);
    }
  }
}
