package org.cfmr.core.runtime;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfmr.core.CfmrException;

/**
 * A result folder as its readers ({@code evaluate --folder}, {@code recommend --folder},
 * {@code sweep --folder}, {@code load-mysql}) open it: a commit that a kill interrupted is
 * finished first (see {@link CommitJournal}), then every file its {@link ResultManifest} lists is
 * checked, so that a folder mixing two runs, or a file cut or changed since, is refused with one
 * line naming the file rather than read.
 */
public final class ResultFolder {
  private final Path folder;
  private final ResultManifest manifest;

  private ResultFolder(Path folder, ResultManifest manifest) {
    this.folder = folder;
    this.manifest = manifest;
  }

  /**
   * Opens and checks {@code folder}.
   *
   * @throws CfmrException when it is not a folder, has no manifest, or a file does not match it
   */
  public static ResultFolder open(Path folder, Configuration conf) {
    try {
      FileSystem fs = folder.getFileSystem(conf);
      if (!fs.exists(folder)) {
        throw new CfmrException(folder + ": no such folder");
      }
      if (!fs.getFileStatus(folder).isDirectory()) {
        throw new CfmrException(folder + " is a file, not a result folder");
      }
      CommitJournal.recover(fs, folder);
      ResultManifest manifest = ResultManifest.read(fs, folder);
      if (manifest == null) {
        throw new CfmrException(new Path(folder, ResultManifest.NAME) + ": missing, so "
            + folder + " is not a complete cfmr result (run the command that writes it again)");
      }
      manifest.verify(fs, folder);
      return new ResultFolder(folder, manifest);
    } catch (IOException e) {
      throw new CfmrException("cannot read " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The file {@code name} of this result; see {@link #has(String)}. */
  public Path file(String name) {
    if (!has(name)) {
      throw new CfmrException(new Path(folder, name) + ": not part of this cfmr result ("
          + ResultManifest.NAME + " does not list it)");
    }
    return new Path(folder, name);
  }

  /** Whether the result holds {@code name}. */
  public boolean has(String name) {
    return manifest.files().containsKey(name);
  }

  public ResultManifest manifest() {
    return manifest;
  }
}
