package org.cfmr.eval;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.Mode;
import org.cfmr.core.runtime.NeighbourRole;
import org.cfmr.core.runtime.ResultFolder;
import org.cfmr.core.UsageException;

/**
 * The input files of {@code evaluate}, {@code recommend} and {@code sweep}: each given on its own
 * ({@code --train}, {@code --neighbours}, ...) or taken from the {@code --folder} result, which is
 * opened and checked ({@link ResultFolder}) once, when its first file is needed.
 */
final class FolderInputs {
  private final String folder;
  private final String folderKind;
  private ResultFolder result;

  /**
   * @param folder the --folder option's value, or null
   * @param folderKind what the folder is, for the usage error ("pipeline output folder")
   */
  FolderInputs(String folder, String folderKind) {
    this.folder = folder;
    this.folderKind = folderKind;
  }

  /** {@code given}, else the file {@code name} of the folder, else a usage error naming {@code option}. */
  Path file(String given, String name, String option, Configuration conf) {
    if (given != null) {
      return new Path(given);
    }
    if (folder == null) {
      throw new UsageException("give " + option + " or a " + folderKind + " with --folder");
    }
    return result(conf).file(name);
  }

  /**
   * The neighbours that rank {@code mode}'s lists: {@code given} (--ranking-neighbours); else,
   * when the prediction neighbours come from the folder too ({@code neighboursGiven} is null),
   * the folder's ranking file if it has one; else {@code neighbourFile}.
   */
  Path rankingFile(String given, String neighboursGiven, Mode mode, Path neighbourFile,
      Configuration conf) {
    if (given != null) {
      return new Path(given);
    }
    String name = NeighbourRole.RANKING.fileName(mode);
    return neighboursGiven == null && folder != null && result(conf).has(name)
        ? result(conf).file(name) : neighbourFile;
  }

  private ResultFolder result(Configuration conf) {
    if (result == null) {
      result = ResultFolder.open(new Path(folder), conf);
    }
    return result;
  }
}
